package dev.sourced.images;

import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.exif.EXIFWriter;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFEntry;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;

/**
 * Copies an original image without what it would leak, leaving its pixels untouched (no decoding,
 * no second lossy compression) and streaming, so a file of any size costs a small buffer.
 *
 * <ul>
 *   <li>JPEG: keeps the segments a decoder needs (tables, frame and scan headers, the entropy-coded
 *       data) and the colour ones (APP0 JFIF, APP2 ICC profile, APP14 Adobe); drops every other APP
 *       segment (EXIF with its GPS position and thumbnail, XMP, IPTC, maker notes, MPF) and
 *       comments, and anything after the end-of-image marker. An image shown turned gets a minimal
 *       EXIF segment with the orientation alone, written by TwelveMonkeys' EXIF writer.
 *   <li>PNG: keeps the critical chunks and the ones that change how pixels look (transparency,
 *       gamma, chromaticities, sRGB, ICC profile, significant bits, background, pixel size,
 *       animation); drops text, time and EXIF chunks and any other, and anything after IEND. An
 *       image shown turned gets a minimal {@code eXIf} chunk with the orientation alone (a turned
 *       PNG that {@code srcset} offers as it is is written again with its pixels turned instead:
 *       see {@link ImageProcessor}).
 * </ul>
 *
 * No library on the JVM does this losslessly for both formats (ImageIO rewrites pixels); the marker
 * and chunk layouts are fixed by the JPEG and PNG specifications.
 */
final class MetadataStripper {
  private static final Set<String> PNG_KEPT =
      Set.of(
          "IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "bKGD",
          "pHYs", "acTL", "fcTL", "fdAT");

  private MetadataStripper() {}

  /** Thrown when the file does not follow its format's layout (the caller copies it as is). */
  static final class Malformed extends IOException {
    Malformed(String what) {
      super(what);
    }
  }

