package dev.sourced.images;

import com.twelvemonkeys.imageio.metadata.CompoundDirectory;
import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReader;
import dev.sourced.diag.Code;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.PixelInterleavedSampleModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads an image without trusting it. The format is told by the file's first bytes, not its name;
 * the size is read from the header before any pixel is decoded, so a decompression bomb (a few
 * bytes declaring billions of pixels) is refused before it costs memory; and large images are
 * decoded with subsampling (every n-th pixel of every n-th row), so that what is held in memory is
 * at most about twice the widest copy asked for, whatever the original's size. A decoder's warning
 * (a truncated file decodes to grey) counts as a failure.
 *
 * <p>Readers are chosen by class, never by ImageIO's registry: TwelveMonkeys' JPEG reader (CMYK,
 * ICC profiles, lenient with broken markers) and the JDK's PNG reader.
 */
final class ImageDecoder {
  static {
    // ImageIO's default is to buffer streams in temporary files.
    ImageIO.setUseCache(false);
  }

  /** Why an image was not decoded: the message and hint of its warning. */
  static final class Refused extends Exception {
    final Code code;
    final String hint;

    Refused(Code code, String message, String hint) {
      super(message, null, false, false);
      this.code = code;
      this.hint = hint;
    }
  }

  /** An image's header: format, stored size and EXIF orientation (1 to 8, 1 = as stored). */
  record Header(String format, int width, int height, int orientation, boolean progressive) {
    /** Whether the image is shown turned a quarter (orientations 5 to 8). */
    boolean turned() {
      return orientation >= 5 && orientation <= 8;
    }

    int shownWidth() {
      return turned() ? height : width;
    }

    int shownHeight() {
      return turned() ? width : height;
    }
  }

  private ImageDecoder() {}

  /** What the first bytes say the file holds, as a name for messages. */
  static String sniff(byte[] head, int n) {
    if (n >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff)
      return "jpeg";
    if (n >= 8
        && (head[0] & 0xff) == 0x89
        && head[1] == 'P'
        && head[2] == 'N'
        && head[3] == 'G'
        && head[4] == 0x0d
        && head[5] == 0x0a
        && head[6] == 0x1a
        && head[7] == 0x0a) return "png";
    if (n >= 6 && head[0] == 'G' && head[1] == 'I' && head[2] == 'F' && head[3] == '8')
      return "gif";
    if (n >= 12 && head[0] == 'R' && head[1] == 'I' && head[8] == 'W' && head[9] == 'E')
      return "webp";
    String text = new String(head, 0, Math.max(0, n), StandardCharsets.ISO_8859_1);
    String t = text.stripLeading().toLowerCase(Locale.ROOT);
    if (t.startsWith("<?xml") || t.startsWith("<svg")) return "svg";
    if (t.startsWith("<")) return "html";
    return null;
  }

  static String describe(String sniffed) {
    if (sniffed == null) return "data of no image format";
    return switch (sniffed) {
      case "jpeg" -> "a JPEG image";
      case "png" -> "a PNG image";
      case "gif" -> "a GIF image";
      case "webp" -> "a WebP image";
      case "svg" -> "an SVG drawing";
      default -> "HTML or other text";
    };
  }

