package org.dicta.quote;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dicta.history.InputChecks;
import org.dicta.history.Outcome;
import org.dicta.history.RevisionAction;
import org.dicta.history.Revisions;
import org.dicta.meeting.Meeting;
import org.dicta.source.Source;
import org.dicta.source.SpanLocator;
import org.dicta.speaker.Speaker;
import org.dicta.topic.Topic;
import org.dicta.web.Preconditions;
import org.dicta.web.Problem;
import org.dicta.web.ProblemException;
import org.dicta.web.ResourceNotFoundException;
import org.dicta.web.SafeText;

/**
 * Editorial changes to quotes, each in one transaction that writes the quote and its revision together: creation,
 * replacement (PUT), JSON Merge Patch, and retraction. Every variant's text is located in its source before anything
 * is written; a reference to nothing or a text not found is a 422 naming the field.
 */
@ApplicationScoped
public class QuoteEditor {

    static final String ENTITY = "quote";

    private final EntityManager em;
    private final Revisions revisions;
    private final InputChecks checks;
    private final Event<QuoteChanged> changed;

    QuoteEditor(EntityManager em, Revisions revisions, InputChecks checks, Event<QuoteChanged> changed) {
        this.em = em;
        this.revisions = revisions;
        this.checks = checks;
        this.changed = changed;
    }

    @Transactional
    public Quote create(QuoteInput input, String editor) {
        String id = input.id() != null ? input.id()
                : input.speaker().substring(0, Math.min(input.speaker().length(), 90)) + "-" + UUID.randomUUID().toString().substring(0, 8);
        if (em.find(Quote.class, id) != null) {
            throw new ProblemException(409, "/problems/conflict", "Conflict", "A quote with id '" + id + "' exists already; "
                    + "choose another id, or PUT to /api/v1/quotes/" + id + " to change it.",
                    List.of(new Problem.Violation("id", "is taken")), Map.of());
        }
        Quote quote = new Quote();
        quote.id = id;
        apply(quote, input);
        em.persist(quote);
        em.flush();
        record(quote, RevisionAction.CREATE, null, input.reason(), editor);
        return quote;
    }

    /** Creates the quote, or updates it when it differs, or leaves it alone (imports apply a corpus as a whole). */
    @Transactional
    public Outcome upsert(QuoteInput input, String editor) {
        Quote existing = em.find(Quote.class, input.id());
        if (existing == null) {
            create(input, editor);
            return Outcome.CREATED;
        }
        if (existing.retractedAt != null) {
            throw gone(existing);
        }
        if (revisions.sameState(QuoteInput.of(existing).canonical(), input.canonical())) {
            return Outcome.UNCHANGED;
        }
        update(existing, input, editor);
        return Outcome.UPDATED;
    }

    @Transactional
    public Quote replace(String id, QuoteInput input, String ifMatch, String editor) {
        Quote quote = standing(id);
        Preconditions.requireMatch(ifMatch, quote.version);
        return update(quote, input, editor);
    }

    @Transactional
    public Quote patch(String id, JsonNode patch, String ifMatch, String editor) {
        Quote quote = standing(id);
        Preconditions.requireMatch(ifMatch, quote.version);
        return update(quote, revisions.patch(QuoteInput.of(quote), patch, QuoteInput.class), editor);
    }

    @Transactional
    public Quote retract(String id, String reason, String ifMatch, String editor) {
        Quote quote = standing(id);
        Preconditions.requireMatch(ifMatch, quote.version);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String before = state(quote);
        quote.retractedAt = now;
        quote.retractionReason = reason;
        touch(quote);
        em.flush();
        record(quote, RevisionAction.RETRACT, before, reason, editor);
        return quote;
    }

    /** Adds a report of the statement. */
    @Transactional
    public QuoteVariant addVariant(String quoteId, QuoteInput.VariantInput input, String ifMatch, String reason, String editor) {
        Quote quote = standing(quoteId);
        Preconditions.requireMatch(ifMatch, quote.version);
        String before = state(quote);
        QuoteVariant variant = checkedVariant(input, quote);
        quote.addVariant(variant);
        touch(quote);
        em.flush();
        record(quote, RevisionAction.UPDATE, before, reason, editor);
        return variant;
    }

    /** Replaces one report of the statement; its id stays. */
    @Transactional
    public QuoteVariant replaceVariant(String quoteId, long variantId, QuoteInput.VariantInput input, String ifMatch,
            String reason, String editor) {
        Quote quote = standing(quoteId);
        Preconditions.requireMatch(ifMatch, quote.version);
        QuoteVariant kept = variantOf(quote, variantId);
        String before = state(quote);
        QuoteVariant given = checkedVariant(input, quote);
        copyInto(kept, given);
        touch(quote);
        em.flush();
        record(quote, RevisionAction.UPDATE, before, reason, editor);
        return kept;
    }

