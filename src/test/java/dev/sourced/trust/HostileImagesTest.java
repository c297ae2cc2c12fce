package dev.sourced.trust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.TestImages;
import dev.sourced.testing.TestSite;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile images never crash a build nor make its memory grow with what they declare. The build
 * runs in a child JVM with a 192 MB heap, which a naive decoder would overflow many times over: a
 * 100-megapixel photo (400 MB as pixels) gives correct copies, decoded with subsampling; a PNG of a
 * few hundred bytes declaring 10 billion pixels, a truncated JPEG, a file named .png holding a JPEG
 * and one holding no image at all are each a positioned warning and copied as they are.
 */
class HostileImagesTest {
  @TempDir Path dir;

  @Test
  void hostileImagesAreWarningsOrBoundedCorrectResultsInASmallHeap() throws Exception {
    TestSite site =
        TestSite.of(
            dir,
            """
            -- sourced.yaml --
            title: Test
            images: {widths: [400, 1600], webp: false}
            -- content/bad/index.md --
            ---
            title: Bad images
            date: 2021-03-09
            sources:
              pa: {title: Photos, url: "https://example.org/p"}
            images:
              huge.jpg: {credit: A, licence: CC0 1.0, source: pa}
              bomb.png: {credit: A, licence: CC0 1.0, source: pa}
              cut.jpg: {credit: A, licence: CC0 1.0, source: pa}
              liar.png: {credit: A, licence: CC0 1.0, source: pa}
              noise.png: {credit: A, licence: CC0 1.0, source: pa}
            ---
            ![A very large photo](huge.jpg)

            ![A bomb](bomb.png)

            ![Cut short](cut.jpg)

            ![A JPEG named PNG](liar.png)

            ![Not an image](noise.png)
            """);
    Path bundle = site.root().resolve("content/bad");
    // 12,000 x 8,400 = 100.8 megapixels, grey (the test's own heap holds it once, 100 MB).
    BufferedImage huge = new BufferedImage(12_000, 8_400, BufferedImage.TYPE_BYTE_GRAY);
    var g = huge.createGraphics();
    g.setPaint(
        new java.awt.GradientPaint(
            0, 0, java.awt.Color.BLACK, 12_000, 8_400, java.awt.Color.WHITE));
    g.fillRect(0, 0, 12_000, 8_400);
    g.dispose();
    ImageIO.write(huge, "jpeg", bundle.resolve("huge.jpg").toFile());
    huge = null;
    Files.write(bundle.resolve("bomb.png"), TestImages.bombPng(100_000, 100_000, 64));
    byte[] jpeg = TestImages.jpeg(TestImages.photo(800, 600, 9), 0.9f);
    Files.write(bundle.resolve("cut.jpg"), Arrays.copyOf(jpeg, jpeg.length / 2));
    Files.write(bundle.resolve("liar.png"), jpeg);
    byte[] noise = new byte[5000];
    new java.util.Random(1).nextBytes(noise);
    Files.write(bundle.resolve("noise.png"), noise);

    ChildJvm.Finished r =
        new ChildJvm(dir.resolve("logs"))
            .jvm("-Xmx192m", "-XX:+ExitOnOutOfMemoryError")
            .args(
                "build",
                "--source",
                site.root().toString(),
                "--output",
                site.output().toString(),
                "--cache",
                dir.resolve("cache").toString())
            .run("hostile", Duration.ofMinutes(4));
    assertThat(r.timedOut()).as(r.toString()).isFalse();
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err())
        .contains(
            "content/bad/bomb.png: warning[image-too-large] bomb.png: it declares 100,000 x"
                + " 100,000 pixels (10,000 megapixels), more than images.max_megapixels (150);"
                + " it is copied as it is, not resized")
        .contains(
            "content/bad/cut.jpg: warning[bad-image] cut.jpg: it cannot be read (the file is"
                + " truncated or damaged); it is copied as it is, not resized")
        .contains(
            "content/bad/liar.png: warning[bad-image] liar.png: its name says a PNG image but it"
                + " holds a JPEG image; it is copied as it is, not resized")
        .contains(
            "content/bad/noise.png: warning[bad-image] noise.png: its name says a PNG image but it"
                + " holds data of no image format; it is copied as it is, not resized");
    Path out = site.output().resolve("bad");
    for (String name : new String[] {"bomb.png", "cut.jpg", "liar.png", "noise.png"}) {
      assertThat(Files.readAllBytes(out.resolve(name)))
          .as(name + " copied as it is")
          .isEqualTo(Files.readAllBytes(bundle.resolve(name)));
    }
    // The huge photo: copies of the right size, made within the heap.
    var page = org.jsoup.Jsoup.parse(out.resolve("index.html").toFile(), "UTF-8");
    var img = page.selectFirst("img[alt=A very large photo]");
    assertThat(img.attr("width")).isEqualTo("12000");
    assertThat(img.attr("height")).isEqualTo("8400");
    String widest = img.attr("srcset").replaceAll(".*, (\\S+) 1600w$", "$1");
    BufferedImage copy = ImageIO.read(out.resolve(widest).toFile());
    assertThat(copy.getWidth()).isEqualTo(1600);
    assertThat(copy.getHeight()).isEqualTo(1120);
    // A gradient from black to white: the copy's corners say it was read whole, not cut off.
    assertThat(copy.getRGB(5, 5) & 0xff).isLessThan(30);
    assertThat(copy.getRGB(1594, 1114) & 0xff).isGreaterThan(225);
  }
}
