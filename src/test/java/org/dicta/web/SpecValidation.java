package org.dicta.web;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.RestAssured;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Validates every response of the REST tests against the committed spec, openapi/openapi.yaml: an undocumented status,
 * field, header type or media type fails the test that received it. Requests are not validated, since tests send bad
 * requests on purpose.
 */
public final class SpecValidation {

    public static final Path SPEC = Path.of("openapi", "openapi.yaml");

    private SpecValidation() {
    }

    public static OpenApiInteractionValidator validator() {
        return OpenApiInteractionValidator.createForSpecificationUrl(SPEC.toUri().toString())
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    private static final OpenApiValidationFilter FILTER = new OpenApiValidationFilter(validator());

    /** Adds the filter to RestAssured's global filters, once. */
    public static synchronized void install() {
        if (!RestAssured.filters().contains(FILTER)) {
            RestAssured.filters(FILTER);
        }
    }

    public static boolean installed() {
        return RestAssured.filters().contains(FILTER);
    }

    /**
     * Autodetected JUnit extension (see junit-platform.properties). It installs the filter through the test class's
     * own class loader, which under @QuarkusTest is not the one that loaded this extension.
     */
    public static final class Extension implements BeforeEachCallback {
        @Override
        public void beforeEach(ExtensionContext context) throws Exception {
            ClassLoader loader = context.getRequiredTestClass().getClassLoader();
            Class.forName(SpecValidation.class.getName(), true, loader).getMethod("install").invoke(null);
        }
    }
}