  static void jpeg(InputStream raw, OutputStream out, int orientation) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
    if (in.readUnsignedByte() != 0xff || in.readUnsignedByte() != 0xd8) {
      throw new Malformed("no start-of-image marker");
    }
    out.write(0xff);
    out.write(0xd8);
    boolean orientationWritten = orientation <= 1;
    boolean inScan = false;
    while (true) {
      int b = in.read();
      if (b < 0) throw new Malformed("the file ends before its end-of-image marker");
      if (inScan) {
        if (b != 0xff) {
          out.write(b);
          continue;
        }
        int m = in.readUnsignedByte();
        while (m == 0xff) m = in.readUnsignedByte();
        if (m == 0x00 || (m >= 0xd0 && m <= 0xd7)) {
          out.write(0xff);
          out.write(m);
          continue;
        }
        inScan = false;
        if (!segment(in, out, m)) return;
        if (m == 0xda) inScan = true;
        continue;
      }
      if (b != 0xff) throw new Malformed("a segment does not start with a marker");
      int m = in.readUnsignedByte();
      while (m == 0xff) m = in.readUnsignedByte();
      if (!orientationWritten && m != 0xe0) {
        writeOrientation(out, orientation);
        orientationWritten = true;
      }
      if (!segment(in, out, m)) return;
      if (m == 0xda) inScan = true;
    }
  }

  /**
   * Copies or skips the segment of marker {@code m}; false after the end-of-image marker. For a
   * start-of-scan, copies its header; the scan's data follows.
   */
  private static boolean segment(DataInputStream in, OutputStream out, int m) throws IOException {
    if (m == 0xd9) {
      out.write(0xff);
      out.write(0xd9);
      return false;
    }
    if (m == 0x01 || (m >= 0xd0 && m <= 0xd7)) {
      out.write(0xff);
      out.write(m);
      return true;
    }
    int length = in.readUnsignedShort();
    if (length < 2) throw new Malformed("a segment is shorter than its own length field");
    boolean keep;
    byte[] head = null;
    if (m == 0xfe) {
      keep = false;
    } else if (m >= 0xe0 && m <= 0xef) {
      head = in.readNBytes(Math.min(length - 2, 14));
      String id = new String(head, StandardCharsets.ISO_8859_1);
      keep =
          (m == 0xe0 && id.startsWith("JFIF"))
              || (m == 0xe2 && id.startsWith("ICC_PROFILE"))
              || (m == 0xee && id.startsWith("Adobe"));
    } else {
      keep = true;
    }
    int rest = length - 2 - (head == null ? 0 : head.length);
    if (keep && m == 0xe0 && head != null && head.length == 14) {
      // JFIF: version, units and density, with the thumbnail (its size and pixels) left out.
      out.write(0xff);
      out.write(0xe0);
      out.write(0);
      out.write(16);
      out.write(head, 0, 12);
      out.write(0);
      out.write(0);
      skip(in, rest);
    } else if (keep) {
      out.write(0xff);
      out.write(m);
      out.write(length >> 8);
      out.write(length & 0xff);
      if (head != null) out.write(head);
      copy(in, out, rest);
    } else {
      skip(in, rest);
    }
    return true;
  }

  /** A TIFF structure with the orientation tag alone, as EXIF holds it. */
  private static byte[] orientationTiff(int orientation) throws IOException {
    ByteArrayOutputStream tiff = new ByteArrayOutputStream();
    try (ImageOutputStream ios = ImageIO.createImageOutputStream(tiff)) {
      List<Entry> entries =
          List.of(new TIFFEntry(TIFF.TAG_ORIENTATION, TIFF.TYPE_SHORT, (short) orientation));
      new EXIFWriter().write(entries, ios);
    }
    return tiff.toByteArray();
  }

  private static void writeExifChunk(OutputStream out, int orientation) throws IOException {
    byte[] body = orientationTiff(orientation);
    byte[] type = "eXIf".getBytes(StandardCharsets.ISO_8859_1);
    CRC32 crc = new CRC32();
    crc.update(type);
    crc.update(body);
    writeInt(out, body.length);
    out.write(type);
    out.write(body);
    writeInt(out, (int) crc.getValue());
  }

  private static void writeOrientation(OutputStream out, int orientation) throws IOException {
    byte[] body = orientationTiff(orientation);
    int length = 2 + 6 + body.length;
    out.write(0xff);
    out.write(0xe1);
    out.write(length >> 8);
    out.write(length & 0xff);
    out.write("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
  }

  /**
   * Copies a PNG's critical and colour chunks; an image shown turned ({@code orientation} over 1)
   * gets an {@code eXIf} chunk with the orientation alone, before its image data.
   */
  static void png(InputStream raw, OutputStream out, int orientation) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
    byte[] signature = in.readNBytes(8);
    if (signature.length != 8 || (signature[0] & 0xff) != 0x89 || signature[1] != 'P') {
      throw new Malformed("no PNG signature");
    }
    out.write(signature);
    while (true) {
      int length;
      byte[] type = new byte[4];
      try {
        length = in.readInt();
        in.readFully(type);
      } catch (EOFException e) {
        throw new Malformed("the file ends before its IEND chunk");
      }
      if (length < 0) throw new Malformed("a chunk declares a negative length");
      String name = new String(type, StandardCharsets.ISO_8859_1);
      if (name.equals("IDAT") && orientation > 1) {
        writeExifChunk(out, orientation);
        orientation = 1;
      }
      if (PNG_KEPT.contains(name)) {
        writeInt(out, length);
        out.write(type);
        copy(in, out, length + 4L);
      } else {
        skip(in, length + 4L);
      }
      if (name.equals("IEND")) return;
    }
  }

  private static void writeInt(OutputStream out, int v) throws IOException {
    out.write(v >>> 24);
    out.write((v >>> 16) & 0xff);
    out.write((v >>> 8) & 0xff);
    out.write(v & 0xff);
  }

  private static void copy(InputStream in, OutputStream out, long n) throws IOException {
    byte[] buf = new byte[(int) Math.min(n, 1 << 16)];
    long left = n;
    while (left > 0) {
      int r = in.read(buf, 0, (int) Math.min(buf.length, left));
      if (r < 0) throw new Malformed("the file ends inside a segment");
      out.write(buf, 0, r);
      left -= r;
    }
  }

  private static void skip(InputStream in, long n) throws IOException {
    long left = n;
    while (left > 0) {
      long s = in.skip(left);
      if (s <= 0) {
        if (in.read() < 0) throw new Malformed("the file ends inside a segment");
        s = 1;
      }
      left -= s;
    }
  }
}