  /** The header of {@code file}, whose name says {@code format}; refused when it cannot be read. */
  static Header header(Path file, String format, long maxPixels) throws Refused, IOException {
    byte[] head = new byte[64];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    String found = sniff(head, n);
    if (!format.equals(found)) {
      throw new Refused(
          Code.BAD_IMAGE,
          "its name says "
              + describe(format)
              + " but it holds "
              + describe(found)
              + "; it is copied as it is, not resized",
          "save it in the format its name says, or rename it to match what it holds");
    }
    ImageReader reader = reader(format);
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      reader.setInput(in, true, true);
      int w;
      int h;
      try {
        w = reader.getWidth(0);
        h = reader.getHeight(0);
      } catch (IOException | RuntimeException e) {
        throw unreadable();
      }
      if (w <= 0 || h <= 0) throw unreadable();
      long pixels = (long) w * h;
      if (pixels > maxPixels) {
        throw new Refused(
            Code.IMAGE_TOO_LARGE,
            String.format(
                Locale.ROOT,
                "it declares %,d x %,d pixels (%,d megapixels), more than images.max_megapixels"
                    + " (%,d); it is copied as it is, not resized",
                w,
                h,
                pixels / 1_000_000,
                maxPixels / 1_000_000),
            "resize it before adding it, or raise max_megapixels under images: in sourced.yaml");
      }
      int orientation = 1;
      boolean progressive = false;
      if (format.equals("jpeg")) {
        in.seek(0);
        try {
          orientation = orientation(in);
          in.seek(0);
          progressive = progressive(in);
        } catch (IOException | RuntimeException e) {
          orientation = 1;
        }
      } else if (format.equals("png")) {
        try {
          orientation = pngOrientation(file);
        } catch (IOException | RuntimeException e) {
          orientation = 1;
        }
      }
      // A progressive JPEG's decoder holds every coefficient at once (6 bytes a pixel, outside
      // the Java heap), whatever subsampling is asked for: a quarter of the limit keeps that bound.
      if (progressive && pixels > maxPixels / 4) {
        throw new Refused(
            Code.IMAGE_TOO_LARGE,
            String.format(
                Locale.ROOT,
                "it is a progressive JPEG of %,d megapixels, more than a quarter of"
                    + " images.max_megapixels (%,d), which a progressive file needs to decode in"
                    + " bounded memory; it is copied as it is, not resized",
                pixels / 1_000_000,
                maxPixels / 1_000_000),
            "save it as a baseline (not progressive) JPEG, or raise max_megapixels under images:"
                + " in sourced.yaml");
      }
      return new Header(format, w, h, orientation, progressive);
    } finally {
      reader.dispose();
    }
  }

  /**
   * Decodes {@code file} for copies at most {@code widest} pixels wide (shown width), reading every
   * n-th pixel when the image is over twice that, and turns it as its EXIF orientation says. A JPEG
   * decoded to 3-byte pixels is written into an array of {@code buffers} (null: a new one), given
   * back once the image is halved.
   */
  static BufferedImage decode(Path file, Header header, int widest) throws Refused, IOException {
    return decode(file, header, widest, null);
  }

  static BufferedImage decode(Path file, Header header, int widest, DecodeBuffers buffers)
      throws Refused, IOException {
    int step = step(header, widest);
    ImageReader reader = reader(header.format());
    List<String> warnings = new ArrayList<>();
    reader.addIIOReadWarningListener((r, warning) -> warnings.add(warning));
    BufferedImage img;
    BufferedImage into = null;
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      reader.setInput(in, true, true);
      ImageReadParam param = reader.getDefaultReadParam();
      if (step > 1) param.setSourceSubsampling(step, step, 0, 0);
      if (buffers != null && header.format().equals("jpeg") && decodesToBgr(reader)) {
        into =
            buffers.take((header.width() + step - 1) / step, (header.height() + step - 1) / step);
        param.setDestination(into);
      }
      img = reader.read(0, param);
      if (!warnings.isEmpty() || img == null) throw unreadable();
      return orient(halved(img, header.turned(), widest), header.orientation());
    } catch (IOException | RuntimeException e) {
      throw unreadable();
    } finally {
      reader.dispose();
      if (into != null) buffers.give(into);
    }
  }

  /** Whether the reader's first choice for the image is 3-byte BGR (a colour JPEG's is). */
  private static boolean decodesToBgr(ImageReader reader) {
    try {
      var types = reader.getImageTypes(0);
      return types.hasNext() && types.next().getBufferedImageType() == BufferedImage.TYPE_3BYTE_BGR;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * The decoded image as packed RGB, halved (each pixel the mean of 2 x 2) while its shown width is
   * at least twice {@code widest}: what {@link ImageEncoder#resize} would do first, done before the
   * image is turned, on fewer pixels. A JPEG's 3-byte pixels are halved straight into the packed
   * image, so the full-size decode is never copied (a 12-megapixel photo is 36 MB decoded, and its
   * packed copy would be 48 MB more).
   */
  static BufferedImage halved(BufferedImage img, boolean turned, int widest) {
    if ((turned ? img.getHeight() : img.getWidth()) / 2 < widest) return rgb(img);
    BufferedImage cur = halveBgr(img);
    if (cur == null) cur = ImageEncoder.halve(rgb(img));
    while ((turned ? cur.getHeight() : cur.getWidth()) / 2 >= widest) {
      cur = ImageEncoder.halve(cur);
    }
    return cur;
  }

  /**
   * A {@code TYPE_3BYTE_BGR} image halved into packed RGB, each pixel the rounded mean of 2 x 2 (as
   * Java 2D's bilinear filter gives at exactly half the size); null for any other kind of image.
   */
  static BufferedImage halveBgr(BufferedImage img) {
    if (img.getType() != BufferedImage.TYPE_3BYTE_BGR) return null;
    var raster = img.getRaster();
    if (raster.getParent() != null
        || raster.getSampleModelTranslateX() != 0
        || raster.getSampleModelTranslateY() != 0
        || !(raster.getSampleModel() instanceof PixelInterleavedSampleModel sm)
        || sm.getPixelStride() != 3
        || !(raster.getDataBuffer() instanceof DataBufferByte db)) {
      return null;
    }
    int[] bands = sm.getBandOffsets();
    if (bands.length != 3 || bands[0] != 2 || bands[1] != 1 || bands[2] != 0) return null;
    byte[] d = db.getData();
    int base = db.getOffset();
    int stride = sm.getScanlineStride();
    int w = img.getWidth();
    int h = img.getHeight();
    int ow = w / 2;
    int oh = Math.max(1, h / 2);
    BufferedImage out = new BufferedImage(ow, oh, BufferedImage.TYPE_INT_RGB);
    int[] o = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
    for (int y = 0; y < oh; y++) {
      int r0 = base + 2 * y * stride;
      int r1 = base + Math.min(2 * y + 1, h - 1) * stride;
      int k = y * ow;
      for (int x = 0; x < ow; x++, r0 += 6, r1 += 6) {
        int b = (d[r0] & 255) + (d[r0 + 3] & 255) + (d[r1] & 255) + (d[r1 + 3] & 255) + 2;
        int g = (d[r0 + 1] & 255) + (d[r0 + 4] & 255) + (d[r1 + 1] & 255) + (d[r1 + 4] & 255) + 2;
        int r = (d[r0 + 2] & 255) + (d[r0 + 5] & 255) + (d[r1 + 2] & 255) + (d[r1 + 5] & 255) + 2;
        o[k + x] = (r >> 2) << 16 | (g >> 2) << 8 | (b >> 2);
      }
    }
    return out;
  }

  /** Every how many pixels are read for copies at most {@code widest} wide. */
  private static int step(Header header, int widest) {
    return Math.max(1, header.shownWidth() / (2 * Math.max(1, widest)));
  }

  /** How many pixels {@link #decode} holds for copies at most {@code widest} wide. */
  static long decodedPixels(Header header, int widest) {
    int step = step(header, widest);
    return (long) ((header.width() + step - 1) / step) * ((header.height() + step - 1) / step);
  }

  private static Refused unreadable() {
    return new Refused(
        Code.BAD_IMAGE,
        "it cannot be read (the file is truncated or damaged); it is copied as it is, not"
            + " resized",
        "export the image again from its original");
  }

  static ImageReader reader(String format) throws IOException {
    Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName(format);
    while (it.hasNext()) {
      ImageReader r = it.next();
      boolean wanted =
          format.equals("jpeg")
              ? r instanceof JPEGImageReader
              : r.getClass().getName().startsWith("com.sun.imageio.");
      if (wanted) return r;
      r.dispose();
    }
    throw new IOException("no " + format + " reader: TwelveMonkeys' JPEG plugin is missing");
  }

  /** The EXIF orientation of a JPEG (1 when it has none). */
  private static int orientation(ImageInputStream in) throws IOException {
    List<JPEGSegment> exif = JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif");
    for (JPEGSegment s : exif) {
      try (InputStream data = s.data()) {
        byte[] bytes = data.readAllBytes();
        // The segment's data follows its identifier ("Exif\0"): a pad byte, then the TIFF
        // structure.
        int skip = 1;
        if (bytes.length <= skip) continue;
        int o = tiffOrientation(bytes, skip);
        if (o != 1) return o;
      }
    }
    return 1;
  }

  /**
   * The orientation in a PNG's {@code eXIf} chunk (1 when it has none). The chunk holds a TIFF
   * structure as a JPEG's EXIF segment does, without the {@code Exif} identifier; writers put it
   * before or after the image data (ImageMagick writes it after), so every chunk header is read,
   * the data of the others skipped, up to {@code IEND}.
   */
  static int pngOrientation(Path file) throws IOException {
    try (var ch = FileChannel.open(file)) {
      long size = ch.size();
      long pos = 8;
      ByteBuffer head = ByteBuffer.allocate(8);
      // A bound on the chunks read, so that a file of millions of empty chunks costs little.
      for (int chunks = 0; pos + 12 <= size && chunks < 10_000; chunks++) {
        head.clear();
        if (ch.read(head, pos) < 8) return 1;
        long length = head.getInt(0) & 0xffffffffL;
        String type = new String(head.array(), 4, 4, StandardCharsets.ISO_8859_1);
        if (type.equals("IEND")) return 1;
        if (type.equals("eXIf") && length > 8 && length <= 1 << 20) {
          ByteBuffer data = ByteBuffer.allocate((int) length);
          if (ch.read(data, pos + 8) < length) return 1;
          return tiffOrientation(data.array(), 0);
        }
        pos += 12 + length;
      }
      return 1;
    }
  }

  /** The orientation tag of the first directory of a TIFF structure at {@code from}, or 1. */
  private static int tiffOrientation(byte[] bytes, int from) throws IOException {
    Directory dir =
        new TIFFReader()
            .read(
                ImageIO.createImageInputStream(
                    new ByteArrayInputStream(bytes, from, bytes.length - from)));
    Directory ifd0 = dir instanceof CompoundDirectory c ? c.getDirectory(0) : dir;
    Entry e = ifd0.getEntryById(TIFF.TAG_ORIENTATION);
    if (e != null && e.getValue() instanceof Number v) {
      int o = v.intValue();
      if (o >= 1 && o <= 8) return o;
    }
    return 1;
  }

  /** Whether a JPEG is progressive (its decoder then holds every coefficient at once). */
  private static boolean progressive(ImageInputStream in) throws IOException {
    Map<Integer, List<String>> sof = Map.of(JPEG.SOF2, JPEGSegmentUtil.ALL_IDS);
    return !JPEGSegmentUtil.readSegments(in, sof).isEmpty();
  }

  /** The image turned as EXIF orientation {@code o} says it is to be shown. */
  static BufferedImage orient(BufferedImage img, int o) {
    if (o <= 1 || o > 8) return img;
    int w = img.getWidth();
    int h = img.getHeight();
    AffineTransform t = new AffineTransform();
    switch (o) {
      case 2 -> {
        t.translate(w, 0);
        t.scale(-1, 1);
      }
      case 3 -> {
        t.translate(w, h);
        t.rotate(Math.PI);
      }
      case 4 -> {
        t.translate(0, h);
        t.scale(1, -1);
      }
      case 5 -> {
        t.rotate(Math.PI / 2);
        t.scale(1, -1);
      }
      case 6 -> {
        t.translate(h, 0);
        t.rotate(Math.PI / 2);
      }
      case 7 -> {
        t.scale(-1, 1);
        t.translate(-h, 0);
        t.translate(0, w);
        t.rotate(3 * Math.PI / 2);
      }
      case 8 -> {
        t.translate(0, w);
        t.rotate(3 * Math.PI / 2);
      }
      default -> {}
    }
    boolean turned = o >= 5;
    BufferedImage out =
        new BufferedImage(
            turned ? h : w,
            turned ? w : h,
            img.getColorModel().hasAlpha()
                ? BufferedImage.TYPE_INT_ARGB
                : BufferedImage.TYPE_INT_RGB);
    new AffineTransformOp(t, AffineTransformOp.TYPE_NEAREST_NEIGHBOR).filter(img, out);
    return out;
  }

  /** The image as packed RGB (or ARGB when it has alpha), which every later step expects. */
  static BufferedImage rgb(BufferedImage img) {
    boolean alpha = img.getColorModel().hasAlpha();
    int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
    if (img.getType() == type) return img;
    BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), type);
    Graphics2D g = out.createGraphics();
    try {
      g.drawImage(img, 0, 0, null);
    } finally {
      g.dispose();
    }
    return out;
  }
}
