package dev.sourced.images;

import java.util.List;

/**
 * How one bundle image is published: its shown size and the copies made of it. File names are
 * relative to the article's page and percent-encoded, ready for {@code src} and {@code srcset}.
 *
 * @param name the bundle file's name
 * @param width the width it is shown at, orientation applied; 0 when its header cannot be read
 * @param height likewise
 * @param src the copy for {@code src}: the one nearest to 800 pixels wide, or the original
 * @param renditions copies in the original's format, narrowest first, the original last when it is
 *     no wider than the widest setting; empty when the image was copied as it is
 * @param webp WebP copies of the same widths, or empty
 */
public record PublishedImage(
    String name,
    int width,
    int height,
    String src,
    List<Rendition> renditions,
    List<Rendition> webp) {

  /** One copy: its address relative to the page, and its width in pixels. */
  public record Rendition(String file, int width) {}
}
