package dev.sourced.cli;

import dev.sourced.diag.DiagnosticPrinter;
import dev.sourced.pipeline.BuildResult;
import java.io.PrintWriter;

/** Prints a build's diagnostics and its one-line summary to standard error. */
final class Reporter {
  private Reporter() {}

  static boolean colour() {
    return System.console() != null
        && System.getenv("NO_COLOR") == null
        && !"dumb".equals(System.getenv("TERM"));
  }

  static void diagnostics(BuildResult r, SiteOptions site, PrintWriter err) {
    DiagnosticPrinter printer = new DiagnosticPrinter(r.sourceText(), colour());
    err.print(printer.format(r.diagnostics(), site.warningsPerCode()));
  }

  static String counts(BuildResult r) {
    return plural(r.errorCount(), "error") + ", " + plural(r.warningCount(), "warning");
  }

  static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
