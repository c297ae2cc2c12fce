package dev.sourced.cli;

import dev.sourced.diag.DiagnosticPrinter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by the commands that read a site. */
final class SiteOptions {
  @Option(
      names = {"-s", "--source"},
      paramLabel = "DIR",
      defaultValue = ".",
      description = "The site folder, holding sourced.yaml (default: the current folder).")
  Path source;

  @Option(names = "--strict", description = "Treat warnings as errors.")
  boolean strict;

  @Option(
      names = "--all-warnings",
      description = "Show every warning (by default, the first 20 of each kind, then a count).")
  boolean allWarnings;

  /** How many warnings of one code to show in full. */
  int warningsPerCode() {
    return allWarnings ? Integer.MAX_VALUE : DiagnosticPrinter.WARNINGS_PER_CODE;
  }
}
