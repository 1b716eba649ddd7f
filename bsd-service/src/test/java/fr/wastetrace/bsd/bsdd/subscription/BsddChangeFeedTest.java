package fr.wastetrace.bsd.bsdd.subscription;

import fr.wastetrace.subgraph.ApiException;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import io.smallrye.mutiny.subscription.MultiEmitter;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A subscriber's stream holds a bounded number of changes: one that does not take them is ended with an error. */
class BsddChangeFeedTest {
    private final AtomicReference<MultiEmitter<? super Integer>> emitter = new AtomicReference<>();
    private final AtomicBoolean forgotten = new AtomicBoolean();

    private AssertSubscriber<Integer> subscriber(int bufferSize, long initialDemand) {
        return BsddChangeFeed.<Integer>bounded(e -> {
                    emitter.set(e);
                    e.onTermination(() -> forgotten.set(true));
                }, bufferSize, Runnable::run, () -> new ApiException.TooManyRequests("trop lent"))
                .subscribe().withSubscriber(AssertSubscriber.create(initialDemand));
    }

    @Test
    void aSubscriberThatKeepsUpGetsEverythingInOrder() {
        AssertSubscriber<Integer> subscriber = subscriber(2, Long.MAX_VALUE);
        for (int i = 1; i <= 1_000; i++) {
            emitter.get().emit(i);
        }
        assertEquals(1_000, subscriber.getItems().size());
        assertEquals(List.of(1, 2, 3), subscriber.getItems().subList(0, 3));
        subscriber.assertNotTerminated();
    }

    @Test
    void aSubscriberThatFallsBehindIsEndedWithTooManyRequestsAndForgotten() {
        AssertSubscriber<Integer> subscriber = subscriber(8, 1);
        for (int i = 1; i <= 1_000 && !forgotten.get(); i++) {
            emitter.get().emit(i);
        }
        subscriber.assertFailedWith(ApiException.TooManyRequests.class, "trop lent");
        assertEquals(List.of(1), subscriber.getItems());
        assertTrue(forgotten.get(), "the feed forgets it");
        assertInstanceOf(ApiException.TooManyRequests.class, subscriber.getFailure());
    }

    @Test
    void aCancelledSubscriberIsForgotten() {
        AssertSubscriber<Integer> subscriber = subscriber(8, 1);
        subscriber.cancel();
        assertTrue(forgotten.get());
    }
}
