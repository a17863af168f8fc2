package org.dicta.source;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.dicta.history.VersionedEditor;
import org.dicta.domain.Violation;
import org.dicta.domain.DomainException;

/**
 * Editorial changes to sources. A source's text is what every span of the quotes citing it points into, so it never
 * changes once cited (409: a corrected article is a new source); its metadata may be corrected.
 */
@ApplicationScoped
public class SourceEditor extends VersionedEditor<Source, SourceInput> {

    public static final String ENTITY = "source";

    @Override
    protected String kind() {
        return ENTITY;
    }

    @Override
    protected Class<Source> entityType() {
        return Source.class;
    }

    @Override
    protected Class<SourceInput> inputType() {
        return SourceInput.class;
    }

    @Override
    protected Source newEntity(String id) {
        Source source = new Source();
        source.id = id;
        return source;
    }

    @Override
    protected String newId(SourceInput input) {
        return input.lang().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    protected String idOf(SourceInput input) {
        return input.id();
    }

    @Override
    protected String reasonOf(SourceInput input) {
        return input.reason();
    }

    @Override
    protected long versionOf(Source source) {
        return source.version;
    }

    @Override
    protected SourceInput stateOf(Source source) {
        return SourceInput.of(source);
    }

    @Override
    protected void apply(Source source, SourceInput input) {
        if (source.text != null && !input.text().equals(source.text)) {
            // Quote writes lock the sources they cite: counting under this lock cannot miss one being added now.
            em.lock(source, LockModeType.PESSIMISTIC_WRITE);
        }
        if (source.text != null && !input.text().equals(source.text) && isReferredTo(source.id)) {
            throw new DomainException(DomainException.Kind.CONFLICT, "source-cited", "Source is cited", "Quotes cite source '"
                    + source.id + "', so its text cannot change: the spans of their variants point into it. Add the "
                    + "corrected article as a new source and move the variants to it.", null);
        }
        List<Violation> violations = new ArrayList<>();
        checks.language("lang", input.lang(), violations);
        checks.nfc("text", input.text(), violations);
        checks.nfc("publisher", input.publisher(), violations);
        checks.nfc("headline", input.headline(), violations);
        checks.nfc("note", input.note(), violations);
        if (!violations.isEmpty()) {
            throw DomainException.unprocessable(violations);
        }
        source.lang = input.lang();
        source.publisher = input.publisher();
        source.headline = input.headline();
        source.date = input.date();
        source.note = input.note();
        source.text = input.text();
        source.sha256 = sha256(input.text());
    }

    /** Meetings list their reporting sources; an uncited source leaves those lists. */
    @Override
    protected void beforeDelete(Source source) {
        em.createNativeQuery("delete from meeting_source where source_id = ?1").setParameter(1, source.id).executeUpdate();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
