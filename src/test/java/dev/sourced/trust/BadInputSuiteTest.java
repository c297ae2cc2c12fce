package dev.sourced.trust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.cli.Main;
import dev.sourced.testing.Cli;
import dev.sourced.testing.CpuClock;
import dev.sourced.testing.Trees;
import dev.sourced.trust.TrustCase.Layout;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input suite of issue 7: every case folder under {@code src/test/resources/trust/cases/}
 * (see {@link TrustCase}) is built through the real command line, {@code sourced build --source
 * SITE --output OUT}, where OUT already holds a previous good site (built once from {@code
 * src/test/resources/trust/previous/}).
 *
 * <p>For every case: the build ends within its time (20 s unless the case says otherwise), no
 * exception escapes, standard error shows no stack trace and no control character that content
 * could use to forge or hide lines in a log, and the first line of every diagnostic is exactly as
 * {@code expected.txt} lists it. A case that must fail exits 1 and leaves every byte of the
 * temporary folder as it was (the site, the previous output, and the folder beside them: no
 * temporary folders either). A case that must build exits 0, replaces the output whole, and passes
 * the checks of its {@code expect-ok} file.
 *
 * <p>Outcomes and times are written to {@code target/trust/cases.tsv} for docs/trust.md.
 */
class BadInputSuiteTest {
  static final Path PREVIOUS = Path.of("src/test/resources/trust/previous");
  static final Map<String, String> OUTCOMES = new ConcurrentSkipListMap<>();

  @TempDir static Path shared;
  static Path previousOutput;

  @TempDir Path tmp;

  static Stream<String> cases() {
    return TrustCase.names().stream();
  }

  @BeforeAll
  static void buildThePreviousSite() {
    previousOutput = shared.resolve("previous-output");
    Cli r =
        Cli.run(
            "build",
            "--source",
            PREVIOUS.toAbsolutePath().toString(),
            "--output",
            previousOutput.toString());
    assertThat(r.exit()).as("the previous site builds: " + r).isZero();
    assertThat(r.diagnosticLines()).as("the previous site is clean: " + r).isEmpty();
  }

  @AfterAll
  static void writeOutcomes() throws IOException {
    Path file = Path.of("target/trust/cases.tsv");
    Files.createDirectories(file.getParent());
    StringBuilder s = new StringBuilder("case\texit\tms\tdiagnostics\tfirst line\n");
    OUTCOMES.forEach((k, v) -> s.append(k).append('\t').append(v).append('\n'));
    Files.writeString(file, s.toString(), StandardCharsets.UTF_8);
  }

  @Test
  void theSuiteHasAtLeastFortyCasesAndEachSaysWhatItExpects() {
    List<String> names = TrustCase.names();
    assertThat(names).hasSizeGreaterThanOrEqualTo(40);
    for (String n : names) {
      TrustCase c = TrustCase.load(n);
      assertThat(c.what()).as(n + ": case.txt needs a `what` line").isNotBlank();
      assertThat(Files.exists(c.folder().resolve("expected.txt")) || c.mustBuild())
          .as(n + ": needs expected.txt (or expect-ok)")
          .isTrue();
    }
  }

