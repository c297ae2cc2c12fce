package dev.sourced.images;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The arrays full-size JPEG decodes are written into, kept for the next decode. A 12-megapixel
 * photo decodes to 36 MB of 3-byte pixels, needed only until its first halving: made anew for every
 * photo, these arrays are most of what the image stage allocates, and the collector, seeing them
 * still live at each young collection, moves them to the old generation, which grows (the first
 * build of 200 photos peaked at 1.4 GB). Kept and reused, they are allocated once per decode
 * running at a time.
 *
 * <p>An array serves any image whose pixels fit in it, landscape or portrait. What is kept idle is
 * bounded (an eighth of the heap the JVM may grow to; an array over that is dropped, not kept), and
 * {@link #clear} drops it all once a build has published its images. Thread-safe.
 */
final class DecodeBuffers {
  private final long maxIdleBytes;
  private final List<byte[]> free = new ArrayList<>();
  private long idle;

  DecodeBuffers(long maxIdleBytes) {
    this.maxIdleBytes = maxIdleBytes;
  }

  static DecodeBuffers ofHeap() {
    return new DecodeBuffers(Runtime.getRuntime().maxMemory() / 8);
  }

  /**
   * A {@code TYPE_3BYTE_BGR} image of {@code w} x {@code h} over a kept array (the smallest that
   * fits) or a new one; {@link #give} takes the array back.
   */
  synchronized BufferedImage take(int w, int h) {
    long bytes = 3L * w * h;
    if (bytes > Integer.MAX_VALUE - 8) return null;
    byte[] best = null;
    for (byte[] b : free) {
      if (b.length >= bytes && (best == null || b.length < best.length)) best = b;
    }
    if (best != null) {
      free.remove(best);
      idle -= best.length;
      // Blank, as a new array is: a decode that stops short must never show the last photo's
      // pixels (a decoder's warning already refuses such a file; this does not rely on it).
      Arrays.fill(best, 0, (int) bytes, (byte) 0);
    }
    return wrap(best != null ? best : new byte[(int) bytes], w, h);
  }

  /** Takes back the array under {@code img} (made by {@link #take}) for the next decode. */
  synchronized void give(BufferedImage img) {
    if (img == null || !(img.getRaster().getDataBuffer() instanceof DataBufferByte db)) return;
    byte[] b = db.getData();
    if (idle + b.length > maxIdleBytes) return;
    free.add(b);
    idle += b.length;
  }

  /** Drops every kept array. */
  synchronized void clear() {
    free.clear();
    idle = 0;
  }

  /** What is kept now, in bytes (for tests). */
  synchronized long idleBytes() {
    return idle;
  }

  private static BufferedImage wrap(byte[] data, int w, int h) {
    WritableRaster raster =
        Raster.createInterleavedRaster(
            new DataBufferByte(data, 3 * w * h), w, h, 3 * w, 3, new int[] {2, 1, 0}, null);
    ComponentColorModel cm =
        new ComponentColorModel(
            ColorSpace.getInstance(ColorSpace.CS_sRGB),
            new int[] {8, 8, 8},
            false,
            false,
            Transparency.OPAQUE,
            DataBuffer.TYPE_BYTE);
    return new BufferedImage(cm, raster, false, null);
  }
}
