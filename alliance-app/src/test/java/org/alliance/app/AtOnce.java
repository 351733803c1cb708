package org.alliance.app;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** The same call made many times at once, for the tests of what two simultaneous requests must not do. */
public final class AtOnce {

    private AtOnce() {}

    /** The results of {@code call} made {@code times} times on {@code threads} threads, as {@link #results(int, List)}. */
    public static <T> List<T> results(int threads, int times, Callable<T> call) throws Exception {
        return results(threads, Collections.nCopies(times, call));
    }

    /**
     * The results of the calls, made on {@code threads} threads that all wait for one start signal, in the order of
     * the calls; a call that has not ended after 30 seconds fails the test.
     */
    public static <T> List<T> results(int threads, List<? extends Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
