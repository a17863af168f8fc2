package org.dicta.quote;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.dicta.domain.DomainException;
import org.dicta.domain.Violation;
import org.dicta.history.VersionedEditor;
import org.dicta.meeting.Meeting;
import org.dicta.source.Source;
import org.dicta.source.SpanLocator;
import org.dicta.speaker.Speaker;
import org.dicta.topic.Topic;
import org.dicta.web.SafeText;

/**
 * Editorial changes to quotes, in the lifecycle every resource has (see {@link VersionedEditor}): creation,
 * replacement, JSON Merge Patch, changes to one variant, and retraction, which keeps the quote as a tombstone. Every
 * variant's text is located in its source before anything is written; a reference to nothing or a text not found is
 * unprocessable, naming the field.
 */
@ApplicationScoped
public class QuoteEditor extends VersionedEditor<Quote, QuoteInput> {

    public static final String ENTITY = "quote";

    @Override
    protected String kind() {
        return ENTITY;
    }

    @Override
    protected Class<Quote> entityType() {
        return Quote.class;
    }

    @Override
    protected Class<QuoteInput> inputType() {
        return QuoteInput.class;
    }

    @Override
    protected Quote newEntity(String id) {
        Quote quote = new Quote();
        quote.id = id;
        return quote;
    }

