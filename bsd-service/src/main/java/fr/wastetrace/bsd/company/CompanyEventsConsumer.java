package fr.wastetrace.bsd.company;

import fr.wastetrace.bsd.config.BsdConfig;
import fr.wastetrace.events.EventCodec;
import fr.wastetrace.events.EventEnvelope;
import fr.wastetrace.identity.WrittenPositions;
import fr.wastetrace.kafka.consumer.ConsumerLoop;
import fr.wastetrace.kafka.consumer.ConsumerLoops;
import fr.wastetrace.kafka.consumer.PoisonRecordException;
import fr.wastetrace.subgraph.ReadModelCatchUp;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Feeds {@link CompanyDirectory} from the company events topic, through the shared {@link ConsumerLoop}. Offsets are
 * committed after the read model's transaction commits, so a crash replays events, which the version guard makes
 * harmless. An event that cannot be decoded goes to the dead-letter topic at once (it can never become valid); one
 * that fails to be stored is retried while the loop keeps polling, and parked after the configured tries
 * ({@code wastetrace.consumers.max-tries}); while the database is unreachable it waits (not ready). A loop that dies
 * makes liveness DOWN: permissions never freeze silently. Each applied event releases the requests waiting for it
 * (read-your-writes, {@link ReadModelCatchUp}).
 */
@ApplicationScoped
public class CompanyEventsConsumer {
    public static final String LOOP = "bsd-company-read-model";

    @Inject
    CompanyDirectory directory;
    @Inject
    ReadModelCatchUp catchUp;
    @Inject
    ConsumerLoops loops;
    @Inject
    BsdConfig config;

    void start(@Observes StartupEvent event) {
        if (config.companyEvents().enabled()) {
            start();
        }
    }

    /** Starts the loop; at startup, and again by a test that killed it. */
    public void start() {
        loops.loop(LOOP).subscribe(config.companyEvents().group(), config.companyEvents().topic()).handler(this::apply).build().start();
    }

    private void apply(ConsumerRecord<String, String> record) throws PoisonRecordException {
        EventEnvelope event;
        try {
            event = EventCodec.decode(record.value());
        } catch (EventCodec.MalformedEventException | NullPointerException e) {
            throw new PoisonRecordException("malformed company event: " + e.getMessage(), e);
        }
        directory.apply(event);
        catchUp.applied(WrittenPositions.company(event.aggregateId()), event.version());
    }
}
