package org.liudong.assessment.service;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CoalescedComputationsTest {

    private final CoalescedComputations<String, Integer> computations = new CoalescedComputations<>();
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final AtomicInteger started = new AtomicInteger();

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void callersArrivingDuringAComputationShareTheNextOneNotTheRunningOne() throws Exception {
        CountDownLatch releaseFirst = new CountDownLatch(1);
        Future<Integer> first = runningUntil(releaseFirst, "620821", started::incrementAndGet);

        List<Future<Integer>> during = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            during.add(callers.submit(() -> computations.get("620821", started::incrementAndGet)));
        }
        waitUntilQueued(6);
        releaseFirst.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        for (Future<Integer> caller : during) {
            // the second computation began after each of them asked, and served them all
            assertThat(caller.get(10, TimeUnit.SECONDS)).isEqualTo(2);
        }
        assertThat(started).hasValue(2);
    }

    @Test
    void aCallerAfterTheLastComputationEndedGetsANewOne() {
        assertThat(computations.get("620821", started::incrementAndGet)).isEqualTo(1);
        assertThat(computations.get("620821", started::incrementAndGet)).isEqualTo(2);
    }

    @Test
    void differentKeysDoNotWaitForEachOther() throws Exception {
        CountDownLatch releaseFirst = new CountDownLatch(1);
        Future<Integer> blocked = runningUntil(releaseFirst, "620821", () -> 1);

        assertThat(callers.submit(() -> computations.get("440305", () -> 2)).get(10, TimeUnit.SECONDS)).isEqualTo(2);
        releaseFirst.countDown();
        assertThat(blocked.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    }

    @Test
    void aFailureReachesEveryoneWhoSharedTheComputationAndTheNextCallerComputesAgain() throws Exception {
        CountDownLatch releaseFirst = new CountDownLatch(1);
        Future<Integer> first = runningUntil(releaseFirst, "620821", () -> 1);
        CountDownLatch failing = new CountDownLatch(1);
        Future<Integer> leader = callers.submit(() -> computations.get("620821", () -> {
            failing.countDown();
            throw new IllegalStateException("database gone");
        }));
        waitUntilQueued(1);
        Future<Integer> follower = callers.submit(() -> computations.get("620821", () -> 3));
        waitUntilQueued(2);
        releaseFirst.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(failing.await(10, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> leader.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("database gone");
        // it shared the failed computation: its own work never ran
        assertThatThrownBy(() -> follower.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("database gone");
        assertThat(computations.get("620821", () -> 4)).isEqualTo(4);
    }

    /** A computation for {@code key} that has begun and ends, with {@code result}, once {@code release} opens. */
    private Future<Integer> runningUntil(CountDownLatch release, String key, Supplier<Integer> result)
            throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        Future<Integer> caller = callers.submit(() -> computations.get(key, () -> {
            running.countDown();
            await(release);
            return result.get();
        }));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        return caller;
    }

    private void waitUntilQueued(int callers) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (computations.queuedCallers("620821") < callers && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(computations.queuedCallers("620821")).isEqualTo(callers);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
