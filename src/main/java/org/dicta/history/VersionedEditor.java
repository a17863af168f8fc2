package org.dicta.history;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dicta.web.Preconditions;
import org.dicta.web.Problem;
import org.dicta.web.ProblemException;
import org.dicta.web.ResourceNotFoundException;

/**
 * The editorial life of a versioned resource, the same for each kind: create (409 when the id is taken), replace and
 * merge-patch (If-Match required), delete (If-Match; refused while something refers to it), each in one transaction
 * with its revision. Subclasses say how an input is checked and written onto the entity.
 *
 * @param <E> the entity
 * @param <I> the input record editors send, also the state kept in revisions
 */
public abstract class VersionedEditor<E, I> {

    @Inject
    protected EntityManager em;

    @Inject
    protected Revisions revisions;

    @Inject
    protected InputChecks checks;

    /** The resource kind in revisions and messages ("speaker"). */
    protected abstract String kind();

    protected abstract Class<E> entityType();

    protected abstract Class<I> inputType();

    protected abstract E newEntity(String id);

    protected abstract String idOf(I input);

    protected abstract String reasonOf(I input);

    protected abstract long versionOf(E entity);

    protected abstract I stateOf(E entity);

    /** Checks the input (422 naming each faulty field) and writes it onto the entity. */
    protected abstract void apply(E entity, I input);

    /** Why the entity cannot be deleted now, if something still refers to it. */
    protected abstract Optional<String> deletionBlocker(String id);

    /** Hook after a change is written (e.g. to update quotes that show this resource). */
    protected void changed(E entity) {
    }

    /** The form of a state in which two equal states compare equal (e.g. lists whose order means nothing, sorted). */
    protected Object comparable(I input) {
        return input;
    }

    /** Hook before the entity is removed, to detach it from what may hold it without depending on it. */
    protected void beforeDelete(E entity) {
    }

    /** An id for a new resource whose input has none; null when one is required. */
    protected String newId(I input) {
        return null;
    }

    /**
     * Creates the resource, or updates it when it exists and differs (without If-Match: imports apply a corpus as a
     * whole), or leaves it alone when it is the same.
     */
    @Transactional
    public Outcome upsert(I input, String editor) {
        E existing = em.find(entityType(), idOf(input));
        if (existing == null) {
            create(input, editor);
            return Outcome.CREATED;
        }
        if (revisions.sameState(comparable(stateOf(existing)), comparable(input))) {
            return Outcome.UNCHANGED;
        }
        update(idOf(input), existing, input, editor);
        return Outcome.UPDATED;
    }

    @Transactional
    public E create(I input, String editor) {
        String id = idOf(input) != null ? idOf(input) : newId(input);
        if (id == null) {
            throw ProblemException.unprocessable(List.of(new Problem.Violation("id", "is required to create a " + kind())));
        }
        if (em.find(entityType(), id) != null) {
            throw new ProblemException(409, "/problems/conflict", "Conflict", "A " + kind() + " with id '" + id
                    + "' exists already.", List.of(new Problem.Violation("id", "is taken")), Map.of());
        }
        E entity = newEntity(id);
        apply(entity, input);
        em.persist(entity);
        changed(entity);
        em.flush();
        revisions.record(kind(), id, versionOf(entity), RevisionAction.CREATE, null, revisions.state(stateOf(entity)),
                reasonOf(input), editor);
        return entity;
    }

    @Transactional
    public E replace(String id, I input, String ifMatch, String editor) {
        E entity = find(id);
        Preconditions.requireMatch(ifMatch, versionOf(entity));
        return update(id, entity, input, editor);
    }

    @Transactional
    public E patch(String id, JsonNode patch, String ifMatch, String editor) {
        E entity = find(id);
        Preconditions.requireMatch(ifMatch, versionOf(entity));
        return update(id, entity, revisions.patch(stateOf(entity), patch, inputType()), editor);
    }

    @Transactional
    public void delete(String id, String ifMatch, String reason, String editor) {
        E entity = find(id);
        Preconditions.requireMatch(ifMatch, versionOf(entity));
        deletionBlocker(id).ifPresent(blocker -> {
            throw new ProblemException(409, "/problems/in-use", "In use", "The " + kind() + " '" + id + "' cannot be deleted: "
                    + blocker, null, Map.of());
        });
        String before = revisions.state(stateOf(entity));
        beforeDelete(entity);
        em.remove(entity);
        em.flush();
        revisions.record(kind(), id, versionOf(entity) + 1, RevisionAction.RETRACT, before, before, reason, editor);
    }

    private E update(String id, E entity, I input, String editor) {
        if (idOf(input) != null && !idOf(input).equals(id)) {
            throw ProblemException.unprocessable(List.of(new Problem.Violation("id",
                    "is '" + idOf(input) + "' but the " + kind() + " is '" + id + "'; ids do not change")));
        }
        if (revisions.sameState(comparable(stateOf(entity)), comparable(input))) {
            revisions.requireCurrent(entityType(), id, versionOf(entity));
            return entity; // nothing to change, nothing to record
        }
        String before = revisions.state(stateOf(entity));
        apply(entity, input);
        changed(entity);
        em.flush(); // version conflicts surface here, as 412, rather than at commit
        revisions.record(kind(), id, versionOf(entity), RevisionAction.UPDATE, before, revisions.state(stateOf(entity)),
                reasonOf(input), editor);
        return entity;
    }

    protected E find(String id) {
        E entity = em.find(entityType(), id);
        if (entity == null) {
            throw new ResourceNotFoundException(kind(), id);
        }
        return entity;
    }
}
