package org.dicta.language;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.dicta.web.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The languages Dicta publishes texts in. */
@Path("/api/v1/languages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Languages", description = "The languages of the corpus, with their script direction.")
public class LanguageResource {

    @GET
    @Operation(operationId = "listLanguages", summary = "List supported languages",
            description = "Every language the corpus has texts in, in catalogue order, with its script direction; "
                    + "the values `lang` accepts everywhere. Always a single page.")
    public Page<LanguageView> list() {
        return Page.whole(Language.listInOrder().stream().map(LanguageView::from).toList());
    }
}
