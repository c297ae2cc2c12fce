package dev.sourced.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.TestImages;
import dev.sourced.testing.TestSite;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sized for every screen: width and height on every {@code <img>}, {@code srcset} and {@code
 * sizes}, copies at the configured widths and never wider than the original, WebP offered through
 * {@code <picture>}, the first image loaded at once and the others lazily, decoding asynchronous.
 */
class ResponsiveImagesTest {
  @TempDir Path dir;

  private TestSite site(String config) throws IOException {
    TestSite site =
        TestSite.of(
            dir,
            "-- sourced.yaml --\ntitle: Test\n"
                + config
                + """
                -- content/port/index.md --
                ---
                title: The port
                date: 2021-03-09
                sources:
                  pa: {title: Port photos, url: "https://example.org/p"}
                images:
                  wide.jpg: {credit: A, licence: CC0 1.0, source: pa}
                  small.png: {credit: B, licence: CC0 1.0, source: pa}
                ---
                ![Ships in the harbour](wide.jpg)

                Words [@pa].

                ![A small chart](small.png "A caption")
                """);
    Files.write(
        site.root().resolve("content/port/wide.jpg"),
        TestImages.jpeg(TestImages.photo(1000, 750, 1), 0.9f));
    BufferedImage png = TestImages.photo(150, 100, 2);
    ImageIO.write(png, "png", site.root().resolve("content/port/small.png").toFile());
    return site;
  }

  @Test
  void imagesGetDimensionsSrcsetSizesAndCopiesNeverWiderThanTheOriginal() throws IOException {
    TestSite site = site("images: {widths: [200, 400, 800, 1600]}\n");
    site.build();
    assertThat(site.diagnostics()).isEmpty();
    Document page = site.html("port/");
    List<Element> imgs = page.select(".article-body img");
    assertThat(imgs).hasSize(2);
    for (Element img : imgs) {
      assertThat(img.attr("width")).isNotEmpty();
      assertThat(img.attr("height")).isNotEmpty();
      assertThat(img.attr("decoding")).isEqualTo("async");
      assertThat(img.attr("sizes")).isEqualTo("(min-width: 42rem) 40rem, calc(100vw - 2rem)");
    }
    Element wide = imgs.get(0);
    assertThat(wide.attr("width")).isEqualTo("1000");
    assertThat(wide.attr("height")).isEqualTo("750");
    assertThat(wide.hasAttr("loading")).as("the first image may be on the first screen").isFalse();
    assertThat(imgs.get(1).attr("loading")).isEqualTo("lazy");
    String hash = wide.attr("src").replaceAll(".*-800w\\.([0-9a-f]{8})\\.jpg", "$1");
    assertThat(wide.attr("src")).isEqualTo("wide-800w." + hash + ".jpg");
    assertThat(wide.attr("srcset"))
        .isEqualTo(
            "wide-200w.%1$s.jpg 200w, wide-400w.%1$s.jpg 400w, wide-800w.%1$s.jpg 800w,"
                    .formatted(hash)
                + " wide.jpg 1000w");
    // The copies are what srcset says: 200, 400 and 800 pixels wide, in proportion; none wider.
    for (int w : new int[] {200, 400, 800}) {
      BufferedImage copy =
          ImageIO.read(site.output().resolve("port/wide-" + w + "w." + hash + ".jpg").toFile());
      assertThat(copy.getWidth()).isEqualTo(w);
      assertThat(copy.getHeight()).isEqualTo(w * 3 / 4);
    }
    assertThat(site.exists("port/wide-1600w." + hash + ".jpg")).isFalse();

    // WebP, offered first through <picture>, same widths.
    Element source = wide.parent().selectFirst("source");
    assertThat(wide.parent().tagName()).isEqualTo("picture");
    assertThat(source.attr("type")).isEqualTo("image/webp");
    assertThat(source.attr("srcset"))
        .isEqualTo(
            "wide-200w.%1$s.webp 200w, wide-400w.%1$s.webp 400w, wide-800w.%1$s.webp 800w,"
                    .formatted(hash)
                + " wide-1000w.%1$s.webp 1000w".formatted(hash));
    byte[] webp = Files.readAllBytes(site.output().resolve("port/wide-400w." + hash + ".webp"));
    assertThat(new String(webp, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1))
        .isEqualTo("RIFF");
    assertThat(new String(webp, 8, 4, java.nio.charset.StandardCharsets.ISO_8859_1))
        .isEqualTo("WEBP");

    // A picture narrower than every width: no copies in its format, itself in srcset.
    Element small = imgs.get(1);
    assertThat(small.attr("src")).isEqualTo("small.png");
    assertThat(small.attr("srcset")).isEqualTo("small.png 150w");
    assertThat(small.attr("width")).isEqualTo("150");
    assertThat(small.attr("height")).isEqualTo("100");
  }

