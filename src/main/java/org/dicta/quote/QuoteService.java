package org.dicta.quote;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dicta.meeting.Meeting;
import org.dicta.web.InvalidParameterException;
import org.dicta.web.Problem;

/** Reads quotes: one by id, or a page of a filtered list in id order. */
@ApplicationScoped
public class QuoteService {

    private static final String FETCH_GRAPH = "select distinct q from Quote q join fetch q.speaker join fetch q.meeting"
            + " left join fetch q.variants v left join fetch v.source";

    private final EntityManager em;

    QuoteService(EntityManager em) {
        this.em = em;
    }

    public Optional<Quote> find(String id) {
        return em.createQuery(FETCH_GRAPH + " where q.id = :id", Quote.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst();
    }

    /**
     * Up to {@code count} quotes matching the filter, in id order, after the given id.
     *
     * @throws InvalidParameterException when the filter names a speaker or meeting that does not exist
     */
    public List<Quote> listAfter(QuoteFilter filter, String afterId, int count) {
        checkReferences(filter);
        StringBuilder jpql = new StringBuilder("select q.id from Quote q where q.id > :after");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("after", afterId == null ? "" : afterId); // ids are non-empty, so "" sorts before all
        if (!filter.speakers().isEmpty()) {
            jpql.append(" and q.speaker.id in :speakers");
            parameters.put("speakers", filter.speakers());
        }
        if (filter.meeting() != null) {
            jpql.append(" and q.meeting.id = :meeting");
            parameters.put("meeting", filter.meeting());
        }
        if (filter.lang() != null) {
            jpql.append(" and exists (select 1 from QuoteVariant v where v.quote = q and v.lang = :lang)");
            parameters.put("lang", filter.lang());
        }
        jpql.append(" order by q.id");
        TypedQuery<String> idQuery = em.createQuery(jpql.toString(), String.class).setMaxResults(count);
        parameters.forEach(idQuery::setParameter);
        List<String> ids = idQuery.getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Quote> quotes = new ArrayList<>(em.createQuery(FETCH_GRAPH + " where q.id in :ids", Quote.class)
                .setParameter("ids", ids)
                .getResultList());
        quotes.sort(Comparator.comparing(quote -> quote.id));
        return quotes;
    }

    private void checkReferences(QuoteFilter filter) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (!filter.speakers().isEmpty()) {
            List<String> known = em.createQuery("select s.id from Speaker s where s.id in :ids", String.class)
                    .setParameter("ids", filter.speakers())
                    .getResultList();
            filter.speakers().stream()
                    .filter(id -> !known.contains(id))
                    .forEach(id -> violations.add(new Problem.Violation("speaker",
                            "there is no speaker with id '" + id + "' (see /api/v1/speakers)")));
        }
        if (filter.meeting() != null && Meeting.findByIdOptional(filter.meeting()).isEmpty()) {
            violations.add(new Problem.Violation("meeting",
                    "there is no meeting with id '" + filter.meeting() + "' (see /api/v1/meetings)"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidParameterException(violations);
        }
    }
}
