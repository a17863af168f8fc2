package org.dicta.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dicta.web.MergePatch;
import org.dicta.domain.DomainException;
import org.dicta.web.Page;
import org.dicta.domain.Violation;

/** What every editor does around a change: the state as JSON, merge patches of it, and the revision it leaves. */
@ApplicationScoped
public class Revisions {

    private final EntityManager em;
    private final ObjectMapper json;
    private final Validator validator;

    Revisions(EntityManager em, ObjectMapper json, Validator validator) {
        this.em = em;
        this.json = json;
        this.validator = validator;
    }

    /** The editable state of a resource as stored in revisions. */
    public String state(Object input) {
        try {
            return json.writeValueAsString(input);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An input record always serialises", e);
        }
    }

    /**
     * Applies a JSON Merge Patch to the current editable state and checks the result like a PUT body.
     *
     * @throws DomainException (malformed) when the patched document is not a valid input
     * @throws ConstraintViolationException when it breaks the input's constraints
     */
    public <T> T patch(T current, JsonNode patch, Class<T> type) {
        if (patch == null || !patch.isObject()) {
            throw DomainException.malformed("A JSON Merge Patch here is a JSON object naming the members to change.",
                    List.of(new Violation("body", "is not a JSON object")));
        }
        T patched;
        try {
            patched = json.treeToValue(MergePatch.apply(json.valueToTree(current), patch), type);
        } catch (JsonProcessingException e) {
            String field = e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping
                    ? mapping.getPath().stream().map(ref -> ref.getIndex() >= 0 ? "[" + ref.getIndex() + "]" : "." + ref.getFieldName())
                            .reduce("", String::concat).replaceFirst("^\\.", "").replace(".[", "[")
                    : "";
            throw DomainException.malformed("The patched document is not valid: " + e.getOriginalMessage(),
                    List.of(new Violation(field.isEmpty() ? "body" : field, "has the wrong type or value")));
        }
        Set<ConstraintViolation<T>> violations = validator.validate(patched);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return patched;
    }

    /** Whether two editable states are the same, ignoring the change's reason and the order of map keys. */
    public boolean sameState(Object a, Object b) {
        JsonNode left = json.valueToTree(a);
        JsonNode right = json.valueToTree(b);
        if (left.isObject() && right.isObject()) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) left).remove("reason");
            ((com.fasterxml.jackson.databind.node.ObjectNode) right).remove("reason");
        }
        return left.equals(right);
    }

    /**
     * Confirms that the version a change was checked against is still the committed one, before the change is answered
     * as making no difference. A resource's state is read in several statements (its row, then its lists), so a change
     * committed between them can be mixed into what was compared; without this, a stale edit could pass for a no-op
     * and be answered 200 without a revision, where it should be refused with 412.
     */
    public void requireCurrent(Class<?> entityType, String id, long version) {
        Long committed = em.createQuery("select e.version from " + entityType.getSimpleName() + " e where e.id = :id", Long.class)
                .setParameter("id", id).getResultStream().findFirst()
                .orElseThrow(() -> DomainException.notFound(entityType.getSimpleName().toLowerCase(Locale.ROOT), id));
        if (committed != version) {
            throw DomainException.stale(committed);
        }
    }

    /**
     * The public history of a resource, oldest first; kept after a deletion, so it is 404 only when the resource never
     * existed.
     *
     * @param exists whether the resource exists now
     */
    public Page<RevisionView> history(String kind, String id, boolean exists) {
        List<Revision> revisions = Revision.of(kind, id);
        if (revisions.isEmpty() && !exists) {
            throw DomainException.notFound(kind, id);
        }
        return Page.whole(revisions.stream().map(revision -> RevisionView.from(revision, json)).toList());
    }

    /** Records a change made in the current transaction. */
    public Revision record(String entityType, String entityId, long version, RevisionAction action, String before,
            String after, String reason, String editor) {
        Revision revision = new Revision();
        revision.entityType = entityType;
        revision.entityId = entityId;
        revision.version = version;
        revision.action = action;
        revision.editor = editor;
        revision.reason = reason;
        revision.changedAt = OffsetDateTime.now(ZoneOffset.UTC);
        revision.beforeState = before;
        revision.afterState = after;
        em.persist(revision);
        return revision;
    }
}
