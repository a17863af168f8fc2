package org.dicta.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import org.junit.jupiter.api.Test;

/** The spec validation that guards every REST test really rejects responses that break the contract. */
class SpecValidationTest {

    private final OpenApiInteractionValidator validator = SpecValidation.validator();
    private final SimpleRequest getLanguages = SimpleRequest.Builder.get("/api/v1/languages").build();

    @Test
    void acceptsResponseThatMatchesTheSpec() {
        ValidationReport report = validator.validate(getLanguages, json(200,
                "{\"items\":[{\"code\":\"ur\",\"englishName\":\"Urdu\",\"nativeName\":\"اردو\",\"direction\":\"rtl\"}],\"next\":null,\"nextCursor\":null}"));
        assertThat(report.getMessages()).isEmpty();
    }

    @Test
    void rejectsUndocumentedEnumValue() {
        ValidationReport report = validator.validate(getLanguages, json(200,
                "{\"items\":[{\"code\":\"ur\",\"englishName\":\"Urdu\",\"nativeName\":\"اردو\",\"direction\":\"up\"}],\"next\":null}"));
        assertThat(report.hasErrors()).isTrue();
    }

    @Test
    void rejectsMissingRequiredField() {
        ValidationReport report = validator.validate(getLanguages, json(200, "{\"next\":null}"));
        assertThat(report.hasErrors()).isTrue();
    }

    @Test
    void rejectsUndocumentedStatus() {
        ValidationReport report = validator.validate(getLanguages, json(418, "{}"));
        assertThat(report.hasErrors()).isTrue();
    }

    @Test
    void rejectsUndocumentedMediaType() {
        SimpleResponse html = SimpleResponse.Builder.status(200).withContentType("text/html").withBody("<p>hi</p>").build();
        assertThat(validator.validate(getLanguages, html).hasErrors()).isTrue();
    }

    @Test
    void requestProblemsAreNotReportedBecauseTestsSendBadRequestsOnPurpose() {
        Request badRequest = SimpleRequest.Builder.get("/api/v1/quotes").withQueryParam("limit", "zero").build();
        SimpleResponse problem = SimpleResponse.Builder.status(400).withContentType("application/problem+json")
                .withBody("{\"type\":\"/problems/invalid-parameter\",\"title\":\"Invalid request parameter\",\"status\":400,"
                        + "\"detail\":\"limit: bad\",\"instance\":\"/api/v1/quotes\"}")
                .build();
        assertThat(validator.validate(badRequest, problem).hasErrors()).isFalse();
    }

    private static SimpleResponse json(int status, String body) {
        return SimpleResponse.Builder.status(status).withContentType("application/json").withBody(body).build();
    }
}
