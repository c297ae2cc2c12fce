package dev.sourced.load;

import java.nio.file.Path;
import java.util.List;

/**
 * An article's text and where it sits: {@code defaultSlug} comes from the file name (or the
 * folder name for {@code folder/index.md}); {@code bundleFiles} are the images and other files
 * beside a bundle's {@code index.md}, copied next to the page.
 */
public record ArticleFile(SourceFile source, String defaultSlug, List<BundleFile> bundleFiles) {

  /** A file that travels with a page: absolute location, and its name relative to the bundle. */
  public record BundleFile(Path file, String relativeName) {}
}
