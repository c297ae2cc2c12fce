package dev.sourced.cli;

import dev.sourced.pipeline.BuildOptions;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The build cache options of build, check and serve: what a build can keep for the next one
 * (articles' parses and the outputs' fingerprints, see {@link dev.sourced.cache.BuildCache}, and
 * resized images), by default in {@code .sourced/cache/} of the site folder.
 */
final class CacheOptions {
  @Option(
      names = "--cache",
      paramLabel = "DIR",
      description =
          "Where to keep what the next build can reuse: each article's parse, what each page"
              + " was made from, resized images (default: .sourced/cache/ in the site folder).")
  Path cache;

  @Option(
      names = "--no-cache",
      description =
          "Keep nothing between builds: every article is parsed and every page rendered again,"
              + " every image resized again (and check --links asks every address again instead"
              + " of trusting recent answers).")
  boolean noCache;

  /** The cache folder for a site, or null with --no-cache. */
  Path folder(Path source) {
    if (noCache) return null;
    return cache != null ? cache : source.resolve(BuildOptions.DEFAULT_CACHE);
  }
}