  @Test
  void widthsQualityAndWebpAreSettings() throws IOException {
    TestSite site = site("images: {widths: [300], quality: 50, webp: false, sizes: 100vw}\n");
    site.build();
    assertThat(site.diagnostics()).isEmpty();
    Element wide = site.html("port/").selectFirst(".article-body img");
    assertThat(wide.parent().tagName()).isEqualTo("figure");
    assertThat(wide.attr("srcset")).matches("wide-300w\\.[0-9a-f]{8}\\.jpg 300w");
    assertThat(wide.attr("sizes")).isEqualTo("100vw");
    assertThat(site.output().resolve("port").toFile().list()).noneMatch(n -> n.endsWith(".webp"));
  }

  /**
   * Compressive images: the copies only a high-density screen picks are written at {@code
   * dense_quality}, the others at {@code quality}; the JPEG's quantisation table tells which.
   */
  @Test
  void copiesForDenseScreensAreWrittenAtTheirOwnQuality() throws IOException {
    TestSite site = site("images: {widths: [300, 600, 900], dense_from: 600}\n");
    site.build();
    assertThat(site.diagnostics()).isEmpty();
    BufferedImage probe = TestImages.photo(64, 64, 3);
    int at80 = firstQuantiser(TestImages.jpeg(probe, 0.8f));
    int at45 = firstQuantiser(TestImages.jpeg(probe, 0.45f));
    assertThat(at80).isNotEqualTo(at45);
    Path out = site.output().resolve("port");
    assertThat(firstQuantiser(Files.readAllBytes(copy(out, "wide-300w")))).isEqualTo(at80);
    assertThat(firstQuantiser(Files.readAllBytes(copy(out, "wide-600w")))).isEqualTo(at45);
    assertThat(firstQuantiser(Files.readAllBytes(copy(out, "wide-900w")))).isEqualTo(at45);
    long denseWebp = Files.size(copy(out, "wide-900w", ".webp"));

    site.write(
        "-- sourced.yaml --\ntitle: Test\nimages: {widths: [300, 600, 900], dense_from: 600, dense_quality: 80}\n");
    site.build();
    assertThat(site.diagnostics()).isEmpty();
    assertThat(firstQuantiser(Files.readAllBytes(copy(out, "wide-900w")))).isEqualTo(at80);
    assertThat(Files.size(copy(out, "wide-900w", ".webp"))).isGreaterThan(denseWebp);
  }

  private static Path copy(Path dir, String stem) throws IOException {
    return copy(dir, stem, ".jpg");
  }

  private static Path copy(Path dir, String stem, String ext) throws IOException {
    try (var s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().matches(stem + "\\.[0-9a-f]{8}\\" + ext))
          .findFirst()
          .orElseThrow();
    }
  }

  /** The first value of a JPEG's first quantisation table (the DC divisor, set by quality). */
  private static int firstQuantiser(byte[] jpeg) {
    for (int i = 2; i + 5 < jpeg.length; ) {
      if ((jpeg[i] & 0xFF) != 0xFF) throw new AssertionError("not a JPEG marker at " + i);
      int marker = jpeg[i + 1] & 0xFF;
      int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
      if (marker == 0xDB) return jpeg[i + 5] & 0xFF;
      i += 2 + length;
    }
    throw new AssertionError("no quantisation table");
  }

  @Test
  void badSettingsArePositionedErrors() throws IOException {
    TestSite site = site("images: {widths: [300, big], quality: 101}\n");
    site.build();
    assertThat(site.diagnostics())
        .containsExactly(
            "sourced.yaml:2:24: error[bad-config] image widths are whole numbers of pixels from"
                + " 16 to 8192",
            "sourced.yaml:2:39: error[bad-config] `quality` must be from 1 to 100, not 101");
  }
}
