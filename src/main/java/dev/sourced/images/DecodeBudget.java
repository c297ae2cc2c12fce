package dev.sourced.images;

import java.util.concurrent.Semaphore;

/**
 * Bounds the memory the images being resized hold at once. A decoded photo is large (a 12-megapixel
 * one is 48 MB of packed pixels, twice that while it is converted), and the image stage runs on
 * every core: eight cores decoding 100-megapixel photos would need more than a default heap holds.
 * So each decode first takes its share of a budget, half of the heap the JVM may grow to, and waits
 * while the decodes running hold too much of it. One image larger than the whole budget still runs,
 * alone. On a machine whose heap is large against its cores, nothing ever waits.
 *
 * <p>The share is counted in KiB from the pixels decoded (after subsampling): {@link
 * #BYTES_PER_PIXEL} covers what decoding and resizing hold per pixel, with room to spare (measured
 * when the decoded pixels were copied whole into packed ones: some 116 MB for a 12-megapixel JPEG;
 * now its 3-byte pixels, 36 MB, are halved straight into a 12 MB packed image and the copies are
 * made from that, some 60 MB in all). Fair, so a large photo is not passed over by small ones
 * forever.
 */
final class DecodeBudget {
  /** What one decoded pixel costs while its copies are made, at most. */
  static final int BYTES_PER_PIXEL = 12;

  private final int totalKib;
  private final Semaphore permits;

  DecodeBudget(long bytes) {
    this.totalKib = (int) Math.max(1, Math.min(Integer.MAX_VALUE, bytes >> 10));
    this.permits = new Semaphore(totalKib, true);
  }

  /** Half the heap the JVM may grow to. */
  static DecodeBudget ofHeap() {
    return new DecodeBudget(Runtime.getRuntime().maxMemory() / 2);
  }

  /** A share of the budget, held while an image's pixels are in memory; close gives it back. */
  final class Share implements AutoCloseable {
    private final int kib;

    private Share(int kib) {
      this.kib = kib;
    }

    @Override
    public void close() {
      permits.release(kib);
    }
  }

  /** Waits for the share of a decode of {@code pixels} pixels (all of the budget at most). */
  Share take(long pixels) {
    long kib = Math.max(1, pixels * BYTES_PER_PIXEL >> 10);
    int n = (int) Math.min(totalKib, kib);
    permits.acquireUninterruptibly(n);
    return new Share(n);
  }

  /** What is free now, in KiB (for tests). */
  int freeKib() {
    return permits.availablePermits();
  }
}
