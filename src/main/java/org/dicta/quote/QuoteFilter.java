package org.dicta.quote;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.Objects;
import org.dicta.search.SearchFilter;
import org.dicta.search.SearchQuery;
import org.dicta.web.Cursor;
import org.dicta.web.constraints.Ids;
import org.dicta.web.constraints.IsoDate;
import org.dicta.web.constraints.Messages;
import org.dicta.web.constraints.OneOf;
import org.dicta.web.constraints.QueryValues;
import org.dicta.web.constraints.Timestamp;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The criteria of a quote list, all of which must hold (AND), as the query parameters of every quote list give them
 * and checked with Bean Validation. Quote-level: speakers (any of), meeting, topics (any of), meeting date range, change
 * time. Variant-level: language, mode and full-text query, which must hold for one and the same variant; the list then
 * shows those variants. Speakers and meeting come from the query or, for the nested lists, from the path.
 */
@QuoteFilter.Coherent
public class QuoteFilter implements SearchFilter {

    @Ids
    private List<String> speaker = List.of();

    @Ids
    private String meeting;

    @RestQuery
    @Ids
    @Parameter(description = "Only quotes tagged with one of these topics (ids from /api/v1/topics; repeat the parameter "
            + "or separate with commas).", example = "sanctions")
    private List<String> topic;

    @RestQuery
    @Parameter(description = "Only quotes with a variant in this language (BCP 47 tag from /api/v1/languages), showing only "
            + "those variants; names and titles are served in it too, with fallback. `all` serves every language. Without "
            + "it, `Accept-Language` chooses the language of names and variants (not a filter).", example = "ur")
    private String lang;

    @RestQuery
    @OneOf(QuoteMode.class)
    @Parameter(description = "Only quotes with a variant in this mode, showing only those variants.",
            schema = @Schema(implementation = QuoteMode.class), example = "direct")
    private String mode;

