package dev.sourced.diag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.CpuClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The printed form of diagnostics: the contract line, the source line with a caret, the hint. */
class DiagnosticPrinterTest {
  private static final String TEXT = "---\ntitle: A\n\tdate: x\n---\nBody {{fcat:x}} here.\n";

  private static DiagnosticPrinter printer() {
    return new DiagnosticPrinter(Map.of("content/a.md", TEXT)::get, false);
  }

  @Test
  void contractLineThenSourceLineWithCaretThenHint() {
    Diagnostic d =
        Diagnostic.error(
            new SourcePosition("content/a.md", 5, 6),
            Code.UNKNOWN_DIRECTIVE,
            "\"fcat\" is not a kind of reference",
            "did you mean \"fact\"?");
    assertThat(printer().format(List.of(d)))
        .isEqualTo(
            """
        content/a.md:5:6: error[unknown-directive] "fcat" is not a kind of reference
         5 | Body {{fcat:x}} here.
           |      ^
          = hint: did you mean "fact"?
        """);
  }

  @Test
  void warningsOfOneCodeAreCappedAndCountedButErrorsNeverAre() {
    List<Diagnostic> all = new java.util.ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      all.add(
          Diagnostic.warning(
              SourcePosition.file("content/w" + i + ".md"), Code.STALE_FACT, "w" + i, null));
      all.add(
          Diagnostic.error(
              SourcePosition.file("content/e" + i + ".md"), Code.UNKNOWN_FACT, "e" + i, null));
    }
    all.add(Diagnostic.warning(SourcePosition.file("content/u.md"), Code.UNUSED_SOURCE, "u", null));
    assertThat(printer().format(all, 2))
        .isEqualTo(
            """
        content/w1.md: warning[stale-fact] w1
        content/e1.md: error[unknown-fact] e1
        content/w2.md: warning[stale-fact] w2
        content/e2.md: error[unknown-fact] e2
        content/e3.md: error[unknown-fact] e3
        content/e4.md: error[unknown-fact] e4
        content/u.md: warning[unused-source] u
        note: 2 more stale-fact warnings not shown (--all-warnings shows every one)
        """);
    assertThat(printer().format(all)).contains("w4").doesNotContain("note:");
  }

  @Test
  void tabsBeforeTheColumnStayTabsSoTheCaretLinesUp() {
    Diagnostic d =
        Diagnostic.warning(new SourcePosition("content/a.md", 3, 2), Code.UNKNOWN_KEY, "m", null);
    assertThat(printer().format(List.of(d)))
        .isEqualTo("content/a.md:3:2: warning[unknown-key] m\n 3 | \tdate: x\n   | \t^\n");
  }

  @Test
  void aWholeFileProblemHasNoLineAndNoExcerpt() {
    Diagnostic d =
        Diagnostic.error(SourcePosition.file("sourced.yaml"), Code.MISSING_CONFIG, "m", "h");
    assertThat(d.toString()).isEqualTo("sourced.yaml: error[missing-config] m");
    assertThat(printer().format(List.of(d)))
        .isEqualTo("sourced.yaml: error[missing-config] m\n  = hint: h\n");
  }

  @Test
  void aLinePastTheEndOfTheFileOrAnUnknownFileHasNoExcerpt() {
    Diagnostic past =
        Diagnostic.error(new SourcePosition("content/a.md", 40, 1), Code.UNKNOWN_FACT, "m", null);
    Diagnostic other =
        Diagnostic.error(new SourcePosition("content/b.md", 1, 1), Code.UNKNOWN_FACT, "m", null);
    assertThat(printer().format(List.of(past, other)))
        .isEqualTo(
            "content/a.md:40:1: error[unknown-fact] m\ncontent/b.md:1:1: error[unknown-fact] m\n");
  }

  @Test
  void colourOnlyWhenAsked() {
    Diagnostic d =
        Diagnostic.error(new SourcePosition("content/a.md", 2, 1), Code.UNKNOWN_FACT, "m", null);
    String coloured = new DiagnosticPrinter(p -> null, true).format(List.of(d));
    assertThat(coloured).contains("\u001b[1;31merror[unknown-fact]\u001b[0m");
    assertThat(new DiagnosticPrinter(p -> null, false).format(List.of(d))).doesNotContain("\u001b");
  }

  @Test
  void diagnosticsSortByFileThenLineThenColumnThenCode() {
    Diagnostics all = new Diagnostics();
    all.warning(new SourcePosition("content/b.md", 1, 1), Code.STALE_FACT, "m", null);
    all.error(new SourcePosition("content/a.md", 10, 2), Code.UNKNOWN_SOURCE, "m", null);
    all.error(new SourcePosition("content/a.md", 10, 2), Code.BAD_VALUE, "m", null);
    all.error(new SourcePosition("content/a.md", 9, 30), Code.UNKNOWN_FACT, "m", null);
    all.error(new SourcePosition("content/a.md", 10, 1), Code.UNKNOWN_FACT, "m", null);
    assertThat(all.sorted().stream().map(Diagnostic::toString))
        .containsExactly(
            "content/a.md:9:30: error[unknown-fact] m",
            "content/a.md:10:1: error[unknown-fact] m",
            "content/a.md:10:2: error[bad-value] m",
            "content/a.md:10:2: error[unknown-source] m",
            "content/b.md:1:1: warning[stale-fact] m");
  }

  @Test
  void strictTurnsWarningsIntoErrors() {
    Diagnostics all = new Diagnostics();
    all.warning(new SourcePosition("content/a.md", 1, 1), Code.NO_SOURCES, "m", null);
    assertThat(all.hasErrors()).isFalse();
    assertThat(all.sorted(true).get(0).toString())
        .isEqualTo("content/a.md:1:1: error[no-sources] m");
    assertThat(all.errorCount(true)).isEqualTo(1);
    assertThat(all.warningCount(false)).isEqualTo(1);
  }

  /**
   * A report of 300,000 warnings on one 2 MB line (a trust case) once searched the file for the end
   * of the line once per warning: hours of work. Each file's lines are now found once.
   */
  @Test
  void manyDiagnosticsOnOneHugeLineCostTheirNumberNotTheirNumberTimesTheLine() {
    String line = "70,000 ".repeat(300_000);
    String text = "---\ntitle: A\n---\n" + line + "\nlast line\n";
    List<Diagnostic> all = new ArrayList<>();
    for (int i = 0; i < 300_000; i++) {
      all.add(
          Diagnostic.warning(
              new SourcePosition("content/a.md", 4, 1 + 7 * i),
              Code.FIGURE_WITHOUT_FACT,
              "figure \"70,000\" without a fact",
              null));
    }
    all.add(
        Diagnostic.warning(
            new SourcePosition("content/a.md", 5, 6), Code.FIGURE_WITHOUT_FACT, "last", null));
    DiagnosticPrinter printer = new DiagnosticPrinter(Map.of("content/a.md", text)::get, false);
    String out = CpuClock.within("formatting", 10, () -> printer.format(all));
    assertThat(out)
        .endsWith(
            "content/a.md:5:6: warning[figure-without-fact] last\n 5 | last line\n   |      ^\n");
  }
}