    /** Applies a JSON Merge Patch to one report of the statement. */
    @Transactional
    public QuoteVariant patchVariant(String quoteId, long variantId, JsonNode patch, String ifMatch, String editor) {
        Quote quote = standing(quoteId);
        QuoteVariant variant = variantOf(quote, variantId);
        QuoteInput.VariantInput current = QuoteInput.of(quote).variants().get(quote.variants.indexOf(variant));
        if (!patch.isObject()) {
            throw new ProblemException(400, "/problems/invalid-body", "Invalid request body",
                    "A merge patch of a variant is a JSON object.", List.of(new Problem.Violation("body", "is not an object")),
                    Map.of());
        }
        if (patch.has("text") && !patch.has("span")) {
            // A new text is located afresh: the old span describes the old text.
            current = new QuoteInput.VariantInput(current.source(), current.lang(), current.mode(), current.text(), null,
                    current.note());
        }
        JsonNode reason = patch.get("reason");
        if (reason != null && reason.isTextual() && reason.asText().length() > 2000) {
            throw ProblemException.unprocessable(List.of(new Problem.Violation("reason", "is longer than 2000 characters")));
        }
        String fault = reason != null && reason.isTextual() ? SafeText.fault(reason.asText(), false) : null;
        if (fault != null) { // the reason is taken from the patch before the rest is read through SafeText
            throw new ProblemException(400, "/problems/invalid-body", "Invalid request body", "reason: " + fault,
                    List.of(new Problem.Violation("reason", fault)), Map.of());
        }
        QuoteInput.VariantInput patched = revisions.patch(current, patch.isObject()
                ? ((com.fasterxml.jackson.databind.node.ObjectNode) patch.deepCopy()).without("reason") : patch,
                QuoteInput.VariantInput.class);
        return replaceVariant(quoteId, variantId, patched, ifMatch, reason == null || reason.isNull() ? null : reason.asText(),
                editor);
    }

    /** Removes one report of the statement; the last one cannot go (retract the quote instead). */
    @Transactional
    public void removeVariant(String quoteId, long variantId, String ifMatch, String reason, String editor) {
        Quote quote = standing(quoteId);
        Preconditions.requireMatch(ifMatch, quote.version);
        QuoteVariant variant = variantOf(quote, variantId);
        if (quote.variants.size() == 1) {
            throw ProblemException.unprocessable(List.of(new Problem.Violation("variant",
                    "is the quote's only variant; a quote needs one, so retract the quote instead")));
        }
        String before = state(quote);
        quote.variants.remove(variant);
        for (int i = 0; i < quote.variants.size(); i++) {
            quote.variants.get(i).position = i;
        }
        touch(quote);
        em.flush();
        record(quote, RevisionAction.UPDATE, before, reason, editor);
    }

    private QuoteVariant checkedVariant(QuoteInput.VariantInput input, Quote quote) {
        List<Problem.Violation> violations = new ArrayList<>();
        QuoteVariant variant = variant(input, quote.meeting, "", violations);
        if (!violations.isEmpty()) {
            throw ProblemException.unprocessable(violations.stream()
                    .map(v -> new Problem.Violation(v.field().startsWith(".") ? v.field().substring(1) : v.field(), v.message()))
                    .toList());
        }
        if (quote.meeting.sources.stream().noneMatch(reporting -> reporting.id.equals(variant.source.id))) {
            quote.meeting.sources.add(variant.source);
        }
        return variant;
    }

    private static ProblemException gone(Quote quote) {
        return QuoteResource.gone(quote);
    }

