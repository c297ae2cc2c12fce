package dev.sourced.bench;

import dev.sourced.testing.TestImages;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes the photographs of bench/images.py: {@code N} different JPEGs of {@code W} x {@code H}
 * pixels (quality 90, as a camera writes them), each a scene with detail at every scale (grain,
 * foliage-sized marks, shapes), so that copies compress like photographs rather than like flat
 * colour. Eight scenes are drawn and each file adds marks of its own, so no two files are alike.
 *
 * <p>usage: PhotoCorpus N W H DIR (files DIR/photo-000.jpg ...; existing files are kept)
 */
public final class PhotoCorpus {
  private PhotoCorpus() {}

  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[0]);
    int w = Integer.parseInt(args[1]);
    int h = Integer.parseInt(args[2]);
    Path dir = Path.of(args[3]);
    Files.createDirectories(dir);
    BufferedImage[] scenes = new BufferedImage[8];
    ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    List<Future<?>> jobs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Path file = dir.resolve(String.format("photo-%03d.jpg", i));
      if (Files.exists(file)) continue;
      int k = i;
      jobs.add(
          pool.submit(
              () -> {
                BufferedImage scene;
                synchronized (scenes) {
                  if (scenes[k % 8] == null) scenes[k % 8] = scene(w, h, k % 8);
                  scene = scenes[k % 8];
                }
                BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = img.createGraphics();
                g.drawImage(scene, 0, 0, null);
                marks(g, w, h, new Random(1000 + k), 400);
                g.dispose();
                Files.write(file, TestImages.jpeg(img, 0.9f));
                return null;
              }));
    }
    for (Future<?> f : jobs) f.get();
    pool.shutdown();
  }

  private static BufferedImage scene(int w, int h, long seed) {
    BufferedImage img = TestImages.photo(w, h, seed);
    Graphics2D g = img.createGraphics();
    marks(g, w, h, new Random(seed), 60_000);
    g.dispose();
    return img;
  }

  /** Foliage, gravel and twigs: small marks of many sizes in the lower part of the picture. */
  private static void marks(Graphics2D g, int w, int h, Random r, int count) {
    g.setRenderingHint(
        java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
    for (int i = 0; i < count; i++) {
      int x = r.nextInt(w);
      int y = (int) (h * 0.5 + r.nextInt(Math.max(1, h / 2)));
      int s = 3 + (int) (Math.pow(r.nextDouble(), 3) * 60);
      g.setColor(new Color(40 + r.nextInt(120), 60 + r.nextInt(130), 20 + r.nextInt(80)));
      if (r.nextBoolean()) {
        g.fillOval(x, y, s, s * (1 + r.nextInt(2)));
      } else {
        g.setStroke(new BasicStroke(1 + r.nextInt(3)));
        g.drawLine(x, y, x + r.nextInt(2 * s + 1) - s, y + r.nextInt(2 * s + 1) - s);
      }
    }
  }
}
