package dev.sourced.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What tells a file written by a build from the same path rewritten since: its size, modification
 * time (to the nanosecond the file system keeps) and file key (device and inode on Unix, null where
 * the system has none). A file replaced in any way gets a new inode, so a matching stamp means the
 * bytes are still the ones the build wrote.
 */
public record FileStamp(long size, long modifiedNanos, String key) {

  /** The stamp of a regular file, or null when there is none at {@code file}. */
  public static FileStamp of(Path file) {
    try {
      BasicFileAttributes a =
          Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!a.isRegularFile()) return null;
      Object k = a.fileKey();
      long nanos = a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
      return new FileStamp(a.size(), nanos, k == null ? null : k.toString());
    } catch (IOException e) {
      return null;
    }
  }
}
