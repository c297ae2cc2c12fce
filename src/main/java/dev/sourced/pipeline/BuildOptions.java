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
 * @param cache the build cache folder (resized images are kept in its {@code images/}), or null to
 *     keep nothing between builds
 */
public record BuildOptions(
    Path source, Path output, boolean strict, LocalDate today, boolean render, Path cache) {

  /** The cache's default place: {@code .sourced/cache/} in the site folder. */
  public static final String DEFAULT_CACHE = ".sourced/cache";

  public BuildOptions(Path source, Path output, boolean strict, LocalDate today, boolean render) {
    this(source, output, strict, today, render, source.resolve(DEFAULT_CACHE));
  }

  public BuildOptions(Path source, Path output, boolean strict, LocalDate today) {
    this(source, output, strict, today, true);
  }

  /** Where resized images are kept, or null. */
  public Path imageCache() {
    return cache == null ? null : cache.resolve("images");
  }
}
