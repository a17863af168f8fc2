package org.dicta.history;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.arc.All;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.dicta.domain.DomainException;
import org.dicta.domain.Versions;
import org.dicta.domain.Violation;

/**
 * The editorial life of a versioned resource, the same for every kind, quotes included: create (a conflict when the
 * id is taken), replace, merge-patch and partial edits (each naming the current version), and retirement (removal, or a
 * tombstone that keeps the resource), each in one transaction with its revision. Subclasses say how an input is
 * checked and written onto the entity.
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

    @Inject
    Event<ResourceChanged> changes;

    @Inject
    @All
    List<ReferenceHolder> referenceHolders;

    /** The resource kind in revisions and messages ("speaker"). */
    protected abstract String kind();

    protected abstract Class<E> entityType();

    protected abstract Class<I> inputType();

    protected abstract E newEntity(String id);

    protected abstract String idOf(I input);

    protected abstract String reasonOf(I input);

    protected abstract long versionOf(E entity);

    protected abstract I stateOf(E entity);

    /** Checks the input (unprocessable, naming each faulty field) and writes it onto the entity. */
    protected abstract void apply(E entity, I input);

    /** The form of a state in which two equal states compare equal (e.g. lists whose order means nothing, sorted). */
    protected Object comparable(I input) {
        return input;
    }

    /** An id for a new resource whose input has none; null when one is required. */
    protected String newId(I input) {
        return null;
    }

    /** Refuses to edit a resource that exists but is no longer in service (a retracted quote); by default all are. */
    protected void requireStanding(E entity) {
    }

    /** Hook before the entity is removed, to detach it from what may hold it without depending on it. */
    protected void beforeDelete(E entity) {
    }

    /**
     * Takes the resource out of service and returns the version its retirement is recorded with. By default it is
     * removed (its revisions stay); a kind that keeps a tombstone overrides this.
     */
    protected long retire(E entity, String reason) {
        beforeDelete(entity);
        em.remove(entity);
        em.flush();
        return versionOf(entity) + 1;
    }

    /**
     * Creates the resource, or updates it when it exists and differs (without a version check: imports apply a corpus
     * as a whole), or leaves it alone when it is the same.
     */
    @Transactional
    public Outcome upsert(I input, String editor) {
        E existing = em.find(entityType(), idOf(input));
        if (existing == null) {
            create(input, editor);
            return Outcome.CREATED;
        }
        requireStanding(existing);
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
            throw DomainException.unprocessable(List.of(new Violation("id", "is required to create a " + kind())));
        }
        if (em.find(entityType(), id) != null) {
            throw new DomainException(DomainException.Kind.CONFLICT, "conflict", "Conflict", "A " + kind() + " with id '"
                    + id + "' exists already; choose another id, or change the existing one with PUT or PATCH.",
                    List.of(new Violation("id", "is taken")));
        }
        E entity = newEntity(id);
        apply(entity, input);
        em.persist(entity);
        changed(id, RevisionAction.CREATE);
        em.flush();
        revisions.record(kind(), id, versionOf(entity), RevisionAction.CREATE, null, revisions.state(stateOf(entity)),
                reasonOf(input), editor);
        return entity;
    }

    @Transactional
    public E replace(String id, I input, String ifMatch, String editor) {
        E entity = find(id);
        Versions.requireMatch(ifMatch, versionOf(entity));
        return update(id, entity, input, editor);
    }

    @Transactional
    public E patch(String id, JsonNode patch, String ifMatch, String editor) {
        E entity = find(id);
        Versions.requireMatch(ifMatch, versionOf(entity));
        return update(id, entity, revisions.patch(stateOf(entity), patch, inputType()), editor);
    }

    /**
     * A change to part of the resource (one of a quote's variants), made by {@code change} and recorded as an update
     * with {@code reason}, like any other. The change must make the entity's version move (a change of its lists
     * alone does not: see the quote editor's {@code touch}).
     */
    @Transactional
    protected E edit(String id, String ifMatch, String reason, String editor, Consumer<E> change) {
        E entity = find(id);
        Versions.requireMatch(ifMatch, versionOf(entity));
        String before = revisions.state(stateOf(entity));
        change.accept(entity);
        changed(id, RevisionAction.UPDATE);
        em.flush();
        revisions.record(kind(), id, versionOf(entity), RevisionAction.UPDATE, before, revisions.state(stateOf(entity)),
                reason, editor);
        return entity;
    }

    /** Retires the resource: refused while another resource refers to it. */
    @Transactional
    public void delete(String id, String ifMatch, String reason, String editor) {
        E entity = find(id);
        Versions.requireMatch(ifMatch, versionOf(entity));
        List<String> references = references(id);
        if (!references.isEmpty()) {
            throw new DomainException(DomainException.Kind.CONFLICT, "in-use", "In use", "The " + kind() + " '" + id
                    + "' cannot be deleted: " + String.join(" ", references), null);
        }
        String before = revisions.state(stateOf(entity));
        long version = retire(entity, reason);
        String after = em.contains(entity) ? revisions.state(stateOf(entity)) : before;
        changed(id, RevisionAction.RETRACT);
        revisions.record(kind(), id, version, RevisionAction.RETRACT, before, after, reason, editor);
    }

    private E update(String id, E entity, I input, String editor) {
        if (idOf(input) != null && !idOf(input).equals(id)) {
            throw DomainException.unprocessable(List.of(new Violation("id",
                    "is '" + idOf(input) + "' but the " + kind() + " is '" + id + "'; ids do not change")));
        }
        if (revisions.sameState(comparable(stateOf(entity)), comparable(input))) {
            revisions.requireCurrent(entityType(), id, versionOf(entity));
            return entity; // nothing to change, nothing to record
        }
        String before = revisions.state(stateOf(entity));
        apply(entity, input);
        changed(id, RevisionAction.UPDATE);
        em.flush(); // version conflicts surface here, as stale, rather than at commit
        revisions.record(kind(), id, versionOf(entity), RevisionAction.UPDATE, before, revisions.state(stateOf(entity)),
                reasonOf(input), editor);
        return entity;
    }

    /** Whether another resource refers to this one (see {@link ReferenceHolder}). */
    protected boolean isReferredTo(String id) {
        return !references(id).isEmpty();
    }

    private List<String> references(String id) {
        return referenceHolders.stream().map(holder -> holder.referencesTo(kind(), id)).flatMap(Optional::stream).toList();
    }

    /** Tells the features that show this resource that it changed, in this transaction. */
    private void changed(String id, RevisionAction action) {
        changes.fire(new ResourceChanged(kind(), id, action));
    }

    /** The resource, unless it does not exist or is no longer in service. */
    protected E find(String id) {
        E entity = em.find(entityType(), id);
        if (entity == null) {
            throw DomainException.notFound(kind(), id);
        }
        requireStanding(entity);
        return entity;
    }
}
