package org.liudong.assessment.service;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Lets callers who ask for the same thing at the same time share one computation, without anyone getting an answer
 * older than their question. At most one computation per key runs; a caller who arrives while it runs does not take
 * its result (it may have read the data before the caller's change was committed) but waits for the next one, which
 * starts when the running one ends and serves everyone who arrived meanwhile.
 *
 * <p>A dashboard wall polling one county's indicators costs one computation per round instead of one per screen.
 */
final class CoalescedComputations<K, V> {

    /** The computation running for a key, and the one queued behind it (null when nobody waits). */
    private static final class Flights<V> {
        CompletableFuture<V> running;
        CompletableFuture<V> queued;
        int queuedCallers;
    }

    private final Map<K, Flights<V>> flights = new HashMap<>();

    /** The result of {@code work} run after this call began, shared with concurrent callers for the same key. */
    V get(K key, Supplier<V> work) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> before = null;
        CompletableFuture<V> joined = null;
        synchronized (flights) {
            Flights<V> flight = flights.computeIfAbsent(key, k -> new Flights<>());
            if (flight.queued != null) {
                joined = flight.queued;
                flight.queuedCallers++;
            } else if (flight.running == null) {
                flight.running = mine;
            } else {
                before = flight.running;
                flight.queued = mine;
                flight.queuedCallers = 1;
            }
        }
        if (joined != null) {
            return await(joined);
        }
        if (before != null) {
            before.handle((result, failure) -> null).join();
            synchronized (flights) {
                Flights<V> flight = flights.get(key);
                flight.running = mine;
                flight.queued = null;
                flight.queuedCallers = 0;
            }
        }
        V result;
        try {
            result = work.get();
        } catch (RuntimeException | Error e) {
            land(key);
            mine.completeExceptionally(e);
            throw e;
        }
        land(key);
        mine.complete(result);
        return result;
    }

    /** Ends the running computation; the one queued behind it starts only once its result is out, so after this. */
    private void land(K key) {
        synchronized (flights) {
            Flights<V> flight = flights.get(key);
            flight.running = null;
            if (flight.queued == null) {
                flights.remove(key);
            }
        }
    }

    /** How many callers wait for the computation queued for {@code key}; for tests. */
    int queuedCallers(K key) {
        synchronized (flights) {
            Flights<V> flight = flights.get(key);
            return flight == null ? 0 : flight.queuedCallers;
        }
    }

    private static <V> V await(CompletableFuture<V> shared) {
        try {
            return shared.join();
        } catch (CompletionException e) {
            // the computation's own failure, as if the caller had run it
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        } catch (CancellationException e) {
            throw new IllegalStateException("A shared computation was cancelled", e);
        }
    }
}
