package dev.sourced.concurrent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Runs independent per-file work (parsing, rendering, writing) on all cores, keeping results in
 * input order so output never depends on scheduling. Threads get a large stack, like the main
 * thread's, so deeply nested content fails the same way on every thread count.
 *
 * <p>The number of threads is the number of processors, or {@code SOURCED_THREADS} / {@code
 * -Dsourced.threads} when set (1 runs everything on the calling thread).
 */
public final class Workers {
  static final long STACK_BYTES = 64L << 20;

  private Workers() {}

  public static int threads() {
    String v = System.getProperty("sourced.threads", System.getenv("SOURCED_THREADS"));
    if (v != null) {
      try {
        return Math.max(1, Integer.parseInt(v.strip()));
      } catch (NumberFormatException e) {
        // fall through to the default
      }
    }
    return Runtime.getRuntime().availableProcessors();
  }

  /**
   * Starts {@code work} on a thread of its own (a daemon, with the workers' large stack), for a
   * stage that can run beside another: its result, or its failure, is the future's.
   */
  public static <T> Future<T> background(String name, Callable<T> work) {
    FutureTask<T> task = new FutureTask<>(work);
    Thread t = new Thread(null, task, name, STACK_BYTES);
    t.setDaemon(true);
    t.start();
    return task;
  }

  /**
   * Waits for a {@link #background} result; its failure is thrown as the work threw it (an {@link
   * UncheckedIOException} as the {@link IOException} it carries).
   */
  public static <T> T join(Future<T> result) throws IOException {
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) throw io;
      if (c instanceof UncheckedIOException u) throw u.getCause();
      if (c instanceof RuntimeException re) throw re;
      if (c instanceof Error err) throw err;
      throw new IllegalStateException(c);
    }
  }

  /**
   * Computes {@code work.apply(i)} for i in [0, n) on the worker threads; returns the results in
   * index order. Work is handed out in small batches from a shared counter.
   */
  public static <T> List<T> map(int n, IntFunction<T> work) {
    int threads = Math.min(threads(), Math.max(1, n / 8));
    @SuppressWarnings("unchecked")
    T[] results = (T[]) new Object[n];
    if (threads <= 1) {
      for (int i = 0; i < n; i++) results[i] = work.apply(i);
      return Arrays.asList(results);
    }
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(null, r, "sourced-worker", STACK_BYTES);
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int w = 0; w < threads; w++) {
        running.add(
            pool.submit(
                () -> {
                  int i;
                  while ((i = next.getAndIncrement()) < n) results[i] = work.apply(i);
                }));
      }
      Throwable failure = null;
      for (Future<?> f : running) {
        try {
          f.get();
        } catch (ExecutionException e) {
          // Stop handing out work, but let every worker finish what it is doing before the
          // failure goes up: the caller may delete what they are writing into.
          next.set(n);
          if (failure == null) failure = e.getCause();
        }
      }
      if (failure instanceof RuntimeException re) throw re;
      if (failure instanceof Error err) throw err;
      if (failure != null) throw new IllegalStateException(failure);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      pool.shutdownNow();
    }
    return Arrays.asList(results);
  }
}
