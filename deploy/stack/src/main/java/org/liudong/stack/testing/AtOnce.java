package org.liudong.stack.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Sends requests at the same moment, each from its own thread, as a double click, two clerks or a client retrying
 * without its key do: for tests of what the services guarantee under such races.
 */
public final class AtOnce {

    private AtOnce() {
    }

    /** Runs {@code copies} of {@code request} released together; returns what each returned, in order. */
    public static <T> List<T> run(int copies, Callable<T> request) throws Exception {
        return run(Collections.nCopies(copies, request));
    }

    /** Runs the requests released together; returns what each returned, in order. */
    public static <T> List<T> run(List<Callable<T>> requests) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(requests.size());
        CyclicBarrier start = new CyclicBarrier(requests.size());
        try {
            List<Future<T>> answers = new ArrayList<>();
            for (Callable<T> request : requests) {
                answers.add(threads.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> answer : answers) {
                results.add(answer.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }
}