    @RestQuery
    @IsoDate
    @Parameter(description = "Only quotes from meetings on or after this date (ISO 8601); excludes undated meetings.",
            schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2023-03-01")
    private String from;

    @RestQuery
    @IsoDate
    @Parameter(description = "Only quotes from meetings on or before this date (ISO 8601); excludes undated meetings.",
            schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2023-03-31")
    private String to;

    @RestQuery("updated_since")
    @Timestamp
    @Parameter(name = "updated_since", description = "Only quotes created or changed at or after this instant (RFC 3339), "
            + "for clients that keep a copy in sync.", schema = @Schema(type = SchemaType.STRING, format = "date-time"),
            example = "2023-03-13T00:00:00Z")
    private String updatedSince;

    @RestQuery
    @Parameter(description = "Full-text search in every variant's text, in any script and spelling: words must all occur "
            + "in one variant; \"double quotes\" (or “…”, «…») for a phrase. Results show the matching variants with "
            + "highlights. At most 500 characters.", example = "\"حربه تحریم\"")
    private String q;

    @RestQuery("include_retracted")
    @Pattern(regexp = "true|false", message = "must be true or false")
    @Parameter(name = "include_retracted", description = "`true` to include retracted quotes, with their retraction (editors "
            + "only: needs a token with role editor).", schema = @Schema(type = SchemaType.BOOLEAN), example = "false")
    private String includeRetracted;

    @RestQuery
    @OneOf(QuoteSort.class)
    @Parameter(description = "Order: `date` (newest meeting first, the default) or `relevance` (best match first; needs `q`).",
            schema = @Schema(implementation = QuoteSort.class), example = "date")
    private String sort;

    /** The language code {@code lang} resolved to, once negotiated; null for none. */
    private String language;

    /** {@code q}, parsed once. */
    private SearchQuery parsedQuery;

    /** No restriction: every standing quote, newest first. */
    public static QuoteFilter none() {
        return new QuoteFilter();
    }

    /** The restrictions of a random pick. */
    public static QuoteFilter of(List<String> speakers, List<String> topics, String mode) {
        QuoteFilter filter = new QuoteFilter();
        filter.speaker = speakers == null ? List.of() : speakers;
        filter.topic = topics;
        filter.mode = mode;
        return filter;
    }

    /**
     * The filter of a webhook subscription, from the same fields as the list's parameters (ids as lists, {@code lang}
     * already resolved to a supported code); checked like them with Bean Validation.
     */
    public static QuoteFilter of(List<String> speakers, String meeting, List<String> topics, String lang, String mode,
            String from, String to, String q) {
        QuoteFilter filter = new QuoteFilter();
        filter.speaker = speakers == null ? List.of() : List.copyOf(speakers);
        filter.meeting = meeting;
        filter.topic = topics;
        filter.lang = lang;
        filter.language = lang;
        filter.mode = mode;
        filter.from = from;
        filter.to = to;
        filter.q = q;
        return filter;
    }

    /**
     * The quote as the list with this filter would show it (the variants that meet it, with highlights for {@code q}),
     * or empty when the list would not show it: the list's criteria, checked on one quote in memory. Retraction is left
     * to the caller.
     */
    public Optional<QuoteMatch> match(QuoteRecord quote) {
        LocalDate date = quote.meeting().date();
        boolean shown = (speakers().isEmpty() || speakers().contains(quote.speaker().id()))
                && (meeting() == null || meeting().equals(quote.meeting().id()))
                && (topics().isEmpty() || quote.topics().stream().anyMatch(topic -> topics().contains(topic.id())))
                && (from() == null && to() == null || date != null && date.isAfter(Quote.UNDATED)
                        && (from() == null || !date.isBefore(from())) && (to() == null || !date.isAfter(to())))
                && (updatedSince() == null || !quote.updatedAt().toInstant().isBefore(updatedSince()));
        if (!shown) {
            return Optional.empty();
        }
        SearchQuery query = query();
        List<QuoteRecord.Variant> variants = quote.variants().stream()
                .filter(variant -> admits(variant) && (query == null || query.matches(variant.text(), variant.lang())))
                .toList();
        if (variants.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, List<SearchQuery.Highlight>> highlights = query == null ? Map.of()
                : variants.stream().collect(Collectors.toMap(QuoteRecord.Variant::id,
                        variant -> query.highlight(variant.text(), variant.lang())));
        return Optional.of(new QuoteMatch(quote, null, variants, highlights));
    }

    /** Restricts the list to these speakers (the query's, or the one of a nested list's path). */
    public QuoteFilter bySpeakers(List<String> speakers) {
        this.speaker = speakers == null ? List.of() : speakers;
        return this;
    }

    /** Restricts the list to one meeting (the query's, or the one of a nested list's path); null for any. */
    public QuoteFilter atMeeting(String meeting) {
        this.meeting = meeting;
        return this;
    }

    /** Restricts the variants to the language {@code lang} named, once it is resolved against the catalogue. */
    public QuoteFilter inLanguage(String code) {
        this.language = code;
        return this;
    }

    /** The {@code lang} parameter as given. */
    public String langParameter() {
        return lang;
    }

    @Override
    public List<String> speakers() {
        return QueryValues.ids(speaker);
    }

    @Override
    public String meeting() {
        return QueryValues.id(meeting);
    }

    @Override
    public List<String> topics() {
        return QueryValues.ids(topic);
    }

    @Override
    public String lang() {
        return language;
    }

    public QuoteMode mode() {
        return QueryValues.choice(mode, QuoteMode.class);
    }

    @Override
    public String variantMode() {
        return mode() == null ? null : mode().name();
    }

    @Override
    public LocalDate from() {
        return QueryValues.date(from);
    }

    @Override
    public LocalDate to() {
        return QueryValues.date(to);
    }

    @Override
    public Instant updatedSince() {
        return QueryValues.timestamp(updatedSince);
    }

    /** The full-text query, or null without {@code q}. */
    public SearchQuery query() {
        if (q != null && parsedQuery == null) {
            parsedQuery = SearchQuery.parse(q);
        }
        return parsedQuery;
    }

    public QuoteSort sort() {
        QuoteSort order = QueryValues.choice(sort, QuoteSort.class);
        return order == null ? QuoteSort.DATE : order;
    }

    @Override
    public boolean includeRetracted() {
        return Boolean.parseBoolean(includeRetracted);
    }

    /** Identifies the filter set and order, so that a cursor issued for one list is refused by another. */
    public String fingerprint() {
        SearchQuery query = query();
        return Cursor.fingerprint(String.join("\n",
                "speaker=" + String.join(",", speakers().stream().sorted().toList()),
                "meeting=" + Objects.toString(meeting(), ""),
                "topic=" + String.join(",", topics().stream().sorted().toList()),
                "lang=" + Objects.toString(lang(), ""),
                "mode=" + Objects.toString(mode(), ""),
                "from=" + Objects.toString(from(), ""),
                "to=" + Objects.toString(to(), ""),
                "updated_since=" + Objects.toString(updatedSince(), ""),
                "q=" + (query == null ? "" : query.text()),
                "sort=" + sort(),
                "include_retracted=" + includeRetracted()));
    }

    /** Whether a variant meets the variant-level criteria other than the full-text query. */
    public boolean admits(QuoteRecord.Variant variant) {
        QuoteMode wanted = mode();
        return (language == null || language.equals(variant.lang())) && (wanted == null || wanted == variant.mode());
    }

    /** The rules between parameters: a date range in order, a query that parses, relevance only with a query. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = CoherenceValidator.class)
    public @interface Coherent {

        String message() default "the filters contradict each other";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** Checks {@link Coherent}, naming the parameter at fault. */
    public static final class CoherenceValidator implements ConstraintValidator<Coherent, QuoteFilter> {

        @Override
        public boolean isValid(QuoteFilter filter, ConstraintValidatorContext context) {
            context.disableDefaultConstraintViolation();
            boolean valid = true;
            LocalDate from = filter.from();
            LocalDate to = filter.to();
            if (from != null && to != null && from.isAfter(to)) {
                valid = violation(context, "from", "is after to (" + from + " > " + to + ")");
            }
            if (filter.q != null) {
                try {
                    SearchQuery.parse(filter.q);
                } catch (IllegalArgumentException e) {
                    valid = violation(context, "q", e.getMessage());
                }
            }
            if (filter.sort() == QuoteSort.RELEVANCE && filter.q == null) {
                valid = violation(context, "sort", "relevance needs a full-text query in q");
            }
            return valid;
        }

        private static boolean violation(ConstraintValidatorContext context, String field, String message) {
            context.buildConstraintViolationWithTemplate(Messages.literal(message)).addPropertyNode(field)
                    .addConstraintViolation();
            return false;
        }
    }
}
