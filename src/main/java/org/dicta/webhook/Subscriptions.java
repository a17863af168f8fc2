package org.dicta.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.dicta.domain.DomainException;
import org.dicta.domain.Violation;
import org.dicta.quote.QuoteFilter;
import org.dicta.quote.QuoteService;
import org.dicta.web.InvalidParameterException;
import org.dicta.web.SupportedLanguages;

/**
 * Webhook subscriptions, each seen and managed by its owner only (admins see all): created, changed, deleted, their
 * secret rotated, their deliveries listed and replayed. Every input is checked before anything is stored: the target
 * (see {@link TargetPolicy}), the filter as the quote list checks its parameters, and the ids it names.
 */
@ApplicationScoped
public class Subscriptions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EntityManager em;
    private final QuoteService quotes;
    private final Validator validator;
    private final SupportedLanguages languages;
    private final ObjectMapper json;
    private final WebhookConfig config;
    private final TargetPolicy targets;
    private final Event<Replayed> replayed;

    Subscriptions(EntityManager em, QuoteService quotes, Validator validator, SupportedLanguages languages, ObjectMapper json,
            WebhookConfig config, Event<Replayed> replayed) {
        this.em = em;
        this.quotes = quotes;
        this.validator = validator;
        this.languages = languages;
        this.json = json;
        this.config = config;
        this.replayed = replayed;
        this.targets = new TargetPolicy(config.allowPrivateAddresses(), TargetPolicy.dns());
    }

    /** Who is asking: the token's subject, and whether it may see every subscription. */
    public record Caller(String name, boolean admin) {
    }

    /** Fired when a delivery is replayed or a subscription resumed, so that the dispatcher looks again after commit. */
    public record Replayed(String subscriptionId) {
    }

    @Transactional
    public SubscriptionView create(SubscriptionInput input, Caller caller) {
        Checked checked = check(input);
        long held = em.createQuery("select count(s) from Subscription s where s.owner = :owner", Long.class)
                .setParameter("owner", caller.name()).getSingleResult();
        if (held >= config.maxSubscriptionsPerOwner()) {
            throw new DomainException(DomainException.Kind.CONFLICT, "too-many-subscriptions", "Too many subscriptions",
                    "You hold " + held + " subscriptions, the most one owner may; delete one, or widen the filter of "
                            + "another, before adding one.", null);
        }
        OffsetDateTime now = now();
        Subscription subscription = new Subscription();
        subscription.id = "sub_" + UUID.randomUUID().toString().replace("-", "");
        subscription.owner = caller.name();
        subscription.secret = newSecret();
        subscription.createdAt = now;
        apply(subscription, checked, now);
        em.persist(subscription);
        return SubscriptionView.of(subscription, checked.filter(), subscription.secret);
    }

    public List<SubscriptionView> list(Caller caller) {
        return (caller.admin()
                ? em.createQuery("select s from Subscription s order by s.createdAt, s.id", Subscription.class)
                : em.createQuery("select s from Subscription s where s.owner = :owner order by s.createdAt, s.id",
                        Subscription.class).setParameter("owner", caller.name()))
                .getResultList().stream().map(s -> SubscriptionView.of(s, filterOf(s), null)).toList();
    }

    public SubscriptionView get(String id, Caller caller) {
        Subscription subscription = find(id, caller);
        return SubscriptionView.of(subscription, filterOf(subscription), null);
    }

    /** Replaces the subscription's target, filter and events; {@code enabled} (true when omitted) pauses or resumes it. */
    @Transactional
    public SubscriptionView replace(String id, SubscriptionInput input, Caller caller) {
        Subscription subscription = find(id, caller);
        Checked checked = check(input);
        boolean resumed = !subscription.enabled && checked.enabled();
        apply(subscription, checked, now());
        if (resumed) {
            replayed.fire(new Replayed(id));
        }
        return SubscriptionView.of(subscription, checked.filter(), null);
    }

    @Transactional
    public void delete(String id, Caller caller) {
        Subscription subscription = find(id, caller);
        em.createQuery("delete from Delivery d where d.subscriptionId = :id").setParameter("id", id).executeUpdate();
        em.remove(subscription);
    }

    /** A new secret: the next attempt of every delivery is signed with it. */
    @Transactional
    public SubscriptionView rotateSecret(String id, Caller caller) {
        Subscription subscription = find(id, caller);
        subscription.secret = newSecret();
        subscription.updatedAt = now();
        return SubscriptionView.of(subscription, filterOf(subscription), subscription.secret);
    }

    /** Up to {@code rows} deliveries of the subscription, newest first, older than {@code before} if given. */
    public List<DeliveryView> deliveries(String id, Caller caller, Long before, int rows) {
        find(id, caller);
        var query = em.createQuery("select d from Delivery d where d.subscriptionId = :id"
                + (before == null ? "" : " and d.id < :before") + " order by d.id desc", Delivery.class)
                .setParameter("id", id)
                .setMaxResults(rows);
        if (before != null) {
            query.setParameter("before", before);
        }
        return query.getResultStream().map(DeliveryView::of).toList();
    }

    /** Sends a delivery's message again, as a new delivery after the others (same {@code webhook-id} and body). */
    @Transactional
    public DeliveryView replay(String id, long deliveryId, Caller caller) {
        find(id, caller);
        Delivery original = em.find(Delivery.class, deliveryId);
        if (original == null || !original.subscriptionId.equals(id)) {
            throw DomainException.notFound("There is no delivery " + deliveryId + " of subscription '" + id + "'.");
        }
        Delivery replay = new Delivery();
        replay.subscriptionId = id;
        replay.messageId = original.messageId;
        replay.type = original.type;
        replay.quoteId = original.quoteId;
        replay.payload = original.payload;
        replay.status = Delivery.Status.PENDING;
        replay.createdAt = now();
        replay.nextAttemptAt = replay.createdAt;
        replay.replayOf = original.id;
        em.persist(replay);
        replayed.fire(new Replayed(id));
        return DeliveryView.of(replay);
    }

    /** Deliveries of a resumed subscription or a replay go out at once, once committed. */
    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Replayed event, WebhookDispatcher dispatcher) {
        dispatcher.nudge();
    }

    private Subscription find(String id, Caller caller) {
        Subscription subscription = id == null ? null : em.find(Subscription.class, id);
        if (subscription == null || !(caller.admin() || subscription.owner.equals(caller.name()))) {
            // Another's subscription is as absent as one that does not exist: its existence is not told.
            throw DomainException.notFound("subscription", id);
        }
        return subscription;
    }

    private record Checked(String url, SubscriptionFilter filter, List<EventType> events, boolean enabled) {
    }

    /**
     * Checks everything a subscription names, reporting every fault at once as a 400: the filter as the quote list
     * checks its parameters, the ids it names, and the target.
     */
    private Checked check(SubscriptionInput input) {
        List<Violation> violations = new ArrayList<>();
        SubscriptionFilter filter = input.filter() == null ? SubscriptionFilter.none() : input.filter();
        String language = null;
        if (filter.lang() != null) {
            language = languages.resolve(filter.lang()).orElse(null);
            if (language == null) {
                violations.add(new Violation("filter.lang", "'" + filter.lang() + "' is not a language Dicta serves (see "
                        + "/api/v1/languages)"));
            }
        }
        QuoteFilter quoteFilter = filter.toQuoteFilter(language);
        for (ConstraintViolation<QuoteFilter> violation : validator.validate(quoteFilter)) {
            String field = violation.getPropertyPath().toString().replaceFirst("\\[.*$", "");
            violations.add(new Violation("filter." + field, violation.getMessage()));
        }
        if (violations.isEmpty()) {
            try {
                quotes.checkReferences(quoteFilter);
            } catch (InvalidParameterException unknown) {
                unknown.violations().forEach(v -> violations.add(new Violation("filter." + v.field(), v.message())));
            }
        }
        try {
            targets.check(input.url());
        } catch (TargetPolicy.UnsafeTargetException unsafe) {
            violations.add(new Violation("url", unsafe.getMessage()));
        }
        if (!violations.isEmpty()) {
            violations.sort(java.util.Comparator.comparing(Violation::field));
            throw DomainException.malformed("The subscription cannot be accepted; nothing was stored. "
                    + DomainException.describe(violations), violations);
        }
        List<EventType> events = input.events() == null ? List.of(EventType.values())
                : List.copyOf(new LinkedHashSet<>(input.events().stream().filter(java.util.Objects::nonNull).toList()));
        if (events.isEmpty()) {
            throw DomainException.malformed("events: names no event type", List.of(new Violation("events",
                    "names no event type; omit it for all three")));
        }
        return new Checked(input.url(), filter.withLang(language), events, input.enabled() == null || input.enabled());
    }

    private void apply(Subscription subscription, Checked checked, OffsetDateTime now) {
        subscription.url = checked.url();
        try {
            subscription.filter = json.writeValueAsString(checked.filter());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A filter cannot be written as JSON", e);
        }
        subscription.events = String.join(",", checked.events().stream().map(EventType::wireName).toList());
        if (checked.enabled()) {
            subscription.disabledReason = null;
        }
        subscription.enabled = checked.enabled();
        subscription.updatedAt = now;
    }

    private SubscriptionFilter filterOf(Subscription subscription) {
        try {
            return json.readValue(subscription.filter, SubscriptionFilter.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The filter of subscription " + subscription.id + " cannot be read", e);
        }
    }

    /** The event types a subscription asked for. */
    static List<EventType> events(Subscription subscription) {
        return Arrays.stream(subscription.events.split(",")).map(EventType::ofWireName).toList();
    }

    /** {@code whsec_} and 32 random bytes in base64, as Standard Webhooks writes secrets. */
    private static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
