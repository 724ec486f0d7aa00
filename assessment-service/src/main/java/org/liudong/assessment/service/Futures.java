package org.liudong.assessment.service;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for work handed to another thread, with its failure rethrown as it was thrown there. */
final class Futures {

    private Futures() {
    }

    /** @param what names the work in the failure when the waiting thread is interrupted */
    static <T> T await(Future<T> work, String what) {
        try {
            return work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        }
    }

    /** Waits for every one of them, then rethrows the first failure. */
    static void awaitAll(List<? extends Future<?>> works, String what) {
        RuntimeException first = null;
        for (Future<?> work : works) {
            try {
                await(work, what);
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
