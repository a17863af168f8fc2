package org.dicta.quote;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.dicta.auth.CurrentEditor;
import org.dicta.search.SearchQuery;
import org.dicta.web.ApiConfig;
import org.dicta.web.LanguageChoice;
import org.dicta.web.LanguageNegotiation;
import org.dicta.web.Page;
import org.dicta.web.PageParameters;
import org.dicta.web.PageRequest;
import org.dicta.web.Parameters;
import org.dicta.web.Responses;
import org.jboss.resteasy.reactive.RestResponse;

/** Answers quote list requests, for /quotes and for the nested lists of a speaker or a meeting alike. */
@ApplicationScoped
public class QuoteListing {

    private final QuoteService quotes;
    private final LanguageNegotiation languages;
    private final ApiConfig config;
    private final CurrentEditor editors;

    QuoteListing(QuoteService quotes, LanguageNegotiation languages, ApiConfig config, CurrentEditor editors) {
        this.quotes = quotes;
        this.languages = languages;
        this.config = config;
        this.editors = editors;
    }

    /**
     * @param parameters the request's parameters parsed so far; their violations are reported with the others
     */
    public RestResponse<Page<QuoteView>> list(Parameters parameters, List<String> speakers, String meeting,
            QuoteFilterParameters filters, PageParameters page, UriInfo uri) {
        LanguageChoice language = languages.read(parameters, filters.lang);
        QuoteFilter filter = filter(parameters, speakers, meeting, filters, language);
        PageRequest request = parameters.page(page, config, filter == null ? null : filter.fingerprint());
        parameters.throwIfInvalid();
        return Responses.page(quotes.list(filter, request.after(), request.rowsToFetch()), request, QuoteMatch::key,
                match -> QuoteView.from(match, language), uri, language);
    }

    /** The filter the parameters describe; null, with violations recorded, when some are invalid. */
    QuoteFilter filter(Parameters parameters, List<String> speakers, String meeting, QuoteFilterParameters filters,
            LanguageChoice language) {
        List<String> topics = parameters.ids("topic", filters.topic == null ? List.of() : filters.topic);
        QuoteMode mode = parameters.choice("mode", filters.mode, QuoteMode.class);
        var from = parameters.date("from", filters.from);
        var to = parameters.date("to", filters.to);
        if (from != null && to != null && from.isAfter(to)) {
            parameters.reject("from", "is after to (" + from + " > " + to + ")");
        }
        var updatedSince = parameters.timestamp("updated_since", filters.updatedSince);
        SearchQuery query = null;
        if (filters.q != null) {
            try {
                query = SearchQuery.parse(filters.q);
            } catch (IllegalArgumentException e) {
                parameters.reject("q", e.getMessage());
            }
        }
        QuoteSort sort = filters.sort == null ? QuoteSort.DATE : parameters.choice("sort", filters.sort, QuoteSort.class);
        if (sort == QuoteSort.RELEVANCE && filters.q == null) {
            parameters.reject("sort", "relevance needs a full-text query in q");
        }
        boolean includeRetracted = "true".equals(filters.includeRetracted);
        if (filters.includeRetracted != null && !includeRetracted && !"false".equals(filters.includeRetracted)) {
            parameters.reject("include_retracted", "must be true or false");
        }
        if (!parameters.valid()) {
            return null;
        }
        if (includeRetracted) {
            editors.require();
        }
        return new QuoteFilter(speakers, meeting, topics, language.filter(), mode, from, to, updatedSince, query, sort,
                includeRetracted);
    }
}
