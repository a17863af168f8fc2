package org.dicta.topic;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.dicta.web.LanguageChoice;
import org.dicta.web.LanguageNegotiation;
import org.dicta.web.Page;
import org.dicta.web.Parameters;
import org.dicta.web.Responses;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** The topic taxonomy. */
@Path("/api/v1/topics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Topics", description = "The subjects quotes are tagged with; the values of the `topic` filter.")
public class TopicResource {

    @Inject
    LanguageNegotiation languages;

    @GET
    @Operation(operationId = "listTopics", summary = "List topics",
            description = "Every topic, in the taxonomy's order, labelled in each language. Always a single page.")
    public RestResponse<Page<TopicView>> list(
            @Parameter(description = "Language of the labels (BCP 47 tag), or `all`; without it, Accept-Language decides, "
                    + "and without that, all languages.", example = "ar") @RestQuery String lang) {
        Parameters parameters = new Parameters();
        LanguageChoice language = languages.read(parameters, lang);
        parameters.throwIfInvalid();
        Page<TopicView> page = Page.whole(Topic.listInOrder().stream().map(topic -> TopicView.from(topic, language)).toList());
        return Responses.ok(page, language);
    }
}
