package dev.sourced.load;

import java.nio.file.Path;
import java.util.List;

/**
 * An article or page found by the loader, not yet read: its path relative to the site root (with
 * {@code /}), the file to read (a link's target), {@code defaultSlug}, the address the file's path
 * gives by the {@link Addresses address rule} (the folder's for a bundle's {@code index.md} or a
 * section's {@code _index.md}; empty for the home page's {@code content/_index.md}), {@code
 * bundleFiles}, the images and other files beside a bundle's {@code index.md} or a section's {@code
 * _index.md}, copied next to the page, and whether it is a section's own page. The parse stage
 * reads it ({@link ContentLoader#read}) on its worker threads, so reading is spread over the cores
 * and no text outlives its page's parse.
 */
public record ArticleFile(
    String path, Path file, String defaultSlug, List<BundleFile> bundleFiles, boolean section) {

  public ArticleFile(String path, Path file, String defaultSlug, List<BundleFile> bundleFiles) {
    this(path, file, defaultSlug, bundleFiles, false);
  }

  /** A file that travels with a page: absolute location, and its name relative to the bundle. */
  public record BundleFile(Path file, String relativeName) {}
}
