package dev.sourced.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.config.ImageSettings;
import dev.sourced.diag.Diagnostics;
import dev.sourced.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decodes wait while those running hold the budget: memory is bounded by the heap, not by the
 * number of cores times the size of the largest photo.
 */
class DecodeBudgetTest {
  @TempDir Path dir;

  private static long pixelsFor(int kib) {
    return (long) kib * 1024 / DecodeBudget.BYTES_PER_PIXEL;
  }

  @Test
  void aDecodeWaitsWhileOthersHoldTheBudgetAndOneLargerThanItRunsAlone() throws Exception {
    DecodeBudget budget = new DecodeBudget(1 << 20);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      DecodeBudget.Share big = budget.take(pixelsFor(800));
      CountDownLatch got = new CountDownLatch(1);
      Future<?> second =
          pool.submit(
              () -> {
                try (DecodeBudget.Share s = budget.take(pixelsFor(400))) {
                  got.countDown();
                }
              });
      assertThat(got.await(300, TimeUnit.MILLISECONDS)).as("800 + 400 KiB > 1 MiB").isFalse();
      big.close();
      assertThat(got.await(10, TimeUnit.SECONDS)).isTrue();
      second.get();
      // Ten times the budget: it takes all of it, so it runs, alone.
      try (DecodeBudget.Share huge = budget.take(pixelsFor(10 << 10))) {
        assertThat(budget.freeKib()).isZero();
      }
      assertThat(budget.freeKib()).isEqualTo(1024);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void imagesPublishedOnManyThreadsWithRoomForOneAtATimeAllComeOut() throws Exception {
    ImageSettings settings =
        new ImageSettings(
            List.of(100, 200), 80, 45, 1000, true, false, 150, ImageSettings.DEFAULTS.sizes());
    // Room for one 400 x 300 photo's decode at a time, not two.
    DecodeBudget budget = new DecodeBudget(400 * 300 * DecodeBudget.BYTES_PER_PIXEL * 3 / 2);
    ImageProcessor processor =
        new ImageProcessor(settings, ImageCache.at(dir.resolve("cache")), budget);
    List<ImageProcessor.Input> inputs = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Path f = dir.resolve("p" + i + ".jpg");
      Files.write(f, TestImages.jpeg(TestImages.photo(400, 300, 10 + i), 0.9f));
      inputs.add(new ImageProcessor.Input("content/a/p" + i + ".jpg", f, "a/", "p" + i + ".jpg"));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    Diagnostics d = new Diagnostics();
    try {
      List<Future<ImageProcessor.Result>> results = new ArrayList<>();
      for (ImageProcessor.Input in : inputs)
        results.add(pool.submit(() -> processor.publish(in, d)));
      for (Future<ImageProcessor.Result> r : results) {
        assertThat(r.get(60, TimeUnit.SECONDS).image().renditions()).hasSize(2);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(d.list()).isEmpty();
    assertThat(budget.freeKib()).isEqualTo(400 * 300 * DecodeBudget.BYTES_PER_PIXEL * 3 / 2 >> 10);
  }
}
