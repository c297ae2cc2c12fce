package dev.sourced.build;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What a build is asked to do.
 *
 * @param output where to write, or null to check only (nothing is written)
 * @param strict whether warnings count as errors
 * @param today the date stale facts are measured from
 */
public record BuildOptions(Path source, Path output, boolean strict, LocalDate today) {}
