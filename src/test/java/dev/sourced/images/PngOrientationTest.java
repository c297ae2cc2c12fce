package dev.sourced.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.TestImages;
import dev.sourced.testing.TestSite;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PNG's orientation ({@code eXIf} chunk) is applied and its metadata stripped, as a JPEG's EXIF
 * is, on a file ImageMagick wrote (see {@code src/test/resources/images/README.md}): stored 96 x 64
 * with a red block at the top left, shown turned a quarter clockwise (64 x 96, the block at the top
 * right). Copies are turned pixels; the original is written turned where {@code srcset} offers it
 * as it is, and otherwise keeps its pixels with an {@code eXIf} chunk holding the orientation
 * alone. None of the make, serial number or GPS position is published.
 */
class PngOrientationTest {
  @TempDir Path dir;

  static final Path FILE = Path.of("src/test/resources/images/turned-by-exif.png");

  static final List<String> LEAKS =
      List.of("SN-48151623", "GPS-52.3676N", "TestCam", "exif:", "GPSLatitude");

  private TestSite site(String widths) throws IOException {
    TestSite site =
        TestSite.of(
            dir,
            "-- sourced.yaml --\ntitle: Test\nimages: {widths: "
                + widths
                + ", webp: false}\n"
                + """
                -- content/port/index.md --
                ---
                title: The port
                date: 2021-03-09
                sources:
                  pa: {title: Port photos, url: "https://example.org/p"}
                images:
                  chart.png: {credit: A, licence: CC0 1.0, source: pa}
                ---
                ![A chart turned upright](chart.png)
                """);
    Files.copy(FILE, site.root().resolve("content/port/chart.png"));
    return site;
  }

  private static BufferedImage read(byte[] bytes) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(bytes));
  }

  private static boolean red(BufferedImage img, int x, int y) {
    int rgb = img.getRGB(x, y);
    return ((rgb >> 16) & 0xff) > 200 && ((rgb >> 8) & 0xff) < 60 && (rgb & 0xff) < 60;
  }

  /** The block is at the top right of the picture as shown, not at the top left. */
  private static void assertShownUpright(BufferedImage img) {
    assertThat(img.getHeight()).isGreaterThan(img.getWidth());
    int w = img.getWidth();
    int h = img.getHeight();
    assertThat(red(img, w - 1 - w / 16, h / 32)).as("top right is red").isTrue();
    assertThat(red(img, w / 16, h / 32)).as("top left is blue").isFalse();
    assertThat(red(img, w - 1 - w / 16, h - 1 - h / 32)).as("bottom right is blue").isFalse();
  }

  @Test
  void theFileIsWhatItsReadmeSays() throws IOException {
    byte[] bytes = Files.readAllBytes(FILE);
    assertThat(ImageDecoder.pngOrientation(FILE)).isEqualTo(6);
    for (String leak : LEAKS) assertThat(TestImages.contains(bytes, leak)).as(leak).isTrue();
    BufferedImage stored = read(bytes);
    assertThat(stored.getWidth()).isEqualTo(96);
    assertThat(red(stored, 2, 2)).isTrue();
  }

  @Test
  void anOriginalThatSrcsetOffersIsWrittenTurnedAndEveryCopyIsTurned() throws IOException {
    TestSite site = site("[32, 480]");
    site.build();
    assertThat(site.diagnostics()).isEmpty();
    Element img = site.html("port/index.html").selectFirst("figure img");
    assertThat(img.attr("width")).isEqualTo("64");
    assertThat(img.attr("height")).isEqualTo("96");
    assertThat(img.attr("srcset")).contains("32w").contains("chart.png 64w");
    byte[] original = Files.readAllBytes(site.output().resolve("port/chart.png"));
    BufferedImage shown = read(original);
    assertThat(shown.getWidth()).isEqualTo(64);
    assertShownUpright(shown);
    assertThat(TestImages.contains(original, "eXIf")).as("no orientation left to apply").isFalse();
    try (var files = Files.list(site.output().resolve("port"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".png")).toList()) {
        byte[] bytes = Files.readAllBytes(p);
        for (String leak : LEAKS)
          assertThat(TestImages.contains(bytes, leak)).as(p + leak).isFalse();
        assertShownUpright(read(bytes));
      }
    }
  }

  @Test
  void anOriginalWiderThanEveryCopyKeepsItsPixelsAndTheOrientationAlone() throws IOException {
    TestSite site = site("[16, 32]");
    site.build();
    assertThat(site.diagnostics()).isEmpty();
    Element img = site.html("port/index.html").selectFirst("figure img");
    assertThat(img.attr("width")).isEqualTo("64");
    assertThat(img.attr("srcset")).doesNotContain("chart.png 64w");
    Path original = site.output().resolve("port/chart.png");
    byte[] bytes = Files.readAllBytes(original);
    for (String leak : LEAKS) assertThat(TestImages.contains(bytes, leak)).as(leak).isFalse();
    assertThat(ImageDecoder.pngOrientation(original)).isEqualTo(6);
    assertThat(read(bytes).getWidth()).as("pixels as stored").isEqualTo(96);
    try (var files = Files.list(site.output().resolve("port"))) {
      List<Path> copies =
          files.filter(f -> f.getFileName().toString().matches(".*-\\d+w\\..*")).toList();
      assertThat(copies).hasSize(2);
      for (Path p : copies) assertShownUpright(read(Files.readAllBytes(p)));
    }
  }
}
