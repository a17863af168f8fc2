package org.dicta.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.dicta.quote.QuoteChanged;
import org.dicta.quote.QuoteFilter;
import org.dicta.quote.QuoteMatch;
import org.dicta.quote.QuoteRecord;
import org.dicta.quote.QuoteService;
import org.dicta.quote.QuoteView;
import org.dicta.web.ApiConfig;
import org.dicta.web.LanguageChoice;
import org.dicta.web.SupportedLanguages;
import org.jboss.logging.Logger;

/**
 * Turns the outbox into deliveries and makes them, at least once and in order per subscription.
 *
 * <p>Every change of a quote writes an {@link OutboxEvent} in the transaction that makes it. Every
 * {@code dicta.webhooks.poll-interval}, and at once after a change commits, an instance takes the outbox's lock row
 * (so that one instance at a time fans out, in outbox order), and makes a {@link Delivery} for every enabled
 * subscription whose events and filter the change meets, with its body built then from the quote as it stands.
 *
 * <p>Deliveries are made by whichever instance holds the subscription's lease, taken with a conditional update: only
 * the oldest pending delivery of a subscription is attempted, so they arrive in order; no transaction is open during the
 * HTTP call; a failure is retried with exponential backoff and jitter, and after {@code give-up-after} the delivery fails
 * and its subscription is disabled with the reason. All of it is in the database: a killed instance loses nothing, and
 * another (or itself, restarted) carries on once the lease expires.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    /** Outbox events fanned out per transaction. */
    private static final int BATCH = 100;
    /** How often old outbox events and finished deliveries are looked for. */
    private static final Duration PRUNE_INTERVAL = Duration.ofMinutes(1);

    private final EntityManager em;
    private final QuoteService quotes;
    private final SupportedLanguages languages;
    private final ApiConfig api;
    private final ObjectMapper json;
    private final WebhookConfig config;
    private final WebhookSender sender;

    /** This process, as lease owner; a restarted one is another and waits for the old leases to expire. */
    private final String instance = UUID.randomUUID().toString();
    private final ExecutorService workers;
    private final ExecutorService nudges;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean nudged = new AtomicBoolean();
    private final ReentrantLock running = new ReentrantLock();
    private volatile boolean again;
    private volatile boolean stopping;
    /** When this instance last pruned ({@link System#nanoTime()}). */
    private long lastPruned = System.nanoTime();

    WebhookDispatcher(EntityManager em, QuoteService quotes, SupportedLanguages languages, ApiConfig api, ObjectMapper json,
            WebhookConfig config) {
        this.em = em;
        this.quotes = quotes;
        this.languages = languages;
        this.api = api;
        this.json = json;
        this.config = config;
        this.sender = new WebhookSender(new TargetPolicy(config.allowPrivateAddresses(), TargetPolicy.dns()), config.timeout(),
                (int) Math.min(Integer.MAX_VALUE, config.maxResponseBytes().asLongValue()));
        this.workers = Executors.newFixedThreadPool(Math.max(1, config.concurrency()), named("dicta-webhooks"));
        this.nudges = Executors.newSingleThreadExecutor(named("dicta-webhooks-dispatch"));
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        nudges.shutdownNow();
        workers.shutdownNow();
        workers.awaitTermination(config.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
    }

    /** After a change commits, its webhooks go out at once rather than at the next poll. */
    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) QuoteChanged event) {
        nudge();
    }

    /** Runs a round soon, on another thread; nudges that arrive together share one. */
    void nudge() {
        if (config.enabled() && !stopping && nudged.compareAndSet(false, true)) {
            nudges.execute(() -> {
                nudged.set(false);
                run();
            });
        }
    }

    @Scheduled(every = "${dicta.webhooks.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        if (config.enabled()) {
            run();
            if (System.nanoTime() - lastPruned > PRUNE_INTERVAL.toNanos()) {
                lastPruned = System.nanoTime();
                prune();
            }
        }
    }

    /** One round: fan out the outbox, then start the deliveries that are due. Rounds of one instance never overlap. */
    private void run() {
        if (!running.tryLock()) {
            again = true; // the round under way may have read before this reason to run
            return;
        }
        try {
            do {
                again = false;
                try {
                    while (fanOut() == BATCH) {
                        // more to fan out
                    }
                    deliverDue();
                } catch (RuntimeException e) {
                    LOG.warnf(e, "A round of webhooks failed; the next one retries");
                }
            } while (again && !stopping);
        } finally {
            running.unlock();
        }
    }

    /** Fans out up to a batch of outbox events, in order; returns how many. */
    int fanOut() {
        return QuarkusTransaction.requiringNew().call(() -> {
            // One instance at a time, so that deliveries are numbered in outbox order.
            em.find(DispatchLock.class, DispatchLock.ID, LockModeType.PESSIMISTIC_WRITE);
            OffsetDateTime now = now();
            List<Subscription> subscriptions = em.createQuery(
                    "select s from Subscription s where s.enabled = true order by s.createdAt, s.id", Subscription.class)
                    .getResultList();
            if (subscriptions.isEmpty()) {
                // Nobody to tell (an import of thousands of quotes into an installation without webhooks): all at once.
                em.createQuery("update OutboxEvent e set e.dispatchedAt = :now where e.dispatchedAt is null")
                        .setParameter("now", now).executeUpdate();
                return 0;
            }
            List<OutboxEvent> events = em.createQuery("select e from OutboxEvent e where e.dispatchedAt is null order by e.seq",
                    OutboxEvent.class).setMaxResults(BATCH).getResultList();
            Map<String, Followed> followed = new HashMap<>();
            for (OutboxEvent event : events) {
                Optional<QuoteRecord> quote = quotes.current(event.quoteId);
                for (Subscription subscription : quote.isPresent() ? subscriptions : List.<Subscription>of()) {
                    Followed follows = followed.computeIfAbsent(subscription.id, id -> followed(subscription));
                    if (follows == null || !follows.types().contains(event.type)) {
                        continue;
                    }
                    Optional<QuoteMatch> match = follows.filter().match(quote.get());
                    if (match.isPresent()) {
                        em.persist(delivery(subscription, event, QuoteView.from(match.get(), follows.language()), now));
                    }
                }
                event.dispatchedAt = now;
            }
            return events.size();
        });
    }

    /** What a subscription follows, parsed once per batch; null if its stored filter cannot be read (never expected). */
    private Followed followed(Subscription subscription) {
        try {
            SubscriptionFilter filter = json.readValue(subscription.filter, SubscriptionFilter.class);
            Map<String, String> catalogue = languages.names();
            LanguageChoice language = filter.lang() == null
                    ? LanguageChoice.all(catalogue, api.fallbackLanguage(), false)
                    : LanguageChoice.explicit(filter.lang(), catalogue, api.fallbackLanguage());
            return new Followed(filter.toQuoteFilter(filter.lang()), Subscriptions.events(subscription), language);
        } catch (JsonProcessingException e) {
            LOG.errorf(e, "The filter of subscription %s cannot be read; it gets no webhooks", subscription.id);
            return null;
        }
    }

    private record Followed(QuoteFilter filter, List<EventType> types, LanguageChoice language) {
    }

    private Delivery delivery(Subscription subscription, OutboxEvent event, QuoteView quote, OffsetDateTime now) {
        Delivery delivery = new Delivery();
        delivery.subscriptionId = subscription.id;
        delivery.messageId = "msg_" + UUID.randomUUID().toString().replace("-", "");
        delivery.type = event.type;
        delivery.quoteId = event.quoteId;
        try {
            delivery.payload = json.writeValueAsString(new WebhookMessage(event.type, event.occurredAt,
                    new WebhookMessage.Data(quote)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A quote cannot be written as JSON", e);
        }
        delivery.status = Delivery.Status.PENDING;
        delivery.createdAt = now;
        delivery.nextAttemptAt = now;
        return delivery;
    }

    /** Leases the subscriptions whose oldest pending delivery is due, as many as there are free workers, and starts them. */
    private void deliverDue() {
        int free = Math.max(1, config.concurrency()) - inFlight.get();
        if (free <= 0) {
            return;
        }
        OffsetDateTime now = now();
        List<String> due = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select s.id from Subscription s where s.enabled = true and (s.leaseUntil is null or s.leaseUntil < :now)"
                        + " and exists (select 1 from Delivery d where d.subscriptionId = s.id and d.nextAttemptAt <= :now"
                        + " and d.id = (select min(o.id) from Delivery o where o.subscriptionId = s.id and o.status = :pending))",
                String.class)
                .setParameter("now", now).setParameter("pending", Delivery.Status.PENDING)
                .setMaxResults(free).getResultList());
        for (String subscription : due) {
            if (lease(subscription)) {
                inFlight.incrementAndGet();
                workers.execute(() -> {
                    try {
                        deliverInOrder(subscription);
                    } catch (RuntimeException e) {
                        LOG.warnf(e, "Deliveries to subscription %s stopped; they resume at the next round", subscription);
                    } finally {
                        release(subscription);
                        inFlight.decrementAndGet();
                        nudge(); // more may have become due meanwhile
                    }
                });
            }
        }
    }

    /** How long a lease lasts: longer than an attempt can take, renewed before each. */
    private Duration leaseDuration() {
        return config.timeout().multipliedBy(2).plusSeconds(5);
    }

    /**
     * Takes or renews the subscription's lease: a conditional update that only one instance can win while it is held by
     * another (PostgreSQL and H2 both lock the row and test the condition again once the other commits).
     */
    private boolean lease(String subscription) {
        OffsetDateTime now = now();
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "update Subscription s set s.leaseOwner = :me, s.leaseUntil = :until where s.id = :id and s.enabled = true"
                        + " and (s.leaseUntil is null or s.leaseUntil < :now or s.leaseOwner = :me)")
                .setParameter("me", instance).setParameter("until", now.plus(leaseDuration())).setParameter("id", subscription)
                .setParameter("now", now).executeUpdate()) == 1;
    }

    private void release(String subscription) {
        QuarkusTransaction.requiringNew().run(() -> em.createQuery(
                "update Subscription s set s.leaseOwner = null, s.leaseUntil = null where s.id = :id and s.leaseOwner = :me")
                .setParameter("id", subscription).setParameter("me", instance).executeUpdate());
    }

    /** Attempts the subscription's oldest pending delivery, and the next ones while they succeed and the lease holds. */
    private void deliverInOrder(String subscriptionId) {
        while (!stopping) {
            Optional<Next> next = QuarkusTransaction.requiringNew().call(() -> {
                Subscription subscription = em.find(Subscription.class, subscriptionId);
                if (subscription == null || !subscription.enabled) {
                    return Optional.<Next>empty();
                }
                List<Delivery> oldest = em.createQuery("select d from Delivery d where d.subscriptionId = :id"
                        + " and d.status = :pending order by d.id", Delivery.class)
                        .setParameter("id", subscriptionId).setParameter("pending", Delivery.Status.PENDING)
                        .setMaxResults(1).getResultList();
                if (oldest.isEmpty() || oldest.get(0).nextAttemptAt.isAfter(now())) {
                    return Optional.<Next>empty();
                }
                Delivery delivery = oldest.get(0);
                return Optional.of(new Next(delivery.id, delivery.attempts, delivery.messageId, delivery.payload,
                        subscription.url, subscription.secret));
            });
            if (next.isEmpty() || !lease(subscriptionId)) {
                return;
            }
            WebhookSender.Attempt attempt = sender.send(next.get().url(), next.get().secret(), next.get().messageId(),
                    next.get().payload());
            boolean recorded = QuarkusTransaction.requiringNew().call(() -> record(subscriptionId, next.get(), attempt));
            if (!recorded || !attempt.succeeded()) {
                return;
            }
        }
    }

    private record Next(long deliveryId, int attempts, String messageId, String payload, String url, String secret) {
    }

    /** Records an attempt; false when the delivery was changed meanwhile (it then is left to the next round). */
    private boolean record(String subscriptionId, Next next, WebhookSender.Attempt attempt) {
        Delivery delivery = em.find(Delivery.class, next.deliveryId(), LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null || delivery.attempts != next.attempts() || delivery.status != Delivery.Status.PENDING) {
            return false;
        }
        OffsetDateTime now = now();
        delivery.attempts++;
        delivery.lastAttemptAt = now;
        if (delivery.firstAttemptAt == null) {
            delivery.firstAttemptAt = now;
        }
        delivery.lastStatus = attempt.status();
        delivery.lastResponse = attempt.response() == null ? null : truncate(attempt.response(), 4000);
        delivery.lastError = attempt.error() == null ? null : truncate(attempt.error(), 2000);
        if (attempt.succeeded()) {
            delivery.status = Delivery.Status.DELIVERED;
            delivery.nextAttemptAt = null;
        } else if (!now.isBefore(delivery.firstAttemptAt.plus(config.giveUpAfter()))) {
            delivery.status = Delivery.Status.FAILED;
            delivery.nextAttemptAt = null;
            Subscription subscription = em.find(Subscription.class, subscriptionId, LockModeType.PESSIMISTIC_WRITE);
            if (subscription != null) {
                subscription.enabled = false;
                subscription.disabledReason = truncate("Delivery " + delivery.id + " failed for "
                        + describe(config.giveUpAfter()) + " (last attempt: " + (attempt.error() != null ? attempt.error()
                        : "answered HTTP " + attempt.status()) + "); re-enable the subscription once its target answers, and replay what it "
                        + "missed.", 2000);
                subscription.updatedAt = now;
                LOG.warnf("Subscription %s disabled: %s", subscriptionId, subscription.disabledReason);
            }
        } else {
            delivery.nextAttemptAt = now.plus(backoff(delivery.attempts));
        }
        return true;
    }

    /** The wait after the n-th failed attempt: doubling from the initial delay up to the cap, the upper half of it at random. */
    Duration backoff(int attempts) {
        long initial = Math.max(1, config.retryInitialDelay().toMillis());
        long cap = Math.max(initial, config.retryMaxDelay().toMillis());
        long delay = attempts >= 62 ? cap : Math.min(cap, initial << Math.min(attempts - 1, 40));
        return Duration.ofMillis(delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1));
    }

    private static String describe(Duration duration) {
        return duration.toHours() >= 1 && duration.toMinutesPart() == 0 ? duration.toHours() + " h"
                : duration.toSeconds() >= 1 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    /** Drops dispatched outbox events and finished deliveries once they are past keeping. */
    private void prune() {
        OffsetDateTime now = now();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createQuery("delete from OutboxEvent e where e.dispatchedAt < :cutoff")
                    .setParameter("cutoff", now.minus(config.eventRetention())).executeUpdate();
            em.createQuery("delete from Delivery d where d.status <> :pending and d.createdAt < :cutoff")
                    .setParameter("pending", Delivery.Status.PENDING)
                    .setParameter("cutoff", now.minus(config.deliveryRetention())).executeUpdate();
        });
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
