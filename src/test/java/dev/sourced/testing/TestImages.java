package dev.sourced.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Real image files made in tests: photographs (smooth light, edges and grain, so they compress like
 * photographs), JPEGs carrying each kind of metadata a camera or editor writes (EXIF with camera
 * serial number, GPS position, orientation and an embedded thumbnail; XMP; IPTC; a comment), PNGs
 * with text, XMP, time and EXIF chunks (written through ImageIO's metadata tree), and hostile
 * files: truncated, lying about their format, declaring billions of pixels.
 */
public final class TestImages {
  /** Strings planted in metadata; a published file must contain none of them. */
  public static final String SERIAL = "SN-48151623";

  public static final String GPS_MARK = "GPS-52.3676N";
  public static final String XMP_MARK = "xmp-secret-location";
  public static final String COMMENT_MARK = "comment-secret";
  public static final String IPTC_MARK = "iptc-byline-secret";
  public static final String TEXT_MARK = "png-text-secret";

  private TestImages() {}

  /** A photograph-like picture: a sky gradient, a horizon, shapes and grain. */
  public static BufferedImage photo(int w, int h, long seed) {
    Random r = new Random(seed);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int[] row = new int[w];
    double cx = w * (0.3 + 0.4 * r.nextDouble());
    double cy = h * (0.3 + 0.3 * r.nextDouble());
    double rad = Math.min(w, h) * 0.2;
    for (int y = 0; y < h; y++) {
      double t = (double) y / h;
      for (int x = 0; x < w; x++) {
        double s = (double) x / w;
        int red;
        int green;
        int blue;
        if (t < 0.55 + 0.05 * Math.sin(s * 9 + seed)) {
          red = (int) (90 + 100 * t + 30 * s);
          green = (int) (140 + 80 * t);
          blue = (int) (220 - 40 * t);
        } else {
          red = (int) (70 + 60 * Math.sin(s * 23 + t * 7));
          green = (int) (100 + 50 * Math.cos(s * 31 - t * 5));
          blue = (int) (50 + 30 * t);
        }
        double dx = x - cx;
        double dy = y - cy;
        if (dx * dx + dy * dy < rad * rad) {
          red = 200;
          green = 120 + (int) (40 * s);
          blue = 60;
        }
        int n = r.nextInt(25) - 12;
        row[x] = (clamp(red + n) << 16) | (clamp(green + n) << 8) | clamp(blue + n);
      }
      img.setRGB(0, y, w, 1, row, 0, w);
    }
    return img;
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }

  /** A plain JPEG as ImageIO writes it (a JFIF header, nothing else). */
  public static byte[] jpeg(BufferedImage img, float quality) {
    try {
      ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
        ImageWriteParam p = w.getDefaultWriteParam();
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionQuality(quality);
        w.setOutput(out);
        w.write(null, new IIOImage(img, null, null), p);
      }
      w.dispose();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A camera JPEG: EXIF (make, model, body serial number, orientation, a GPS position and a
   * thumbnail in IFD1), XMP, IPTC (Photoshop APP13) and a comment, each a segment after SOI.
   */
  public static byte[] cameraJpeg(BufferedImage img, int orientation) {
    byte[] plain = jpeg(img, 0.85f);
    byte[] thumb = jpeg(photo(32, 24, 7), 0.8f);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(plain, 0, 2);
    // JFIF first, as cameras that write both do, then the rest.
    int jfifLen = ((plain[4] & 0xff) << 8) | (plain[5] & 0xff);
    out.write(plain, 2, 2 + jfifLen);
    segment(
        out,
        0xe1,
        concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), exif(orientation, thumb)));
    String xmp =
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
            + "<rdf:Description xmlns:exif=\"http://ns.adobe.com/exif/1.0/\" exif:GPSLatitude=\"52,22.05N\">"
            + XMP_MARK
            + "</rdf:Description></rdf:RDF></x:xmpmeta>";
    segment(out, 0xe1, ("http://ns.adobe.com/xap/1.0/\0" + xmp).getBytes(StandardCharsets.UTF_8));
    segment(
        out,
        0xed,
        ("Photoshop 3.0\08BIM\u0004\u0004\0\0\0\0\0\u0020\u001c\u0002\u0050\0\u0012" + IPTC_MARK)
            .getBytes(StandardCharsets.ISO_8859_1));
    segment(out, 0xfe, (COMMENT_MARK + " shot at home").getBytes(StandardCharsets.UTF_8));
    out.write(plain, 4 + jfifLen, plain.length - 4 - jfifLen);
    return out.toByteArray();
  }

  private static void segment(ByteArrayOutputStream out, int marker, byte[] data) {
    int len = data.length + 2;
    out.write(0xff);
    out.write(marker);
    out.write(len >> 8);
    out.write(len & 0xff);
    out.write(data, 0, data.length);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /**
   * A little-endian TIFF structure as EXIF holds it: IFD0 (Make, Model, Orientation, pointers to
   * the EXIF and GPS IFDs), the EXIF IFD (BodySerialNumber), the GPS IFD (latitude reference and
   * latitude, and a processing-method text carrying {@link #GPS_MARK}), IFD1 with a JPEG thumbnail.
   */
  static byte[] exif(int orientation, byte[] thumbnail) {
    ByteBuffer b = ByteBuffer.allocate(4096 + thumbnail.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
    byte[] make = "TestCam\0".getBytes(StandardCharsets.ISO_8859_1);
    byte[] model = "Model X100\0".getBytes(StandardCharsets.ISO_8859_1);
    byte[] serial = (SERIAL + "\0").getBytes(StandardCharsets.ISO_8859_1);
    byte[] method = ("ASCII\0\0\0" + GPS_MARK).getBytes(StandardCharsets.ISO_8859_1);
    // Layout: IFD0 at 8 (5 entries), EXIF IFD, GPS IFD, IFD1, then the data.
    int ifd0 = 8;
    int ifd0Size = 2 + 5 * 12 + 4;
    int exifIfd = ifd0 + ifd0Size;
    int exifSize = 2 + 12 + 4;
    int gpsIfd = exifIfd + exifSize;
    int gpsSize = 2 + 3 * 12 + 4;
    int ifd1 = gpsIfd + gpsSize;
    int ifd1Size = 2 + 2 * 12 + 4;
    int data = ifd1 + ifd1Size;
    int makeAt = data;
    int modelAt = makeAt + make.length;
    int serialAt = modelAt + model.length;
    int latAt = serialAt + serial.length;
    int methodAt = latAt + 24;
    int thumbAt = methodAt + method.length;
    b.position(ifd0);
    b.putShort((short) 5);
    entry(b, 0x010f, 2, make.length, makeAt);
    entry(b, 0x0110, 2, model.length, modelAt);
    b.putShort((short) 0x0112)
        .putShort((short) 3)
        .putInt(1)
        .putShort((short) orientation)
        .putShort((short) 0);
    entry(b, 0x8769, 4, 1, exifIfd);
    entry(b, 0x8825, 4, 1, gpsIfd);
    b.putInt(ifd1);
    b.putShort((short) 1);
    entry(b, 0xa431, 2, serial.length, serialAt);
    b.putInt(0);
    b.putShort((short) 3);
    b.putShort((short) 1)
        .putShort((short) 2)
        .putInt(2)
        .put((byte) 'N')
        .put((byte) 0)
        .putShort((short) 0);
    entry(b, 0x0002, 5, 3, latAt);
    entry(b, 0x001b, 7, method.length, methodAt);
    b.putInt(0);
    b.putShort((short) 2);
    entry(b, 0x0201, 4, 1, thumbAt);
    entry(b, 0x0202, 4, 1, thumbnail.length);
    b.putInt(0);
    b.put(make).put(model).put(serial);
    b.putInt(52).putInt(1).putInt(22).putInt(1).putInt(3).putInt(100);
    b.put(method);
    b.put(thumbnail);
    byte[] out = new byte[b.position()];
    b.flip();
    b.get(out);
    return out;
  }

  private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
    b.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
  }

  /**
   * A PNG with tEXt, zTXt, iTXt (XMP) and tIME chunks, through ImageIO's metadata tree, and eXIf.
   */
  public static byte[] taggedPng(BufferedImage img) {
    try {
      ImageWriter w = ImageIO.getImageWritersByFormatName("png").next();
      ImageWriteParam p = w.getDefaultWriteParam();
      IIOMetadata meta =
          w.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), p);
      IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
      IIOMetadataNode text = new IIOMetadataNode("tEXt");
      text.appendChild(textEntry("tEXtEntry", "Comment", TEXT_MARK));
      root.appendChild(text);
      IIOMetadataNode ztext = new IIOMetadataNode("zTXt");
      IIOMetadataNode z = new IIOMetadataNode("zTXtEntry");
      z.setAttribute("keyword", "Author");
      z.setAttribute("text", TEXT_MARK + " author");
      z.setAttribute("compressionMethod", "deflate");
      ztext.appendChild(z);
      root.appendChild(ztext);
      IIOMetadataNode itext = new IIOMetadataNode("iTXt");
      IIOMetadataNode i = new IIOMetadataNode("iTXtEntry");
      i.setAttribute("keyword", "XML:com.adobe.xmp");
      i.setAttribute("compressionFlag", "FALSE");
      i.setAttribute("compressionMethod", "0");
      i.setAttribute("languageTag", "");
      i.setAttribute("translatedKeyword", "");
      i.setAttribute("text", "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">" + XMP_MARK + "</x:xmpmeta>");
      itext.appendChild(i);
      root.appendChild(itext);
      IIOMetadataNode time = new IIOMetadataNode("tIME");
      for (String[] kv :
          new String[][] {
            {"year", "2021"},
            {"month", "3"},
            {"day", "9"},
            {"hour", "6"},
            {"minute", "0"},
            {"second", "0"}
          }) {
        time.setAttribute(kv[0], kv[1]);
      }
      root.appendChild(time);
      IIOMetadataNode unknown = new IIOMetadataNode("UnknownChunks");
      IIOMetadataNode exifChunk = new IIOMetadataNode("UnknownChunk");
      exifChunk.setAttribute("type", "eXIf");
      exifChunk.setUserObject(exif(1, new byte[0]));
      unknown.appendChild(exifChunk);
      root.appendChild(unknown);
      meta.mergeTree("javax_imageio_png_1.0", root);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
        w.setOutput(out);
        w.write(null, new IIOImage(img, null, meta), p);
      }
      w.dispose();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static IIOMetadataNode textEntry(String name, String keyword, String value) {
    IIOMetadataNode n = new IIOMetadataNode(name);
    n.setAttribute("keyword", keyword);
    n.setAttribute("value", value);
    return n;
  }

  /**
   * A decompression bomb: a valid PNG of a few hundred bytes whose header declares {@code w} x
   * {@code h} pixels (its data, all zero rows, compresses to almost nothing).
   */
  public static byte[] bombPng(int w, int h, int rowsOfData) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a});
    ByteBuffer ihdr = ByteBuffer.allocate(13);
    ihdr.putInt(w).putInt(h).put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
    chunk(out, "IHDR", ihdr.array());
    Deflater d = new Deflater(9);
    byte[] row = new byte[w + 1];
    ByteArrayOutputStream z = new ByteArrayOutputStream();
    byte[] buf = new byte[1 << 16];
    for (int i = 0; i < rowsOfData; i++) {
      d.setInput(row);
      while (!d.needsInput()) z.write(buf, 0, d.deflate(buf));
    }
    d.finish();
    while (!d.finished()) z.write(buf, 0, d.deflate(buf));
    chunk(out, "IDAT", z.toByteArray());
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    ByteBuffer len = ByteBuffer.allocate(4).putInt(data.length);
    out.writeBytes(len.array());
    byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
    out.writeBytes(t);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  /** Whether {@code haystack} contains the bytes of {@code text}. */
  public static boolean contains(byte[] haystack, String text) {
    byte[] needle = text.getBytes(StandardCharsets.ISO_8859_1);
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
      return true;
    }
    return false;
  }
}