  @Test
  void docsTrustListsEveryCase() throws IOException {
    String doc = Files.readString(Path.of("docs/trust.md"), StandardCharsets.UTF_8);
    for (String n : TrustCase.names()) {
      assertThat(doc).as("docs/trust.md names case " + n).contains("`" + n + "`");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aBadInputGivesItsExactDiagnosticsAndNeverCostsThePreviousSite(String name) throws Exception {
    TrustCase c = TrustCase.load(name);
    Layout at = Layout.in(tmp);
    c.materialize(at);
    Trees.copy(previousOutput, at.out());
    Map<String, String> everything = Trees.fingerprint(tmp);
    Map<String, String> previous = Trees.fingerprint(at.out());

    List<String> args =
        new ArrayList<>(
            List.of("build", "--source", at.site().toString(), "--output", at.expand(c.output())));
    args.addAll(c.extraArgs());
    Run r =
        c.fork()
            ? forked(name, args, c.timeoutSeconds())
            : inProcess(name, args, c.timeoutSeconds());
    List<String> lines = r.diagnosticLines();
    OUTCOMES.put(
        name,
        r.exit()
            + "\t"
            + r.millis()
            + "\t"
            + lines.size()
            + "\t"
            + (lines.isEmpty() ? "" : lines.get(0)));
    recordActual(name, at, lines);

    String context = "case " + name + ": " + r;
    assertThat(r.crash()).as(context).isNull();
    assertThat(r.err())
        .as("no stack trace: " + context)
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain("java.lang.");
    assertThat(controlCharacters(r.err()))
        .as("no control characters from content in the log: " + context)
        .isEmpty();

    List<String> expected = c.expected().stream().map(at::expand).toList();
    boolean more = !expected.isEmpty() && expected.get(expected.size() - 1).equals("...");
    if (more) expected = expected.subList(0, expected.size() - 1);
    assertThat(
            matches(
                more ? lines.subList(0, Math.min(expected.size(), lines.size())) : lines, expected))
        .as(
            "diagnostics as expected.txt lists them (~ lines are patterns):\n"
                + String.join("\n", expected)
                + "\n"
                + context)
        .isTrue();
    if (c.diagnosticCount() >= 0) assertThat(lines).as(context).hasSize(c.diagnosticCount());

    if (c.mustBuild()) {
      assertThat(r.exit()).as(context).isEqualTo(Main.OK);
      assertThat(at.out().resolve(".sourced-build")).as(context).isRegularFile();
      assertThat(Trees.fingerprint(at.out()))
          .as("the output was replaced: " + context)
          .isNotEqualTo(previous);
      assertThat(Trees.names(tmp))
          .as("no temporary folders: " + context)
          .containsExactly("out", "outside", "site");
      OutputChecks.run(c.okChecks(), at.out(), context);
    } else {
      assertThat(r.exit()).as(context).isEqualTo(Main.CONTENT_ERRORS);
      assertThat(r.err()).as(context).contains("build failed: ");
      assertThat(Trees.fingerprint(tmp))
          .as(
              "every byte as it was (previous output, site, "
                  + "the folder beside them; no temporary folders): "
                  + context)
          .isEqualTo(everything);
    }
  }

  /**
   * Writes the diagnostic lines a case gave, with the temporary paths put back as placeholders, to
   * {@code target/trust/actual/CASE.txt}: a start for the expected.txt of a new case, to be read
   * line by line before it is copied (a wrong line copied is a bug made permanent).
   */
  static void recordActual(String name, Layout at, List<String> lines) throws IOException {
    Path file = Path.of("target/trust/actual", name + ".txt");
    Files.createDirectories(file.getParent());
    StringBuilder s = new StringBuilder();
    for (String l : lines) {
      s.append(
              l.replace(at.outside().toRealPath().toString(), "<outside>")
                  .replace(at.outside().toString(), "<outside>")
                  .replace(at.site().toString(), "<site>")
                  .replace(at.out().toString(), "<out>"))
          .append('\n');
    }
    Files.writeString(file, s.toString(), StandardCharsets.UTF_8);
  }

  /** Whether the lines match the expected ones, one for one: exactly, or a "~ " pattern. */
  static boolean matches(List<String> lines, List<String> expected) {
    if (lines.size() != expected.size()) return false;
    for (int i = 0; i < lines.size(); i++) {
      String e = expected.get(i);
      boolean ok =
          e.startsWith("~ ") ? lines.get(i).matches(e.substring(2)) : lines.get(i).equals(e);
      if (!ok) return false;
    }
    return true;
  }

  /** What one build printed, and how it ended. */
  record Run(int exit, String out, String err, long millis, String crash) {
    List<String> diagnosticLines() {
      return err.lines().filter(l -> l.matches(Cli.CONTRACT)).toList();
    }

    @Override
    public String toString() {
      return "exit "
          + exit
          + " in "
          + millis
          + " ms"
          + (crash == null ? "" : "\nCRASH: " + crash)
          + "\n--- stdout ---\n"
          + ChildJvm.clip(out)
          + "--- stderr ---\n"
          + ChildJvm.clip(err);
    }
  }

  /**
   * Runs {@code Main.run} on a thread of its own. A case's {@code timeout} bounds the work its
   * input may cost, in CPU seconds per processor, which do not grow with the machine's load as wall
   * time does; wall time only stops a hang.
   */
  static Run inProcess(String name, List<String> args, int seconds) {
    return CpuClock.within(
        "case " + name,
        seconds,
        () -> {
          StringWriter out = new StringWriter();
          StringWriter err = new StringWriter();
          long start = System.nanoTime();
          int code;
          String crash = null;
          try (PrintWriter o = new PrintWriter(out, true);
              PrintWriter e = new PrintWriter(err, true)) {
            code = Main.run(args.toArray(String[]::new), o, e);
          } catch (Throwable t) {
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            crash = "thrown out of Main.run: " + trace;
            code = -2;
          }
          return new Run(
              code, out.toString(), err.toString(), (System.nanoTime() - start) / 1_000_000, crash);
        });
  }

  /** Runs the command in a child JVM, which is killed when it takes too long. */
  static Run forked(String name, List<String> args, int seconds) throws Exception {
    ChildJvm.Finished f =
        new ChildJvm(shared.resolve("logs"))
            .args(args.toArray(String[]::new))
            .run(name, Duration.ofSeconds((long) seconds * CpuClock.HANG_FACTOR));
    assertThat(f.timedOut())
        .as("case %s: hung (over %d s): %s", name, seconds * CpuClock.HANG_FACTOR, f)
        .isFalse();
    CpuClock.assertWithin("case " + name, f.cpuMillis(), seconds);
    return new Run(f.exit(), f.out(), f.err(), f.millis(), null);
  }

  /** Control characters other than newline and tab, as "U+XXXX at line N" entries. */
  static List<String> controlCharacters(String s) {
    Map<String, Integer> found = new TreeMap<>();
    int line = 1;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '\n') line++;
      boolean control = (ch < 0x20 && ch != '\n' && ch != '\t') || (ch >= 0x7f && ch <= 0x9f);
      if (control) found.merge(String.format("U+%04X", (int) ch), line, Math::min);
    }
    List<String> out = new ArrayList<>();
    found.forEach((k, v) -> out.add(k + " (first on line " + v + ")"));
    return out;
  }
}