    @Override
    protected String newId(QuoteInput input) {
        return input.speaker().substring(0, Math.min(input.speaker().length(), 90)) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    protected String idOf(QuoteInput input) {
        return input.id();
    }

    @Override
    protected String reasonOf(QuoteInput input) {
        return input.reason();
    }

    @Override
    protected long versionOf(Quote quote) {
        return quote.version;
    }

    @Override
    protected QuoteInput stateOf(Quote quote) {
        return QuoteInput.of(quote);
    }

    @Override
    protected Object comparable(QuoteInput input) {
        return input.canonical();
    }

    /** A retracted quote stays, as a tombstone with its history, and is not edited again. */
    @Override
    protected void requireStanding(Quote quote) {
        if (quote.retractedAt != null) {
            throw new QuoteRetractedException(quote);
        }
    }

    /** Retraction: the quote stays, marked with when and why, so that links to it keep answering (410). */
    @Override
    protected long retire(Quote quote, String reason) {
        quote.retractedAt = OffsetDateTime.now(ZoneOffset.UTC);
        quote.retractionReason = reason;
        touch(quote);
        em.flush();
        return quote.version;
    }

    /** Adds a report of the statement. */
    @Transactional
    public QuoteVariant addVariant(String quoteId, QuoteInput.VariantInput input, String ifMatch, String reason, String editor) {
        List<QuoteVariant> added = new ArrayList<>(1);
        edit(quoteId, ifMatch, reason, editor, quote -> {
            QuoteVariant variant = checkedVariant(input, quote);
            quote.addVariant(variant);
            touch(quote);
            added.add(variant);
        });
        return added.get(0);
    }

    /** Replaces one report of the statement; its id stays. */
    @Transactional
    public QuoteVariant replaceVariant(String quoteId, long variantId, QuoteInput.VariantInput input, String ifMatch,
            String reason, String editor) {
        List<QuoteVariant> replaced = new ArrayList<>(1);
        edit(quoteId, ifMatch, reason, editor, quote -> {
            QuoteVariant kept = variantOf(quote, variantId);
            copyInto(kept, checkedVariant(input, quote));
            touch(quote);
            replaced.add(kept);
        });
        return replaced.get(0);
    }

    /** Applies a JSON Merge Patch to one report of the statement. */
    @Transactional
    public QuoteVariant patchVariant(String quoteId, long variantId, JsonNode patch, String ifMatch, String editor) {
        Quote quote = find(quoteId);
        QuoteVariant variant = variantOf(quote, variantId);
        QuoteInput.VariantInput current = QuoteInput.of(quote).variants().get(quote.variants.indexOf(variant));
        if (!patch.isObject()) {
            throw DomainException.malformed("A merge patch of a variant is a JSON object.",
                    List.of(new Violation("body", "is not an object")));
        }
        if (patch.has("text") && !patch.has("span")) {
            // A new text is located afresh: the old span describes the old text.
            current = new QuoteInput.VariantInput(current.source(), current.lang(), current.mode(), current.text(), null,
                    current.note());
        }
        JsonNode reason = patch.get("reason");
        if (reason != null && reason.isTextual() && reason.asText().length() > 2000) {
            throw DomainException.unprocessable(List.of(new Violation("reason", "is longer than 2000 characters")));
        }
        String fault = reason != null && reason.isTextual() ? SafeText.fault(reason.asText(), false) : null;
        if (fault != null) { // the reason is taken from the patch before the rest is read through SafeText
            throw DomainException.malformed("reason: " + fault, List.of(new Violation("reason", fault)));
        }
        QuoteInput.VariantInput patched = revisions.patch(current,
                ((com.fasterxml.jackson.databind.node.ObjectNode) patch.deepCopy()).without("reason"),
                QuoteInput.VariantInput.class);
        return replaceVariant(quoteId, variantId, patched, ifMatch, reason == null || reason.isNull() ? null : reason.asText(),
                editor);
    }

    /** Removes one report of the statement; the last one cannot go (retract the quote instead). */
    @Transactional
    public void removeVariant(String quoteId, long variantId, String ifMatch, String reason, String editor) {
        edit(quoteId, ifMatch, reason, editor, quote -> {
            QuoteVariant variant = variantOf(quote, variantId);
            if (quote.variants.size() == 1) {
                throw DomainException.unprocessable(List.of(new Violation("variant",
                        "is the quote's only variant; a quote needs one, so retract the quote instead")));
            }
            quote.variants.remove(variant);
            for (int i = 0; i < quote.variants.size(); i++) {
                quote.variants.get(i).position = i;
            }
            touch(quote);
        });
    }

    private QuoteVariant checkedVariant(QuoteInput.VariantInput input, Quote quote) {
        List<Violation> violations = new ArrayList<>();
        QuoteVariant variant = variant(input, quote.meeting, "", violations);
        if (!violations.isEmpty()) {
            throw DomainException.unprocessable(violations.stream()
                    .map(v -> new Violation(v.field().startsWith(".") ? v.field().substring(1) : v.field(), v.message()))
                    .toList());
        }
        if (quote.meeting.sources.stream().noneMatch(reporting -> reporting.id.equals(variant.source.id))) {
            quote.meeting.sources.add(variant.source);
        }
        return variant;
    }

    private static QuoteVariant variantOf(Quote quote, long variantId) {
        return quote.variants.stream().filter(variant -> variant.id == variantId).findFirst()
                .orElseThrow(() -> DomainException.notFound("No variant " + variantId + " in quote '" + quote.id + "'."));
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

    /** Checks every reference and span, then writes the input onto the quote. */
    @Override
    protected void apply(Quote quote, QuoteInput input) {
        List<Violation> violations = new ArrayList<>();
        Speaker speaker = em.find(Speaker.class, input.speaker());
        if (speaker == null) {
            violations.add(new Violation("speaker", "there is no speaker with id '" + input.speaker() + "'"));
        }
        Meeting meeting = em.find(Meeting.class, input.meeting());
        if (meeting == null) {
            violations.add(new Violation("meeting", "there is no meeting with id '" + input.meeting() + "'"));
        }
        List<Topic> topics = new ArrayList<>();
        List<String> topicIds = input.topics() == null ? List.of() : input.topics();
        for (int i = 0; i < topicIds.size(); i++) {
            Topic topic = em.find(Topic.class, topicIds.get(i));
            if (topic == null) {
                violations.add(new Violation("topics[" + i + "]", "there is no topic with id '" + topicIds.get(i) + "'"));
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
            throw DomainException.unprocessable(violations);
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

    private QuoteVariant variant(QuoteInput.VariantInput input, Meeting meeting, String field, List<Violation> violations) {
        // Locked, so that the source's text cannot change while this quote is written against it.
        Source source = em.find(Source.class, input.source(), LockModeType.PESSIMISTIC_WRITE);
        if (source == null) {
            violations.add(new Violation(field + ".source", "there is no source with id '" + input.source() + "'"));
            return null;
        }
        String lang = input.lang() != null ? input.lang() : source.lang;
        checks.language(field + ".lang", lang, violations);
        checks.nfc(field + ".note", input.note(), violations);
        String unclosed = SafeText.unclosedBidi(input.text());
        if (unclosed != null) {
            violations.add(new Violation(field + ".text", unclosed));
            return null;
        }
        SpanLocator.Span span;
        try {
            span = SpanLocator.locate(input.text(), source, input.span() == null ? null : input.span().start(),
                    input.span() == null ? null : input.span().end());
        } catch (SpanLocator.SpanException e) {
            violations.add(new Violation(input.span() != null ? field + ".span" : field + ".text", e.getMessage()));
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
}
