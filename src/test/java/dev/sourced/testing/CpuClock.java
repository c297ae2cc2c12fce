package dev.sourced.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import org.junit.jupiter.api.function.ThrowingSupplier;

/**
 * CPU time, for tests that bound how much work a hostile input may cost. Wall time is the wrong
 * measure there: on a machine running other builds it grows tenfold with the load, and a bound
 * loose enough for that no longer catches the quadratic case it is there for. CPU time stays what
 * the work costs. The JUnit run is not parallel, so the process's CPU time is the test's own.
 */
public final class CpuClock {
  /**
   * Wall time, as a multiple of the work allowed, after which work is stopped as hung: generous,
   * since a machine loaded twentyfold (seen here while other builds ran) stretches wall time as
   * much, and the CPU bound is the check that matters.
   */
  public static final int HANG_FACTOR = 10;

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private CpuClock() {}

  /** CPU nanoseconds used so far by the calling thread. */
  public static long thread() {
    return THREADS.getCurrentThreadCpuTime();
  }

  /**
   * CPU nanoseconds used so far by every thread of this JVM (the collector's and compiler's too).
   */
  public static long process() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * Runs {@code work} on a thread of its own and returns its result, failing when it used more than
   * {@code seconds} of CPU time per processor, or hung: ran {@link #HANG_FACTOR} times that in wall
   * time.
   */
  public static <T> T within(String what, int seconds, ThrowingSupplier<T> work) {
    long start = process();
    T result =
        assertTimeoutPreemptively(
            Duration.ofSeconds((long) seconds * HANG_FACTOR),
            work,
            () -> what + ": hung (still running after " + seconds * HANG_FACTOR + " s)");
    assertWithin(what, (process() - start) / 1_000_000, seconds);
    return result;
  }

  /** Fails when {@code cpuMillis} is over {@code seconds} of CPU time per processor. */
  public static void assertWithin(String what, long cpuMillis, int seconds) {
    long allowed = seconds * 1000L * Runtime.getRuntime().availableProcessors();
    assertThat(cpuMillis)
        .as("%s: CPU milliseconds (allowed: %d s on each processor)", what, seconds)
        .isLessThanOrEqualTo(allowed);
  }
}