    private static QuoteVariant variantOf(Quote quote, long variantId) {
        return quote.variants.stream().filter(variant -> variant.id == variantId).findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("No variant " + variantId + " in quote '" + quote.id + "'."));
    }

    /** A corrected variant keeps its id and position; everything else comes from the correction. */
    private static void copyInto(QuoteVariant kept, QuoteVariant given) {
        kept.lang = given.lang;
        kept.mode = given.mode;
        kept.source = given.source;
        kept.text = given.text;
        kept.spanStart = given.spanStart;
        kept.spanEnd = given.spanEnd;
        kept.note = given.note;
    }

    /** A change of the quote or its variants: a new version (variants alone would not make the quote row dirty). */
    private void touch(Quote quote) {
        quote.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        if (em.contains(quote)) {
            em.lock(quote, LockModeType.PESSIMISTIC_FORCE_INCREMENT); // now, so that the revision records the new version
        }
    }

    private Quote update(Quote quote, QuoteInput input, String editor) {
        if (input.id() != null && !input.id().equals(quote.id)) {
            throw ProblemException.unprocessable(List.of(new Problem.Violation("id",
                    "is '" + input.id() + "' but the quote is '" + quote.id + "'; ids do not change")));
        }
        if (revisions.sameState(QuoteInput.of(quote).canonical(), input.canonical())) {
            revisions.requireCurrent(Quote.class, quote.id, quote.version);
            return quote; // nothing to change, nothing to record
        }
        String before = state(quote);
        apply(quote, input);
        em.flush(); // the version check: a concurrent change makes this fail with an optimistic lock exception
        record(quote, RevisionAction.UPDATE, before, input.reason(), editor);
        return quote;
    }

    /** The quote, unless it does not exist (404) or was retracted (410). */
    private Quote standing(String id) {
        Quote quote = em.find(Quote.class, id);
        if (quote == null) {
            throw new ResourceNotFoundException("quote", id);
        }
        if (quote.retractedAt != null) {
            throw gone(quote);
        }
        return quote;
    }

    /** Checks every reference and span, then writes the input onto the quote. */
    private void apply(Quote quote, QuoteInput input) {
        List<Problem.Violation> violations = new ArrayList<>();
        Speaker speaker = em.find(Speaker.class, input.speaker());
        if (speaker == null) {
            violations.add(new Problem.Violation("speaker", "there is no speaker with id '" + input.speaker() + "'"));
        }
        Meeting meeting = em.find(Meeting.class, input.meeting());
        if (meeting == null) {
            violations.add(new Problem.Violation("meeting", "there is no meeting with id '" + input.meeting() + "'"));
        }
        List<Topic> topics = new ArrayList<>();
        List<String> topicIds = input.topics() == null ? List.of() : input.topics();
        for (int i = 0; i < topicIds.size(); i++) {
            Topic topic = em.find(Topic.class, topicIds.get(i));
            if (topic == null) {
                violations.add(new Problem.Violation("topics[" + i + "]", "there is no topic with id '" + topicIds.get(i) + "'"));
            } else if (!topics.contains(topic)) {
                topics.add(topic);
            }
        }
        // The cited sources are locked (see variant) in the order of their ids, so that two writers citing the same
        // sources cannot each hold one the other waits for.
        input.variants().stream().map(QuoteInput.VariantInput::source).filter(java.util.Objects::nonNull).distinct().sorted()
                .forEach(id -> em.find(Source.class, id, LockModeType.PESSIMISTIC_WRITE));
        List<QuoteVariant> variants = new ArrayList<>();
        for (int i = 0; i < input.variants().size(); i++) {
            QuoteVariant variant = variant(input.variants().get(i), meeting, "variants[" + i + "]", violations);
            if (variant != null) {
                variants.add(variant);
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.unprocessable(violations);
        }
        quote.speaker = speaker;
        quote.meeting = meeting;
        // A variant that cites a source for this meeting makes the source one that reports it.
        variants.stream().map(variant -> variant.source).distinct()
                .filter(source -> meeting.sources.stream().noneMatch(reporting -> reporting.id.equals(source.id)))
                .forEach(meeting.sources::add);
        quote.sortDate = meeting.date != null ? meeting.date : Quote.UNDATED;
        quote.topics.clear();
        quote.topics.addAll(topics);
        touch(quote);
        // Variants keep their ids by position: a correction does not renumber the others.
        for (int i = 0; i < variants.size(); i++) {
            QuoteVariant given = variants.get(i);
            if (i < quote.variants.size()) {
                QuoteVariant kept = quote.variants.get(i);
                copyInto(kept, given);
            } else {
                quote.addVariant(given);
            }
        }
        while (quote.variants.size() > variants.size()) {
            quote.variants.remove(quote.variants.size() - 1);
        }
    }

    private QuoteVariant variant(QuoteInput.VariantInput input, Meeting meeting, String field, List<Problem.Violation> violations) {
        // Locked, so that the source's text cannot change while this quote is written against it.
        Source source = em.find(Source.class, input.source(), LockModeType.PESSIMISTIC_WRITE);
        if (source == null) {
            violations.add(new Problem.Violation(field + ".source", "there is no source with id '" + input.source() + "'"));
            return null;
        }
        String lang = input.lang() != null ? input.lang() : source.lang;
        checks.language(field + ".lang", lang, violations);
        checks.nfc(field + ".note", input.note(), violations);
        String unclosed = SafeText.unclosedBidi(input.text());
        if (unclosed != null) {
            violations.add(new Problem.Violation(field + ".text", unclosed));
            return null;
        }
        SpanLocator.Span span;
        try {
            span = SpanLocator.locate(input.text(), source, input.span() == null ? null : input.span().start(),
                    input.span() == null ? null : input.span().end());
        } catch (SpanLocator.SpanException e) {
            violations.add(new Problem.Violation(input.span() != null ? field + ".span" : field + ".text", e.getMessage()));
            return null;
        }
        QuoteVariant variant = new QuoteVariant();
        variant.lang = lang;
        variant.mode = input.mode();
        variant.source = source;
        variant.text = input.text();
        variant.spanStart = span.start();
        variant.spanEnd = span.end();
        variant.note = input.note();
        return variant;
    }

    private String state(Quote quote) {
        return revisions.state(QuoteInput.of(quote));
    }

    private void record(Quote quote, RevisionAction action, String before, String reason, String editor) {
        revisions.record(ENTITY, quote.id, quote.version, action, before, state(quote), reason, editor);
        changed.fire(new QuoteChanged(quote.id));
    }

}
