package dev.sourced.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by the commands that read a site. */
final class SiteOptions {
  @Option(names = {"-s", "--source"}, paramLabel = "DIR", defaultValue = ".",
      description = "The site folder, holding sourced.yaml (default: the current folder).")
  Path source;

  @Option(names = "--strict", description = "Treat warnings as errors.")
  boolean strict;
}
