package org.dicta.quote;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;
import jakarta.validation.Validator;
import java.util.List;
import org.dicta.auth.CurrentEditor;
import org.dicta.web.ApiConfig;
import org.dicta.web.LanguageChoice;
import org.dicta.web.LanguageNegotiation;
import org.dicta.web.Page;
import org.dicta.web.PageParameters;
import org.dicta.web.PageRequest;
import org.dicta.web.Parameters;
import org.dicta.web.ResponseDependencies;
import org.dicta.web.Responses;
import org.jboss.resteasy.reactive.RestResponse;

/** Answers quote list requests, for /quotes and for the nested lists of a speaker or a meeting alike. */
@ApplicationScoped
public class QuoteListing {

    private final QuoteService quotes;
    private final LanguageNegotiation languages;
    private final ApiConfig config;
    private final CurrentEditor editors;
    private final Validator validator;
    private final ResponseDependencies dependencies;

    QuoteListing(QuoteService quotes, LanguageNegotiation languages, ApiConfig config, CurrentEditor editors,
            Validator validator, ResponseDependencies dependencies) {
        this.quotes = quotes;
        this.languages = languages;
        this.config = config;
        this.editors = editors;
        this.validator = validator;
        this.dependencies = dependencies;
    }

    /**
     * @param parameters the request's parameters checked so far; their violations are reported with the others
     */
    public RestResponse<Page<QuoteView>> list(Parameters parameters, QuoteFilter filter, PageParameters page, UriInfo uri) {
        LanguageChoice language = languages.read(parameters, filter.langParameter());
        QuoteFilter checked = check(parameters, filter, language);
        PageRequest request = parameters.page(page, config, checked == null ? null : checked.fingerprint());
        parameters.throwIfInvalid();
        List<QuoteMatch> matches = quotes.list(checked, request.after(), request.rowsToFetch());
        dependencies.addAll(QuoteDependencies.ofList(checked, matches.stream().map(match -> match.quote().id()).toList()));
        return Responses.page(matches, request, QuoteMatch::key,
                match -> QuoteView.from(match, language), uri, language);
    }

    /**
     * Checks the filter with Bean Validation, recording its violations with the others; null when some are invalid.
     * Retracted quotes are shown to editors only.
     */
    public QuoteFilter check(Parameters parameters, QuoteFilter filter, LanguageChoice language) {
        parameters.check(validator, filter);
        if (!parameters.valid()) {
            return null;
        }
        if (filter.includeRetracted()) {
            editors.require();
        }
        return filter.inLanguage(language.filter());
    }
}
