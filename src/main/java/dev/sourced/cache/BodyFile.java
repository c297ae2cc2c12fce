package dev.sourced.cache;

import dev.sourced.facts.BodyHtml;
import dev.sourced.parse.AppendFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;

/**
 * The build cache's article bodies (HTML with markers, as the parse stage renders them): one file
 * that bodies are appended to, read back by position. It is also where a cached build's parse stage
 * puts the bodies it makes (instead of a temporary file), so a cold build spends nothing extra to
 * fill the cache. Each body is checked against the CRC-32 it was written with when it is read back;
 * a body that does not match throws {@link CacheDamagedException}, and the build starts again
 * without the cache.
 *
 * <p>Appending never changes what an earlier build's index points at, so a build killed while
 * appending leaves the cache as it was plus unused bytes at the end, which pruning removes.
 */
final class BodyFile implements BodyHtml.Store {
  private final Path file;
  private final AppendFile bodies;
  private final Map<Long, Integer> crcs = new ConcurrentHashMap<>();

  private BodyFile(Path file, FileChannel channel, long end) {
    this.file = file;
    this.bodies = new AppendFile(channel, end);
  }

  /** Opens (or creates) a bodies file; new bodies go after what it holds. */
  static BodyFile open(Path file) throws IOException {
    FileChannel ch =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    return new BodyFile(file, ch, ch.size());
  }

  Path file() {
    return file;
  }

  long size() {
    return bodies.size();
  }

  /** Tells the file what a body kept by an earlier build must read back as. */
  void expect(long offset, int crc) {
    crcs.put(offset, crc);
  }

  /** The CRC-32 of the body written or expected at {@code offset}. */
  int crc(long offset) {
    Integer c = crcs.get(offset);
    if (c == null) throw new IllegalStateException("no body at " + offset);
    return c;
  }

  @Override
  public long write(byte[] bytes) {
    long at;
    try {
      at = bodies.append(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the build cache: " + e.getMessage(), e);
    }
    crcs.put(at, crc(bytes));
    return at;
  }

  @Override
  public String read(long offset, int length) {
    return new String(bytes(offset, length), StandardCharsets.UTF_8);
  }

  /** A body's bytes, checked. */
  byte[] bytes(long offset, int length) {
    byte[] bytes;
    try {
      bytes = bodies.read(offset, length);
    } catch (IOException e) {
      throw new CacheDamagedException("cannot read " + file + ": " + e.getMessage());
    }
    if (bytes == null) throw new CacheDamagedException(file + " is shorter than its index says");
    Integer expected = crcs.get(offset);
    if (expected == null || expected != crc(bytes)) {
      throw new CacheDamagedException(file + " holds a damaged article body");
    }
    return bytes;
  }

  static int crc(byte[] bytes) {
    CRC32 c = new CRC32();
    c.update(bytes);
    return (int) c.getValue();
  }

  void truncate(long size) throws IOException {
    bodies.truncate(size);
  }

  void close() {
    try {
      bodies.close();
    } catch (IOException ignored) {
      // nothing was lost: every write went through already
    }
  }
}
