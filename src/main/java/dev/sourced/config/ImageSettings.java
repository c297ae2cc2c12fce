package dev.sourced.config;

import java.util.List;

/**
 * How the build publishes a bundle's photos, from the {@code images:} section of {@code
 * sourced.yaml}. The defaults suit the theme's text column (40rem wide): phones get 480 or 800
 * pixels, wide screens at twice the density 1200 or 1600.
 *
 * @param widths the widths to make, in pixels, ascending; none larger than the original is made
 * @param quality JPEG and WebP quality, 1 to 100, of the copies a screen of standard density picks
 * @param denseQuality the quality of the copies only a high-density screen picks (those at least
 *     {@code denseFrom} wide): lower, because such a screen shows each pixel smaller, so the copy a
 *     3x phone downloads weighs little more than the 2x one ("compressive images")
 * @param denseFrom the width from which a copy is one only high-density screens pick
 * @param webp whether to make WebP copies too (offered with {@code <picture>})
 * @param keepMetadata whether the published original keeps its EXIF, XMP, comments and thumbnails
 *     (off: they are stripped, which is what keeps a camera's GPS position off the web)
 * @param maxMegapixels images that declare more pixels than this are copied as they are, with a
 *     warning, instead of being decoded (a decompression bomb declares billions)
 * @param sizes the {@code sizes} attribute: how wide the image is shown, for the browser's choice
 */
public record ImageSettings(
    List<Integer> widths,
    int quality,
    int denseQuality,
    int denseFrom,
    boolean webp,
    boolean keepMetadata,
    int maxMegapixels,
    String sizes) {

  public static final ImageSettings DEFAULTS =
      new ImageSettings(
          List.of(480, 800, 1200, 1600),
          80,
          45,
          1000,
          true,
          false,
          150,
          "(min-width: 42rem) 40rem, calc(100vw - 2rem)");

  /** The quality a copy {@code width} pixels wide is written at. */
  public int qualityAt(int width) {
    return width >= denseFrom ? denseQuality : quality;
  }

  /** What the published files depend on: a change of any of these makes them again. */
  public String cacheKey() {
    return "widths="
        + widths
        + ";quality="
        + quality
        + ";dense="
        + denseQuality
        + "@"
        + denseFrom
        + ";webp="
        + webp
        + ";keep="
        + keepMetadata;
  }
}
