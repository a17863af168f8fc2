package org.dicta.source;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dicta.history.RevisionAction;
import org.dicta.history.Revisions;
import org.dicta.language.LanguageCatalog;
import org.dicta.web.Preconditions;
import org.dicta.web.Problem;
import org.dicta.web.ProblemException;
import org.dicta.web.ResourceNotFoundException;

/**
 * Editorial changes to sources, each in one transaction with its revision. A source's text is what every span of the
 * quotes citing it points into, so it never changes once cited; its metadata may be corrected.
 */
@ApplicationScoped
public class SourceEditor {

    public static final String ENTITY = "source";

    private final EntityManager em;
    private final Revisions revisions;
    private final LanguageCatalog catalog;

    SourceEditor(EntityManager em, Revisions revisions, LanguageCatalog catalog) {
        this.em = em;
        this.revisions = revisions;
        this.catalog = catalog;
    }

    @Transactional
    public Source create(SourceInput input, String editor) {
        String id = input.id() != null ? input.id() : input.lang().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        if (em.find(Source.class, id) != null) {
            throw new ProblemException(409, "/problems/conflict", "Conflict", "A source with id '" + id + "' exists already.",
                    List.of(new Problem.Violation("id", "is taken")), Map.of());
        }
        Source source = new Source();
        source.id = id;
        apply(source, input);
        em.persist(source);
        em.flush();
        revisions.record(ENTITY, source.id, source.version, RevisionAction.CREATE, null, revisions.state(SourceInput.of(source)),
                input.reason(), editor);
        return source;
    }

    @Transactional
    public Source replace(String id, SourceInput input, String ifMatch, String editor) {
        Source source = find(id);
        Preconditions.requireMatch(ifMatch, source.version);
        return update(source, input, editor);
    }

    @Transactional
    public Source patch(String id, JsonNode patch, String ifMatch, String editor) {
        Source source = find(id);
        Preconditions.requireMatch(ifMatch, source.version);
        return update(source, revisions.patch(SourceInput.of(source), patch, SourceInput.class), editor);
    }

    /** Deletes a source no quote cites (a cited one is part of the record: 409). */
    @Transactional
    public void delete(String id, String ifMatch, String reason, String editor) {
        Source source = find(id);
        Preconditions.requireMatch(ifMatch, source.version);
        if (citations(id) > 0) {
            throw cited(id, "deleted");
        }
        String before = revisions.state(SourceInput.of(source));
        em.createNativeQuery("delete from meeting_source where source_id = ?1").setParameter(1, id).executeUpdate();
        em.remove(source);
        revisions.record(ENTITY, id, source.version + 1, RevisionAction.RETRACT, before, before, reason, editor);
    }

    private Source update(Source source, SourceInput input, String editor) {
        if (input.id() != null && !input.id().equals(source.id)) {
            throw ProblemException.unprocessable(List.of(new Problem.Violation("id",
                    "is '" + input.id() + "' but the source is '" + source.id + "'; ids do not change")));
        }
        if (!input.text().equals(source.text) && citations(source.id) > 0) {
            throw cited(source.id, "changed");
        }
        String before = revisions.state(SourceInput.of(source));
        apply(source, input);
        em.flush();
        revisions.record(ENTITY, source.id, source.version, RevisionAction.UPDATE, before, revisions.state(SourceInput.of(source)),
                input.reason(), editor);
        return source;
    }

    private void apply(Source source, SourceInput input) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (!catalog.codes().contains(input.lang())) {
            violations.add(new Problem.Violation("lang", "'" + input.lang() + "' is not one of " + catalog.codes()));
        }
        requireNfc("text", input.text(), violations);
        requireNfc("publisher", input.publisher(), violations);
        requireNfc("headline", input.headline(), violations);
        requireNfc("note", input.note(), violations);
        if (!violations.isEmpty()) {
            throw ProblemException.unprocessable(violations);
        }
        source.lang = input.lang();
        source.publisher = input.publisher();
        source.headline = input.headline();
        source.date = input.date();
        source.note = input.note();
        source.text = input.text();
        source.sha256 = sha256(input.text());
    }

    private static void requireNfc(String field, String value, List<Problem.Violation> violations) {
        if (value != null && !Normalizer.isNormalized(value, Normalizer.Form.NFC)) {
            violations.add(new Problem.Violation(field, "is not in Unicode NFC; normalise it before sending: Dicta stores "
                    + "and serves texts byte for byte, and spans and search must not depend on how a client composed them"));
        }
    }

    private long citations(String sourceId) {
        return em.createQuery("select count(v) from QuoteVariant v where v.source.id = :id", Long.class)
                .setParameter("id", sourceId).getSingleResult();
    }

    private static ProblemException cited(String id, String verb) {
        return new ProblemException(409, "/problems/source-cited", "Source is cited", "Quotes cite source '" + id
                + "', so its text cannot be " + verb + ": the spans of their variants point into it. Add the corrected "
                + "article as a new source and move the variants to it.", null, Map.of());
    }

    private Source find(String id) {
        Source source = em.find(Source.class, id);
        if (source == null) {
            throw new ResourceNotFoundException("source", id);
        }
        return source;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
