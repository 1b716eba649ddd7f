package fr.wastetrace.bsd.bsdd.subscription;

import fr.wastetrace.bsd.bsdd.model.FormSubscription;
import fr.wastetrace.bsd.company.CompanyDirectory;
import fr.wastetrace.bsd.core.permission.CallerCompanies;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.EventEnvelope;
import fr.wastetrace.identity.CallerIdentity;
import fr.wastetrace.kafka.consumer.ConsumerLoop;
import fr.wastetrace.kafka.consumer.ConsumerLoops;
import fr.wastetrace.kafka.consumer.PoisonRecordException;
import fr.wastetrace.subgraph.ApiException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureFailure;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Feeds the {@code forms} subscribers of this instance from the BSD events topic, so that every replica sees every
 * change, whichever replica made it. Each instance reads all partitions with a {@link ConsumerLoop} of its own, outside
 * any consumer group and committing nothing: it starts at the end of the partitions that exist when it starts (and at the
 * beginning of those created later, all of whose events are newer), so a subscriber gets the changes relayed after it
 * subscribed.
 *
 * <p>Each subscriber has a bounded buffer ({@link SubscriptionConfig#bufferSize()}): one that does not take its
 * changes fast enough is ended with a {@code TOO_MANY_REQUESTS} error instead of holding memory. A subscriber is
 * forgotten as soon as its stream ends (cancelled on disconnect, completed or failed).
 */
@ApplicationScoped
public class BsddChangeFeed {
    private static final Logger LOG = Logger.getLogger(BsddChangeFeed.class);
    public static final String LOOP = "bsd-form-subscriptions";

    @Inject
    BsddChanges changes;
    @Inject
    CompanyDirectory directory;
    @Inject
    SubscriptionConfig config;
    @Inject
    MeterRegistry meters;
    @Inject
    Vertx vertx;
    @Inject
    ConsumerLoops loops;

    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private Counter slowSubscribers;
    private volatile ConsumerLoop loop;

    /** One subscriber: who it is, its companies (reread now and then) and where its changes go. */
    private final class Subscriber {
        private final CallerIdentity caller;
        private final MultiEmitter<? super FormSubscription> emitter;
        private CallerCompanies companies;
        private Instant companiesReadAt;

        Subscriber(CallerIdentity caller, MultiEmitter<? super FormSubscription> emitter) {
            this.caller = caller;
            this.emitter = emitter;
        }

        /** Called on the feed's thread only. */
        CallerCompanies companies() {
            if (companies == null || companiesReadAt.plus(config.rolesRefresh()).isBefore(Instant.now())) {
                companies = directory.companiesOf(caller);
                companiesReadAt = Instant.now();
            }
            return companies;
        }
    }

    void start(@Observes StartupEvent event) {
        Gauge.builder("wastetrace.bsd.form.subscriptions", subscribers, Set::size)
                .description("forms subscribers served by this instance").register(meters);
        slowSubscribers = Counter.builder("wastetrace.bsd.form.subscriptions.overflowed")
                .description("forms subscribers ended because they did not take their changes fast enough").register(meters);
        if (config.enabled()) {
            start();
        }
    }

    /** Starts the loop; at startup, and again by a test that killed it. */
    public void start() {
        // Outside any group, committing nothing; a record it cannot read goes to the dead-letter topic like every
        // consumer's poison (the service's DeadLetters; consumer header bsd-form-subscriptions). Every replica reads
        // every record, so each replica parks its own copy.
        loop = loops.loop(LOOP)
                .readAll(config.topic(), config.partitionsRefresh())
                .property(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false")
                .property(ConsumerConfig.CLIENT_ID_CONFIG, "bsd-service.form-subscriptions." + UUID.randomUUID().toString().substring(0, 8))
                .handler(this::dispatch)
                .onEnd(() -> subscribers.forEach(s -> s.emitter.complete()))
                .build().start();
    }

    /**
     * The changes {@code caller} may see from now on, until the stream is cancelled. Fails with
     * {@code TOO_MANY_REQUESTS} when this instance serves its maximum of subscribers, or later when the subscriber
     * falls more than the buffer behind.
     */
    public Multi<FormSubscription> subscribe(CallerIdentity caller) {
        ConsumerLoop current = loop;
        if (current == null || current.state() != ConsumerLoop.State.RUNNING) {
            throw new IllegalStateException("the forms subscription feed is not running on this instance");
        }
        if (subscribers.size() >= config.maxSubscribers()) {
            throw new ApiException.TooManyRequests("Le service sert déjà le nombre maximal d'abonnements : réessayez "
                    + "plus tard, ou interrogez formsLifeCycle.");
        }
        // Messages are shaped on the subscriber's own Vert.x context (its WebSocket's): the blocking resolvers of
        // Form's related fields are then moved to worker threads as in any request.
        Context context = vertx.getOrCreateContext();
        return bounded(emitter -> {
            Subscriber subscriber = new Subscriber(caller, emitter);
            emitter.onTermination(() -> subscribers.remove(subscriber));
            subscribers.add(subscriber);
        }, config.bufferSize(), task -> context.runOnContext(ignored -> task.run()), () -> {
            slowSubscribers.increment();
            return new ApiException.TooManyRequests("Abonnement interrompu : plus de " + config.bufferSize()
                    + " changements attendaient d'être lus. Réabonnez-vous, puis rattrapez les changements manqués avec "
                    + "formsLifeCycle.");
        });
    }

    /**
     * A subscriber's stream: what the feed emits (whatever the demand) waits in a buffer of {@code bufferSize}, then
     * goes on through {@code executor}; when the buffer overflows, the stream fails with {@code overflow}'s error (and
     * terminates, so the subscriber is forgotten).
     */
    static <T> Multi<T> bounded(Consumer<MultiEmitter<? super T>> register, int bufferSize, Executor executor,
                                Supplier<RuntimeException> overflow) {
        return Multi.createFrom().<T>emitter(register, BackPressureStrategy.IGNORE)
                .onOverflow().buffer(bufferSize)
                .emitOn(executor)
                .onFailure(BackPressureFailure.class).transform(failure -> overflow.get());
    }

    private void dispatch(ConsumerRecord<String, String> record) throws PoisonRecordException {
        if (subscribers.isEmpty()) {
            return;
        }
        EventEnvelope event;
        try {
            event = EventCodec.decode(record.value());
        } catch (EventCodec.MalformedEventException | NullPointerException e) {
            throw new PoisonRecordException("malformed BSD event: " + e.getMessage(), e);
        }
        // Not retried when pushing fails: a retry would push the change again to those who already got it.
        try {
            Optional<BsddChanges.Change> change = changes.read(event);
            if (change.isEmpty()) {
                return;
            }
            List<Subscriber> audience = new ArrayList<>();
            for (Subscriber subscriber : subscribers) {
                if (!subscriber.emitter.isCancelled() && changes.visibleTo(change.get(), subscriber.companies())) {
                    audience.add(subscriber);
                }
            }
            if (audience.isEmpty()) {
                return;
            }
            FormSubscription message = changes.message(change.get());
            audience.forEach(subscriber -> subscriber.emitter.emit(message));
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not push the BSD event at %s-%d@%d to subscribers", record.topic(), record.partition(),
                    record.offset());
        }
    }

}
