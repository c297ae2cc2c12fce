package dev.sourced.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.TestImages;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large photo is decoded without full-size copies: its 3-byte pixels are halved straight into the
 * packed image (the same pixels Java 2D's halving of the packed copy gives), turned only then, and
 * decoded into an array kept for the next photo, landscape or portrait.
 */
class DecodeMemoryTest {
  @TempDir Path dir;

  private static int[] pixels(BufferedImage img) {
    return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
  }

  /** The largest difference of a channel between two images of one size. */
  private static int worst(BufferedImage x, BufferedImage y) {
    assertThat(y.getWidth()).isEqualTo(x.getWidth());
    assertThat(y.getHeight()).isEqualTo(x.getHeight());
    int[] a = pixels(x);
    int[] b = pixels(y);
    int worst = 0;
    for (int i = 0; i < a.length; i++) {
      for (int shift = 0; shift < 24; shift += 8) {
        worst = Math.max(worst, Math.abs((a[i] >> shift & 255) - (b[i] >> shift & 255)));
      }
    }
    return worst;
  }

  private BufferedImage decoded(int w, int h) throws Exception {
    Path file = dir.resolve("p" + w + ".jpg");
    Files.write(file, TestImages.jpeg(TestImages.photo(w, h, 3), 0.9f));
    BufferedImage raw = javax.imageio.ImageIO.read(file.toFile());
    assertThat(raw.getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
    return raw;
  }

  @Test
  void aKeptArrayIsBlankWhenTakenAgainSoNoPhotoShowsThroughAnother() {
    DecodeBuffers buffers = new DecodeBuffers(1 << 20);
    BufferedImage first = buffers.take(20, 10);
    for (int y = 0; y < 10; y++) for (int x = 0; x < 20; x++) first.setRGB(x, y, 0xffffff);
    buffers.give(first);
    BufferedImage next = buffers.take(10, 10);
    assertThat(next.getRaster().getDataBuffer()).isInstanceOf(java.awt.image.DataBufferByte.class);
    assertThat(((java.awt.image.DataBufferByte) next.getRaster().getDataBuffer()).getData())
        .as("the same array, taken again")
        .isSameAs(((java.awt.image.DataBufferByte) first.getRaster().getDataBuffer()).getData());
    for (int y = 0; y < 10; y++) {
      for (int x = 0; x < 10; x++) assertThat(next.getRGB(x, y) & 0xffffff).isZero();
    }
  }

  @Test
  void halvingTheDecodedPixelsGivesWhatHalvingThePackedCopyGave() throws Exception {
    BufferedImage even = decoded(900, 600);
    assertThat(worst(ImageDecoder.halveBgr(even), ImageEncoder.halve(ImageDecoder.rgb(even))))
        .isLessThanOrEqualTo(1);
    // An odd last column and row are left out (Java 2D would stretch the 2 x 2 mean over them).
    BufferedImage odd = decoded(901, 601);
    BufferedImage cropped = ImageDecoder.rgb(odd).getSubimage(0, 0, 900, 600);
    assertThat(worst(ImageDecoder.halveBgr(odd), ImageEncoder.halve(cropped)))
        .isLessThanOrEqualTo(1);
  }

  @Test
  void photosAreDecodedIntoOneKeptArrayTurnedOnlyOnceHalved() throws Exception {
    DecodeBuffers buffers = new DecodeBuffers(64L << 20);
    Path wide = dir.resolve("wide.jpg");
    Files.write(wide, TestImages.jpeg(TestImages.photo(800, 600, 1), 0.9f));
    Path turned = dir.resolve("turned.jpg");
    Files.write(turned, TestImages.cameraJpeg(TestImages.photo(800, 600, 2), 6));
    ImageDecoder.Header hw = ImageDecoder.header(wide, "jpeg", 100_000_000L);
    BufferedImage plain = ImageDecoder.decode(wide, hw, 400);
    BufferedImage kept = ImageDecoder.decode(wide, hw, 400, buffers);
    assertThat(pixels(kept)).isEqualTo(pixels(plain));
    assertThat(kept.getWidth()).isEqualTo(400);
    assertThat(buffers.idleBytes()).isEqualTo(3L * 800 * 600);

    // A portrait photo (stored 800 x 600, shown 600 x 800) reuses the same array.
    ImageDecoder.Header ht = ImageDecoder.header(turned, "jpeg", 100_000_000L);
    BufferedImage t = ImageDecoder.decode(turned, ht, 300, buffers);
    BufferedImage tPlain = ImageDecoder.decode(turned, ht, 300);
    assertThat(t.getWidth()).isEqualTo(300);
    assertThat(t.getHeight()).isEqualTo(400);
    assertThat(pixels(t)).isEqualTo(pixels(tPlain));
    assertThat(buffers.idleBytes()).isEqualTo(3L * 800 * 600);
    buffers.clear();
    assertThat(buffers.idleBytes()).isZero();

    // What is kept idle is bounded: an array over the bound is dropped.
    DecodeBuffers small = new DecodeBuffers(1000);
    ImageDecoder.decode(wide, hw, 400, small);
    assertThat(small.idleBytes()).isZero();
  }
}
