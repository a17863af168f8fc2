package org.dicta.quote;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.dicta.web.ApiConfig;
import org.dicta.web.LanguageChoice;
import org.dicta.web.LanguageNegotiation;
import org.dicta.web.Page;
import org.dicta.web.PageParameters;
import org.dicta.web.PageRequest;
import org.dicta.web.Parameters;
import org.dicta.web.Responses;
import org.jboss.resteasy.reactive.RestResponse;

/** Answers a quote list request, for /quotes and for the nested lists of a speaker or a meeting alike. */
@ApplicationScoped
public class QuoteListing {

    /** The description of {@code lang} on every quote list. */
    public static final String LANG_FILTER = "Only quotes that have a variant in this language (BCP 47 tag from /api/v1/languages), "
            + "with only those variants; speaker names and meeting titles are served in it too, falling back to English, "
            + "then to the first language available.";

    private final QuoteService quotes;
    private final LanguageNegotiation languages;
    private final ApiConfig config;

    QuoteListing(QuoteService quotes, LanguageNegotiation languages, ApiConfig config) {
        this.quotes = quotes;
        this.languages = languages;
        this.config = config;
    }

    /**
     * @param parameters the request's parameters parsed so far; their violations are reported with the paging ones
     */
    public RestResponse<Page<QuoteView>> list(Parameters parameters, List<String> speakers, String meeting, String lang,
            PageParameters page, UriInfo uri) {
        LanguageChoice language = languages.read(parameters, lang);
        QuoteFilter filter = new QuoteFilter(speakers, meeting, language.requested());
        PageRequest request = parameters.page(page, config, filter.fingerprint());
        parameters.throwIfInvalid();
        return Responses.page(quotes.listAfter(filter, request.after(), request.rowsToFetch()), request, quote -> quote.id,
                quote -> QuoteView.from(quote, language), uri, language);
    }
}
