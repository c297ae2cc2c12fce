package dev.sourced.parse;

import dev.sourced.facts.BodyHtml;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Rendered bodies waiting for the render stage, in one temporary file instead of memory: a build's
 * memory then grows with its index (facts, sources, addresses), not with the text of its pages.
 * Bodies are appended as UTF-8 and read back by position; both are safe from several threads. (A
 * cache-filling build keeps its articles' encoded parses in one too, until the cache's index is
 * written.) The file is removed from its folder as soon as it is opened (it lives while open), so a
 * build that is killed leaves nothing behind.
 */
public final class BodySpill implements BodyHtml.Store, Closeable {
  private final AppendFile file;

  private BodySpill(FileChannel channel) {
    this.file = new AppendFile(channel, 0);
  }

  /** A spill file in the system's temporary folder; null when none can be made there. */
  public static BodySpill open() {
    try {
      Path dir = Path.of(System.getProperty("java.io.tmpdir"));
      Path file = dir.resolve("sourced-bodies-" + UUID.randomUUID() + ".tmp");
      // Created, opened and unlinked in one call: no moment with a closed file left behind.
      Set<StandardOpenOption> options =
          EnumSet.of(
              StandardOpenOption.READ,
              StandardOpenOption.WRITE,
              StandardOpenOption.CREATE_NEW,
              StandardOpenOption.DELETE_ON_CLOSE);
      boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
      return new BodySpill(
          posix
              ? FileChannel.open(
                  file,
                  options,
                  PosixFilePermissions.asFileAttribute(
                      PosixFilePermissions.fromString("rw-------")))
              : FileChannel.open(file, options));
    } catch (IOException
        | UnsupportedOperationException
        | SecurityException
        | InvalidPathException e) {
      return null;
    }
  }

  @Override
  public long write(byte[] bytes) {
    try {
      return file.append(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to the temporary file: " + e.getMessage(), e);
    }
  }

  @Override
  public String read(long offset, int length) {
    return new String(bytes(offset, length), StandardCharsets.UTF_8);
  }

  /** The {@code length} bytes written at {@code offset}. */
  public byte[] bytes(long offset, int length) {
    byte[] bytes;
    try {
      bytes = file.read(offset, length);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the temporary file: " + e.getMessage(), e);
    }
    if (bytes == null) {
      String why = "the temporary file is shorter than written";
      throw new UncheckedIOException(
          "cannot read the temporary file: " + why, new IOException(why));
    }
    return bytes;
  }

  @Override
  public void close() throws IOException {
    file.close();
  }
}
