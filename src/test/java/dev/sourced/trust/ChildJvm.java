package dev.sourced.trust;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code dev.sourced.cli.Main} in a child JVM with the test class path, so a test can kill it
 * (SIGKILL), give it another time zone, locale or thread count, or stop it when it hangs. Standard
 * output and error go to files (a full pipe would block the child).
 */
final class ChildJvm {
  static final String MAIN = "dev.sourced.cli.Main";

  private final List<String> jvmArgs = new ArrayList<>();
  private final Map<String, String> env = new java.util.HashMap<>();
  private final List<String> args = new ArrayList<>();
  private final Path logs;

  /**
   * @param logs a folder for the child's stdout and stderr files
   */
  ChildJvm(Path logs) {
    this.logs = logs;
    // As surefire does for the tests: the Nu Html Checker puts log4j on the test class path.
    jvmArgs.add("-Dorg.freemarker.loggerLibrary=JUL");
  }

  /**
   * The class path of this test run. Surefire starts tests through a manifest-only jar, so {@code
   * java.class.path} may be that jar alone; it works for a child JVM too, but the real list is
   * clearer in a failure message when surefire provides it.
   */
  static String classPath() {
    String cp = System.getProperty("surefire.test.class.path");
    return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  ChildJvm jvm(String... a) {
    jvmArgs.addAll(List.of(a));
    return this;
  }

  ChildJvm env(String name, String value) {
    env.put(name, value);
    return this;
  }

  ChildJvm args(String... a) {
    args.addAll(List.of(a));
    return this;
  }

  /** Starts the child; stdout and stderr go to {@code logs/NAME.out} and {@code .err}. */
  Started start(String name) throws IOException {
    Files.createDirectories(logs);
    List<String> cmd = new ArrayList<>();
    cmd.add(java());
    cmd.addAll(jvmArgs);
    cmd.add("-cp");
    cmd.add(classPath());
    cmd.add(MAIN);
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().putAll(env);
    Path out = logs.resolve(name + ".out");
    Path err = logs.resolve(name + ".err");
    pb.redirectOutput(out.toFile());
    pb.redirectError(err.toFile());
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    return new Started(pb.start(), out, err, System.nanoTime());
  }

  /**
   * Runs to the end, or kills the child and reports a timeout. The child's CPU time is sampled
   * every 100 ms while it runs (once reaped, a process has none to read), so the figure may miss
   * its last tenth of a second.
   */
  Finished run(String name, Duration timeout) throws IOException, InterruptedException {
    Started s = start(name);
    long until = s.startNanos() + timeout.toNanos();
    long cpuMillis = 0;
    boolean done;
    while (!(done = s.process().waitFor(100, TimeUnit.MILLISECONDS))) {
      cpuMillis = s.process().info().totalCpuDuration().map(Duration::toMillis).orElse(cpuMillis);
      if (System.nanoTime() - until > 0) break;
    }
    if (!done) {
      s.process().destroyForcibly().waitFor();
    }
    return s.finished(!done, cpuMillis);
  }

  record Started(Process process, Path out, Path err, long startNanos) {
    Finished finished(boolean timedOut) throws IOException {
      return finished(timedOut, -1);
    }

    Finished finished(boolean timedOut, long cpuMillis) throws IOException {
      long millis = (System.nanoTime() - startNanos) / 1_000_000;
      return new Finished(
          timedOut ? -1 : process.exitValue(), read(out), read(err), millis, cpuMillis, timedOut);
    }
  }

  /**
   * @param exit the exit code, or -1 when the child was killed for taking too long
   * @param cpuMillis the child's CPU time as last sampled, or -1 when it was not sampled
   */
  record Finished(int exit, String out, String err, long millis, long cpuMillis, boolean timedOut) {
    @Override
    public String toString() {
      return (timedOut
              ? "TIMED OUT after " + millis + " ms"
              : "exit " + exit + " in " + millis + " ms (" + cpuMillis + " ms of CPU)")
          + "\n--- stdout ---\n"
          + clip(out)
          + "--- stderr ---\n"
          + clip(err);
    }
  }

  static String read(Path p) throws IOException {
    return Files.exists(p) ? new String(Files.readAllBytes(p), StandardCharsets.UTF_8) : "";
  }

  static String clip(String s) {
    return s.length() > 4000 ? s.substring(0, 4000) + "\n... (" + s.length() + " chars)\n" : s;
  }
}
