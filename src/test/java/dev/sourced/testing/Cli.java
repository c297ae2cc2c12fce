package dev.sourced.testing;

import dev.sourced.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** Runs the real command line with captured streams. */
public record Cli(int exit, String out, String err) {

  /** The first line of a printed diagnostic. */
  public static final String CONTRACT = "^\\S.*?: (error|warning)\\[[a-z0-9-]+\\] .*";

  /** Where the commands that a test runs without --cache keep their build cache. */
  private static final java.nio.file.Path CACHE;

  static {
    try {
      CACHE = java.nio.file.Files.createTempDirectory("sourced-cli-test-cache-");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    // Deleted when the test run ends: each run left one in the system's temporary folder.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> Trees.delete(CACHE)));
  }

  /**
   * Runs the command line; a build, check or serve without --cache or --no-cache keeps its cache in
   * a temporary folder (as {@link TestSite} does), never in the fixture folder it reads.
   */
  public static Cli run(String... args) {
    List<String> all = new java.util.ArrayList<>(List.of(args));
    if (!all.isEmpty()
        && List.of("build", "check", "serve").contains(all.get(0))
        && !all.contains("--cache")
        && !all.contains("--no-cache")
        && !all.contains("--help")) {
      all.add("--cache");
      all.add(CACHE.resolve(Long.toString(System.nanoTime())).toString());
    }
    return runExactly(all.toArray(String[]::new));
  }

  /** Runs the command line as it is. */
  public static Cli runExactly(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code;
    try (PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true)) {
      code = Main.run(args, o, e);
    }
    return new Cli(code, out.toString(), err.toString());
  }

  /**
   * The contract line of every printed diagnostic ({@code path:line:col: error[CODE] message}),
   * without the source line, caret and hint lines the printer adds after it.
   */
  public List<String> diagnosticLines() {
    return err.lines().filter(l -> l.matches(CONTRACT)).toList();
  }

  /** Whether standard error shows a Java stack trace or exception name. */
  public boolean hasStackTrace() {
    return err.lines().anyMatch(l -> l.matches("\\s+at [a-z]+\\.[\\w.$]+\\(.*"))
        || err.contains("Exception")
        || err.contains("java.lang.");
  }

  @Override
  public String toString() {
    return "exit " + exit + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
  }
}
