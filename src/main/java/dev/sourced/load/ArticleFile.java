package dev.sourced.load;

import java.nio.file.Path;
import java.util.List;

/**
 * An article found by the loader, not yet read: its path relative to the site root (with {@code
 * /}), the file to read (a link's target), {@code defaultSlug} from the file name (or the folder
 * name for {@code folder/index.md}), and {@code bundleFiles}, the images and other files beside a
 * bundle's {@code index.md}, copied next to the page. The parse stage reads it ({@link
 * ContentLoader#read}) on its worker threads, so reading is spread over the cores and no text
 * outlives its page's parse.
 */
public record ArticleFile(
    String path, Path file, String defaultSlug, List<BundleFile> bundleFiles) {

  /** A file that travels with a page: absolute location, and its name relative to the bundle. */
  public record BundleFile(Path file, String relativeName) {}
}
