package dev.sourced.images;

import com.luciad.imageio.webp.WebPImageWriterSpi;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.ImageOutputStream;

/**
 * Makes the smaller copies: resampled with Java 2D (the JDK's imaging library, whose native loops
 * are some 30 times faster here than a Lanczos filter in Java such as TwelveMonkeys' ResampleOp),
 * then written as JPEG (the JDK's writer, optimised Huffman tables), PNG (the JDK's writer) or WebP
 * (libwebp through webp-imageio). Every writer is given the pixels alone and no metadata, so a copy
 * carries nothing but a JFIF header: no EXIF, XMP, GPS position, comment or thumbnail.
 */
final class ImageEncoder {
  private static volatile Boolean webpWorks;

  private ImageEncoder() {}

  /**
   * The image {@code width} pixels wide: halved with bilinear filtering while it is over twice as
   * wide (each halving averages 2 x 2 pixels, so nothing aliases), then one last bilinear step.
   */
  static BufferedImage resize(BufferedImage img, int width) {
    int height = Math.max(1, (int) Math.round((double) img.getHeight() * width / img.getWidth()));
    BufferedImage cur = img;
    while (cur.getWidth() / 2 >= width) cur = halve(cur);
    return cur.getWidth() == width ? cur : scale(cur, width, height);
  }

  /** The image at half its size, each pixel the mean of 2 x 2 (bilinear at exactly half). */
  static BufferedImage halve(BufferedImage img) {
    return scale(img, img.getWidth() / 2, Math.max(1, img.getHeight() / 2));
  }

  private static BufferedImage scale(BufferedImage src, int w, int h) {
    BufferedImage out = new BufferedImage(w, h, src.getType());
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(src, 0, 0, w, h, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  static void jpeg(BufferedImage img, int quality, OutputStream out) throws IOException {
    ImageWriter w = jdkWriter("jpeg");
    try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
      JPEGImageWriteParam p = new JPEGImageWriteParam(null);
      p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      p.setCompressionQuality(quality / 100f);
      p.setOptimizeHuffmanTables(true);
      w.setOutput(ios);
      w.write(null, new IIOImage(opaque(img), null, null), p);
    } finally {
      w.dispose();
    }
  }

  static void png(BufferedImage img, OutputStream out) throws IOException {
    ImageWriter w = jdkWriter("png");
    try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
      w.setOutput(ios);
      w.write(null, new IIOImage(img, null, null), w.getDefaultWriteParam());
    } finally {
      w.dispose();
    }
  }

  /** Whether libwebp could be loaded on this machine (asked once). */
  static boolean webpAvailable() {
    Boolean ok = webpWorks;
    if (ok == null) {
      try {
        BufferedImage probe = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        webp(probe, 80, false, OutputStream.nullOutputStream());
        ok = true;
      } catch (IOException | RuntimeException | LinkageError e) {
        ok = false;
      }
      webpWorks = ok;
    }
    return ok;
  }

  /** WebP: lossy at {@code quality} for photographs, lossless for PNG originals. */
  static void webp(BufferedImage img, int quality, boolean lossless, OutputStream out)
      throws IOException {
    ImageWriter w = new WebPImageWriterSpi().createWriterInstance();
    try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
      ImageWriteParam p = w.getDefaultWriteParam();
      p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      p.setCompressionType(lossless ? "Lossless" : "Lossy");
      if (!lossless) p.setCompressionQuality(quality / 100f);
      w.setOutput(ios);
      w.write(null, new IIOImage(img, null, null), p);
    } finally {
      w.dispose();
    }
  }

  /** JPEG has no alpha: a transparent image is put on white. */
  private static BufferedImage opaque(BufferedImage img) {
    if (!img.getColorModel().hasAlpha()) return img;
    BufferedImage out =
        new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, img.getWidth(), img.getHeight());
      g.drawImage(img, 0, 0, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  private static ImageWriter jdkWriter(String format) throws IOException {
    Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName(format);
    while (it.hasNext()) {
      ImageWriter w = it.next();
      if (w.getClass().getName().startsWith("com.sun.imageio.")) return w;
    }
    throw new IOException("this Java has no " + format + " writer");
  }
}
