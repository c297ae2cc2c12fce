package dev.sourced.write;

import dev.sourced.hash.Hashes;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Who is writing into an output folder now: a lock on a file named after it (see {@link #file}),
 * held by a build from the moment it starts its temporary folder until its new site is in place or
 * given up. Without it, a second command (a {@code check}, which finishes what a killed build left,
 * or another build) took the first build's live temporary folder for a killed build's leftover and
 * deleted it under it. With it, a second build waits for the first to finish, and a command that
 * only cleans up leaves the folder to the build that holds it.
 *
 * <p>The operating system's lock ({@link FileChannel#lock}) is released when the process ends, so a
 * killed build never leaves it held. Inside one process, where the system lock cannot be taken
 * twice, a semaphore per folder stands in for it.
 */
final class OutputLock implements AutoCloseable {
  private static final Map<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();

  private final Semaphore local;
  private final FileChannel channel;
  private final FileLock lock;
  private final boolean waited;
  private boolean released;

  private OutputLock(Semaphore local, FileChannel channel, FileLock lock, boolean waited) {
    this.local = local;
    this.channel = channel;
    this.lock = lock;
    this.waited = waited;
  }

  /**
   * The lock file of the output folder {@code out} (absolute and normalised): in a folder of the
   * user's in the system's temporary folder, named by a hash of the output folder's path, so that
   * nothing is left beside the site. (A lock file cannot be deleted as its holder lets go without a
   * race, and reading it back through its path, to check it is still the one locked, would release
   * the lock: a POSIX lock goes with any descriptor of the file that the process closes.)
   */
  static Path file(Path out) throws IOException {
    Path dir =
        Path.of(
            System.getProperty("java.io.tmpdir"),
            "sourced-locks-" + System.getProperty("user.name", "user"));
    Files.createDirectories(dir);
    byte[] h = Hashes.sha256().digest(out.toString().getBytes(StandardCharsets.UTF_8));
    return dir.resolve(HexFormat.of().formatHex(h, 0, 16) + ".lock");
  }

  /** Takes the lock of {@code out}, waiting while another build holds it. */
  static OutputLock take(Path out) throws IOException {
    OutputLock now = tryTake(out);
    if (now != null) return now;
    Semaphore local = IN_PROCESS.computeIfAbsent(out, k -> new Semaphore(1));
    try {
      local.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for another build into " + out, e);
    }
    try {
      FileChannel ch = open(out);
      try {
        return new OutputLock(local, ch, ch.lock(), true);
      } catch (IOException | RuntimeException e) {
        ch.close();
        throw e;
      }
    } catch (IOException | RuntimeException e) {
      local.release();
      throw e;
    }
  }

  /** Takes the lock of {@code out} if no other build holds it; null when one does. */
  static OutputLock tryTake(Path out) throws IOException {
    Semaphore local = IN_PROCESS.computeIfAbsent(out, k -> new Semaphore(1));
    if (!local.tryAcquire()) return null;
    FileChannel ch = null;
    try {
      ch = open(out);
      FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock != null) return new OutputLock(local, ch, lock, false);
      ch.close();
      local.release();
      return null;
    } catch (IOException | RuntimeException e) {
      if (ch != null) ch.close();
      local.release();
      throw e;
    }
  }

  private static FileChannel open(Path out) throws IOException {
    return FileChannel.open(file(out), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
  }

  /** Whether taking the lock had to wait for another build. */
  boolean waited() {
    return waited;
  }

  @Override
  public synchronized void close() throws IOException {
    if (released) return;
    released = true;
    try {
      lock.release();
      channel.close();
    } finally {
      local.release();
    }
  }
}
