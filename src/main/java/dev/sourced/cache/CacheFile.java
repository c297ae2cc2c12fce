package dev.sourced.cache;

import dev.sourced.diag.Diagnostics;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * The envelope of every index file of the build cache: a magic word, the format's version and the
 * identity of the tool build that wrote it, then the content, then a CRC-32 of all of it. A file is
 * written beside its place and renamed over it, so a reader sees the old file or the new one; a
 * file cut short, damaged, foreign or written by another tool build is told apart here, before any
 * of its content is believed.
 */
final class CacheFile {
  static final long MAGIC = 0x736f75726365642eL; // "sourced."
  static final int FORMAT = 1;

  private CacheFile() {}

  /** Why a file could not be used. */
  static final class Unusable extends Exception {
    Unusable(String why) {
      super(why);
    }
  }

  /**
   * Notes that the cache's file {@code name} cannot be used ({@code e}: {@link Unusable}, which
   * says why, or a failure to read or decode it), and what the build does without it: "the build
   * cache's outputs.bin is damaged or cut short: it is {@code then}".
   */
  static void noteUnusable(Diagnostics notes, String name, Exception e, String then) {
    String what = e instanceof Unusable ? e.getMessage() : name + " cannot be read (" + e + ")";
    notes.note("the build cache's " + what + ": it is " + then);
  }

  /** The content of {@code file}, or null when there is none; throws when it cannot be used. */
  static Bytes read(Path file, String kind) throws Unusable, IOException {
    byte[] all;
    try {
      all = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return null;
    }
    if (all.length < 8 + 4 + 4 + 8 || ByteBuffer.wrap(all).getLong() != MAGIC) {
      throw new Unusable(file.getFileName() + " is not a sourced build cache file");
    }
    CRC32 crc = new CRC32();
    crc.update(all, 0, all.length - 8);
    if (crc.getValue() != ByteBuffer.wrap(all, all.length - 8, 8).getLong()) {
      throw new Unusable(file.getFileName() + " is damaged or cut short");
    }
    Bytes content = new Bytes(all, 8, all.length - 16);
    checkHeader(new DataInputStream(content), file, kind);
    return content;
  }

  /**
   * As {@link #read}, but the file is mapped into memory rather than read into the heap: for a
   * large file of which a build decodes little (the parses' index: 36 MB at 10,000 articles, read
   * in 13 ms rather than 42). The buffer is positioned at the content and limited to it. A file is
   * only ever replaced (renamed over), never changed in place, so the mapping holds what was
   * checked.
   */
  static ByteBuffer map(Path file, String kind) throws Unusable, IOException {
    ByteBuffer all;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      all = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
    } catch (NoSuchFileException e) {
      return null;
    }
    int n = all.capacity();
    if (n < 8 + 4 + 4 + 8 || all.getLong(0) != MAGIC) {
      throw new Unusable(file.getFileName() + " is not a sourced build cache file");
    }
    CRC32 crc = new CRC32();
    crc.update(all.duplicate().limit(n - 8));
    if (crc.getValue() != all.getLong(n - 8)) {
      throw new Unusable(file.getFileName() + " is damaged or cut short");
    }
    ByteBuffer content = all.duplicate().position(8).limit(n - 8);
    checkHeader(new DataInputStream(new BufferStream(content)), file, kind);
    return content;
  }

  /** Reads the envelope's header: the format and tool build that wrote the file, and its kind. */
  private static void checkHeader(DataInputStream in, Path file, String kind)
      throws Unusable, IOException {
    int format = in.readInt();
    String tool = RecordCodec.readString(in);
    String k = RecordCodec.readString(in);
    if (format != FORMAT || !tool.equals(ToolIdentity.get())) {
      throw new Unusable(file.getFileName() + " was written by another version of sourced");
    }
    if (!k.equals(kind)) throw new Unusable(file.getFileName() + " is not a " + kind + " file");
  }

  /** A stream over a buffer, which it moves along. */
  static final class BufferStream extends InputStream {
    private final ByteBuffer b;

    BufferStream(ByteBuffer b) {
      this.b = b;
    }

    @Override
    public int read() {
      return b.hasRemaining() ? b.get() & 0xff : -1;
    }

    @Override
    public int read(byte[] to, int off, int len) {
      if (!b.hasRemaining()) return -1;
      int n = Math.min(len, b.remaining());
      b.get(to, off, n);
      return n;
    }
  }

  /**
   * Writes {@code file} through a temporary file renamed over it, streamed (with its CRC-32
   * computed on the way): a file held whole in memory first, grown and then copied twice, was three
   * times its size of large arrays, which at 10,000 articles made the collector compact the heap at
   * the end of a build.
   */
  static void write(Path file, String kind, Body body) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      try (OutputStream raw = Files.newOutputStream(tmp)) {
        // Buffered before the checksum, so that the CRC is updated a buffer at a time, not once a
        // byte (a call into the JDK's native code each).
        CheckedOutputStream checked = new CheckedOutputStream(raw, new CRC32());
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(checked, 1 << 16));
        out.writeLong(MAGIC);
        out.writeInt(FORMAT);
        RecordCodec.writeString(out, ToolIdentity.get());
        RecordCodec.writeString(out, kind);
        body.write(out);
        out.flush();
        // The CRC of everything before it, written after it (not through the checked stream).
        new DataOutputStream(raw).writeLong(checked.getChecksum().getValue());
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  interface Body {
    void write(DataOutputStream out) throws IOException;
  }

  /** An unsynchronised stream over a byte array (the JDK's locks on every byte). */
  static final class Bytes extends InputStream {
    private final byte[] b;
    private int pos;
    private final int end;

    Bytes(byte[] b, int from, int length) {
      this.b = b;
      this.pos = from;
      this.end = from + length;
    }

    @Override
    public int read() {
      return pos < end ? b[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] to, int off, int len) {
      if (pos >= end) return -1;
      int n = Math.min(len, end - pos);
      System.arraycopy(b, pos, to, off, n);
      pos += n;
      return n;
    }
  }
}
