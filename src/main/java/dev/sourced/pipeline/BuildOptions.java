package dev.sourced.pipeline;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What a build is asked to do.
 *
 * @param output where to write, or null to check only (nothing is written)
 * @param strict whether warnings count as errors
 * @param today the date stale facts are measured from
 * @param render whether to render pages (false stops after the resolve stage, for commands that
 *     only need the site's facts)
 */
public record BuildOptions(
    Path source, Path output, boolean strict, LocalDate today, boolean render) {

  public BuildOptions(Path source, Path output, boolean strict, LocalDate today) {
    this(source, output, strict, today, true);
  }
}
