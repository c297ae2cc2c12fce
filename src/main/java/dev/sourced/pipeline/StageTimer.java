package dev.sourced.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * How long each stage of a build took, printed to standard error when the system property {@code
 * sourced.timing} is set ({@code java -Dsourced.timing -jar ...}): a first look before reaching for
 * a profiler.
 */
final class StageTimer {
  private final boolean on = System.getProperty("sourced.timing") != null;
  private final List<String> laps = new ArrayList<>();
  private final long first = System.nanoTime();
  private long last = first;

  private long total() {
    return (System.nanoTime() - first) / 1_000_000;
  }

  void lap(String stage) {
    if (!on) return;
    long now = System.nanoTime();
    laps.add(String.format("%s %d ms", stage, (now - last) / 1_000_000));
    last = now;
  }

  /** A line of what a stage did besides its time. */
  void note(String what) {
    if (on) laps.add(what);
  }

  /** Prints the laps alone, for work after the pipeline (its start is on the stages' line). */
  void reportLaps() {
    if (on) System.err.println("timing: " + String.join(", ", laps));
  }

  void report() {
    if (!on) return;
    // How long the JVM ran before the pipeline started: its start and the command line. (The
    // JVM's own clock, in milliseconds: the process's start time, as Linux gives it, is counted
    // from a boot time known to the second, and was off by up to one.)
    long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    String before =
        ", pipeline started "
            + (System.currentTimeMillis() - jvmStart - total())
            + " ms after the JVM";
    System.err.println("timing: " + String.join(", ", laps) + before);
  }
}
