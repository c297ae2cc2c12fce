package dev.sourced.load;

import java.nio.file.Path;

/**
 * A file of the site's {@code static/} folder, copied to the site's root as it is: {@code
 * static/robots.txt} becomes {@code /robots.txt}, under its own name (no address rule).
 *
 * @param path where it goes, relative to the output root, with {@code /}
 * @param file the file to copy (a link's target)
 */
public record StaticFile(String path, Path file) {
  /** Where the file is in the site, for diagnostics. */
  public String sourcePath() {
    return ContentLoader.STATIC + "/" + path;
  }
}
