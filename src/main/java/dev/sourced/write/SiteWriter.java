package dev.sourced.write;

import dev.sourced.render.CopiedFile;
import dev.sourced.render.RenderedPage;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The write stage: puts a rendered site in place so that the output folder is always either the
 * previous site or the new one, whole. Files go into a temporary sibling folder ({@code
 * .site.sourced-tmp-*}); then the old folder is renamed aside ({@code .site.sourced-old-*}), the
 * new one renamed into place, and the old one deleted. A build killed at any point leaves the
 * previous site, or the new one, and the next build cleans up what was left (restoring the old
 * folder if the kill fell between the two renames).
 *
 * <p>Unchanged files keep their bytes and times: the new folder is made beside the old one, but a
 * file whose bytes are the same as the old site's (or that the build cache knows is unchanged, see
 * {@link Transaction#keep}) is a hard link to the old file rather than a new file, so it keeps its
 * inode and modification time through the swap, and rsync or a CDN upload sends only what changed.
 * The old site is never written to (a changed file is always a new file), so until the swap it is
 * whole, and afterwards the new one is. Where hard links cannot be made, the old file is copied
 * with its times.
 *
 * <p>Every output path is normalised and must stay inside the output folder.
 */
public final class SiteWriter {
  /** Written into every output folder, so the build knows a folder it may replace. */
  public static final String MARKER = ".sourced-build";

  static final String MARKER_TEXT =
      "This folder is written by `sourced build` and replaced whole on every build.\n";
  static final String TMP = ".sourced-tmp-";
  static final String OLD = ".sourced-old-";

  private SiteWriter() {}

  /**
   * Starts writing a new site beside {@code output}; pages can then be written as they are
   * rendered, from any thread, and the new site replaces the old one on {@link Transaction#commit}.
   * Until then the output folder is untouched.
   */
  public static Transaction begin(Path output) throws IOException {
    Path out = output.toAbsolutePath().normalize();
    Path parent = out.getParent();
    Files.createDirectories(parent);
    recover(out);
    Path tmp = parent.resolve("." + out.getFileName() + TMP + UUID.randomUUID());
    Files.createDirectory(tmp);
    return new Transaction(tmp, out, Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS));
  }

  /** A new site being written into a temporary sibling of the output folder. */
  public static final class Transaction {
    private final Path tmp;
    private final Path out;
    private final Set<Path> seen = ConcurrentHashMap.newKeySet();
    private final boolean previous;
    private final Map<String, FileStamp> stamps = new ConcurrentHashMap<>();

    private Transaction(Path tmp, Path out, boolean previous) {
      this.tmp = tmp;
      this.out = out;
      this.previous = previous;
    }

    /**
     * Keeps the old site's file at {@code path} as it is, if its stamp is still {@code expected}
     * (the build cache's record of it); false when it is not, and nothing was written.
     */
    public boolean keep(String path, FileStamp expected) throws IOException {
      if (!unchanged(path, expected)) return false;
      Path old = out.resolve(path).normalize();
      Path target = inside(tmp, path, seen);
      directories(target.getParent());
      // A hard link is the same file: its stamp is the one just checked.
      stamps.put(path, link(old, target) ? expected : FileStamp.of(target));
      return true;
    }

    /** Whether the old site's file at {@code path} still has the stamp {@code expected}. */
    public boolean unchanged(String path, FileStamp expected) {
      if (!previous || expected == null) return false;
      Path old = out.resolve(path).normalize();
      return old.startsWith(out) && expected.equals(FileStamp.of(old));
    }

    /** The folders made so far: most pages share theirs with others. */
    private final Set<Path> folders = ConcurrentHashMap.newKeySet();

    private void directories(Path dir) throws IOException {
      if (dir.equals(tmp) || folders.contains(dir)) return;
      Path parent = dir.getParent();
      if (parent != null) directories(parent);
      try {
        Files.createDirectory(dir);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) throw e;
      }
      folders.add(dir);
    }

    /** The stamps of the files of the new site, by path (after {@link #commit}, in place). */
    public Map<String, FileStamp> stamps() {
      return stamps;
    }

    /** Writes one page; safe to call from several threads. */
    public void write(RenderedPage p) throws UncheckedIOException {
      try (OutputStream out = open(p.path())) {
        out.write(p.bytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /**
     * A new file at {@code path} (relative to the site root), for a page written as it is rendered;
     * safe to call from several threads.
     */
    public OutputStream open(String path) throws IOException {
      Path target = inside(tmp, path, seen);
      directories(target.getParent());
      Path old = previous ? out.resolve(path) : null;
      if (old == null || !Files.isRegularFile(old, LinkOption.NOFOLLOW_LINKS)) {
        return new FilterOutputStream(Files.newOutputStream(target)) {
          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
          }

          @Override
          public void close() throws IOException {
            super.close();
            stamps.put(path, FileStamp.of(target));
          }
        };
      }
      // A file the old site has: the bytes are held until the end, to keep the old file if equal.
      return new ByteArrayOutputStream(1 << 14) {
        @Override
        public void close() throws IOException {
          byte[] bytes = toByteArray();
          if (Files.size(old) == bytes.length && Arrays.equals(Files.readAllBytes(old), bytes)) {
            link(old, target);
          } else {
            Files.write(target, bytes);
          }
          stamps.put(path, FileStamp.of(target));
        }
      };
    }

    /** Copies the bundle files, then puts the new site in place of the old. */
    public void commit(List<CopiedFile> copies) throws IOException {
      for (CopiedFile c : copies) {
        Path target = inside(tmp, c.path(), seen);
        directories(target.getParent());
        Path old = previous ? out.resolve(c.path()) : null;
        if (old != null
            && Files.isRegularFile(old, LinkOption.NOFOLLOW_LINKS)
            && Files.size(old) == Files.size(c.source())
            && Files.mismatch(old, c.source()) == -1) {
          link(old, target);
        } else {
          Files.copy(c.source(), target);
        }
      }
      Path oldMarker = out.resolve(MARKER);
      if (previous
          && Files.isRegularFile(oldMarker, LinkOption.NOFOLLOW_LINKS)
          && MARKER_TEXT.equals(Files.readString(oldMarker, StandardCharsets.UTF_8))) {
        link(oldMarker, tmp.resolve(MARKER));
      } else {
        Files.writeString(tmp.resolve(MARKER), MARKER_TEXT, StandardCharsets.UTF_8);
      }
      swap(tmp, out);
    }

    /** Deletes what was written; the output folder stays as it was. */
    public void abort() throws IOException {
      deleteTree(tmp);
    }
  }

  /**
   * Puts the old site's file at {@code target} without writing it: a hard link (true), or a copy
   * with its times where links cannot be made (false).
   */
  private static boolean link(Path old, Path target) throws IOException {
    try {
      Files.createLink(target, old);
      return true;
    } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
      Files.copy(old, target, StandardCopyOption.COPY_ATTRIBUTES);
      return false;
    }
  }

  /** Moves {@code tmp} into place at {@code out}, keeping the old folder until it is there. */
  private static void swap(Path tmp, Path out) throws IOException {
    Path old = null;
    if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
      old = out.resolveSibling("." + out.getFileName() + OLD + UUID.randomUUID());
      move(out, old);
    }
    move(tmp, out);
    if (old != null) deleteTree(old);
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  /**
   * Cleans up after an interrupted build: restores a folder renamed aside if the output is missing,
   * then deletes every leftover temporary and old folder of this output.
   */
  public static void recover(Path output) throws IOException {
    Path out = output.toAbsolutePath().normalize();
    Path parent = out.getParent();
    if (parent == null || !Files.isDirectory(parent)) return;
    String tmpPrefix = "." + out.getFileName() + TMP;
    String oldPrefix = "." + out.getFileName() + OLD;
    List<Path> leftovers;
    try (var s = Files.list(parent)) {
      leftovers =
          s.filter(
                  p -> {
                    String n = p.getFileName().toString();
                    return n.startsWith(tmpPrefix) || n.startsWith(oldPrefix);
                  })
              .sorted()
              .toList();
    }
    for (Path p : leftovers) {
      if (p.getFileName().toString().startsWith(oldPrefix)
          && !Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
        move(p, out);
      } else {
        deleteTree(p);
      }
    }
  }

  /** {@code root/relative}, refusing anything that would land outside root or twice. */
  public static Path inside(Path root, String relative, Set<Path> seen) {
    if (relative.isEmpty()
        || relative.startsWith("/")
        || relative.contains("\\")
        || relative.contains("\0")) {
      throw new IllegalArgumentException("unsafe output path: " + relative);
    }
    Path p = root.resolve(relative).normalize();
    if (!p.startsWith(root) || p.equals(root)) {
      throw new IllegalArgumentException("output path escapes the output folder: " + relative);
    }
    if (!seen.add(p)) throw new IllegalArgumentException("output path written twice: " + relative);
    return p;
  }

  /** Deletes a folder and everything in it (links are deleted, not followed). */
  public static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return;
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
            if (exc != null) throw exc;
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
