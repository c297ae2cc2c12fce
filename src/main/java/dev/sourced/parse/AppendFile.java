package dev.sourced.parse;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A file that byte arrays are appended to and read back by position, from several threads at once:
 * each append reserves its range first, then writes it with positional writes, so appends never
 * wait for each other's I/O. Serves both the temporary body file of a build without cache ({@link
 * BodySpill}) and the build cache's bodies file.
 */
public final class AppendFile {
  private final FileChannel channel;
  private long end;

  /** Appends after {@code end} (the file's current size for an existing file). */
  public AppendFile(FileChannel channel, long end) {
    this.channel = channel;
    this.end = end;
  }

  /** Where the bytes went: the offset to read them back from. */
  public long append(byte[] bytes) throws IOException {
    long at;
    synchronized (this) {
      at = end;
      end += bytes.length;
    }
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    while (buf.hasRemaining()) channel.write(buf, at + buf.position());
    return at;
  }

  /** The {@code length} bytes at {@code offset}, or null when the file ends before them. */
  public byte[] read(long offset, int length) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(length);
    while (buf.hasRemaining()) {
      if (channel.read(buf, offset + buf.position()) < 0) return null;
    }
    return buf.array();
  }

  /** How many bytes the file holds, counting appends still being written. */
  public synchronized long size() {
    return end;
  }

  /** Cuts the file to {@code size} bytes; later appends go there. */
  public synchronized void truncate(long size) throws IOException {
    channel.truncate(size);
    end = size;
  }

  public void close() throws IOException {
    channel.close();
  }
}
