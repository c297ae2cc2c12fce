package dev.sourced.write;

import dev.sourced.concurrent.Workers;
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
import java.util.concurrent.Future;

/**
 * The write stage: puts a rendered site in place without ever leaving a half-written one. New and
 * changed files go into a temporary sibling folder ({@code .site.sourced-tmp-*}), at their paths in
 * the site; a file whose bytes are the old site's (or that the build cache knows is unchanged, see
 * {@link Transaction#keep}) is not written at all. The old site is not touched until every new file
 * is complete, so a build killed before that leaves it as it was (the next build deletes the
 * temporary folder). Then, at {@link Transaction#commit}:
 *
 * <ul>
 *   <li>when few files change (an edit), they are renamed into the old folder one by one, each
 *       rename atomic, through a {@link Journal} that the next command finishes if a kill cuts the
 *       renames short; unchanged files are not touched at all;
 *   <li>when many change (or there is no old site), the temporary folder is completed with hard
 *       links to the old site's unchanged files and swapped in whole: the old folder is renamed
 *       aside ({@code .site.sourced-old-*}), the new one renamed into place, and the old one
 *       deleted; the next build restores the old folder if a kill fell between the two renames.
 * </ul>
 *
 * Either way unchanged files keep their bytes, inode and modification time, so rsync or a CDN
 * upload sends only what changed. Where hard links cannot be made, the old file is copied with its
 * times.
 *
 * <p>Every output path is normalised and must stay inside the output folder.
 */
public final class SiteWriter {
  /** Written into every output folder, so the build knows a folder it may replace. */
  public static final String MARKER = ".sourced-build";

  static final String MARKER_TEXT =
      "This folder is written by `sourced build`: a build replaces or deletes any file in it.\n";
  static final String TMP = ".sourced-tmp-";
  static final String OLD = ".sourced-old-";

  private SiteWriter() {}

  /**
   * Starts writing a new site beside {@code output}; pages can then be written as they are
   * rendered, from any thread, and the new site replaces the old one on {@link Transaction#commit}.
   * Until then the output folder is untouched. Holds the folder's {@link OutputLock} until the
   * commit or abort: while another build into the same folder holds it, waits for that build.
   */
  public static Transaction begin(Path output) throws IOException {
    return begin(output, true);
  }

  /**
   * Starts a patch of the site in {@code output}, for a build that knows the folder holds exactly
   * the files the build cache recorded: the files written replace or join the old ones at {@link
   * Transaction#commitPatch}, which deletes only the files it is told to; every other file stays as
   * it is, unlisted and untouched. Otherwise as {@link #begin}.
   */
  public static Transaction beginPatch(Path output) throws IOException {
    if (!Files.isDirectory(output, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException("there is no site to patch in " + output);
    }
    return begin(output, false);
  }

  private static Transaction begin(Path output, boolean listOld) throws IOException {
    Path out = output.toAbsolutePath().normalize();
    Path parent = out.getParent();
    Files.createDirectories(parent);
    OutputLock lock = OutputLock.take(out);
    try {
      recoverLocked(out);
      Path tmp = parent.resolve("." + out.getFileName() + TMP + UUID.randomUUID());
      Files.createDirectory(tmp);
      return new Transaction(
          tmp, out, Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS), listOld, lock);
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** How a transaction was committed (for the timing line and tests). */
  public enum Commit {
    /** No previous site: the new folder was renamed into place. */
    NEW,
    /** The new folder (changed files, and links to the unchanged ones) replaced the old one. */
    SWAP,
    /** The changed files were renamed into the old folder through a {@link Journal}. */
    IN_PLACE
  }

  /**
   * A new site being written: changed and new files go into a temporary sibling of the output
   * folder, at their paths in the site; a file whose bytes are the old site's is only noted.
   */
  public static final class Transaction {
    private final Path tmp;
    private final Path out;
    private final Set<Path> seen = ConcurrentHashMap.newKeySet();
    private final boolean previous;
    private final Map<String, FileStamp> stamps = new ConcurrentHashMap<>();

    /** The files of the new site written into the temporary folder (relative, normalised). */
    private final Set<String> written = ConcurrentHashMap.newKeySet();

    /** The old site's files that the new site keeps as they are, by relative path. */
    private final Map<String, Kept> unchanged = new ConcurrentHashMap<>();

    /** The old site's files and folders, listed while the build renders. */
    private final Future<OldTree> oldTree;

    private boolean journaled;
    private Commit commit;

    private record Kept(String path, FileStamp stamp) {}

    /** Held from {@link #begin} until the commit or abort. */
    private final OutputLock lock;

    private Transaction(Path tmp, Path out, boolean previous, boolean listOld, OutputLock lock) {
      this.tmp = tmp;
      this.out = out;
      this.previous = previous;
      this.lock = lock;
      this.oldTree = previous && listOld ? OldTree.list(out) : null;
    }

    /** Whether this build waited for another build into the same folder before it began. */
    public boolean waited() {
      return lock.waited();
    }

    private String rel(Path target) {
      return tmp.relativize(target).toString().replace('\\', '/');
    }

    /**
     * Keeps the old site's file at {@code path} as it is, if its stamp is still {@code expected}
     * (the build cache's record of it); false when it is not, and nothing was written.
     */
    public boolean keep(String path, FileStamp expected) throws IOException {
      if (!unchanged(path, expected)) return false;
      Path target = inside(tmp, path, seen);
      unchanged.put(rel(target), new Kept(path, expected));
      stamps.put(path, expected);
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

    /** How the last {@link #commit} put the site in place (null before). */
    public Commit committed() {
      return commit;
    }

    /** Writes one page; safe to call from several threads. */
    public void write(RenderedPage p) throws UncheckedIOException {
      try {
        Path target = inside(tmp, p.path(), seen);
        Path old = previous ? out.resolve(p.path()) : null;
        if (old == null || !Files.isRegularFile(old, LinkOption.NOFOLLOW_LINKS)) {
          directories(target.getParent());
          Files.write(target, p.bytes());
          written.add(rel(target));
          stamps.put(p.path(), FileStamp.of(target));
        } else {
          settle(p.path(), target, old, p.bytes());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /**
     * Puts the bytes made for a file the old site has: the old file is kept when its bytes are the
     * same (compared a part at a time, so that a big file is not read into memory whole), else the
     * new one is written.
     */
    private void settle(String path, Path target, Path old, byte[] bytes) throws IOException {
      if (sameBytes(old, bytes)) {
        FileStamp s = FileStamp.of(old);
        unchanged.put(rel(target), new Kept(path, s));
        stamps.put(path, s);
      } else {
        directories(target.getParent());
        Files.write(target, bytes);
        written.add(rel(target));
        stamps.put(path, FileStamp.of(target));
      }
    }

    private static boolean sameBytes(Path file, byte[] bytes) throws IOException {
      if (Files.size(file) != bytes.length) return false;
      byte[] buf = new byte[Math.min(bytes.length, 1 << 16)];
      try (var in = Files.newInputStream(file)) {
        int at = 0;
        while (at < bytes.length) {
          int n = in.readNBytes(buf, 0, Math.min(buf.length, bytes.length - at));
          if (n <= 0 || !Arrays.equals(buf, 0, n, bytes, at, at + n)) return false;
          at += n;
        }
        return in.read() < 0;
      }
    }

    /**
     * A new file at {@code path} (relative to the site root), for a page written as it is rendered;
     * safe to call from several threads.
     */
    public OutputStream open(String path) throws IOException {
      Path old = previous ? out.resolve(path) : null;
      if (old == null || !Files.isRegularFile(old, LinkOption.NOFOLLOW_LINKS)) {
        return openChanged(path);
      }
      Path target = inside(tmp, path, seen);
      // A file the old site has: the bytes are held until the end, to keep the old file if equal.
      return new ByteArrayOutputStream(1 << 14) {
        @Override
        public void close() throws IOException {
          settle(path, target, old, toByteArray());
        }
      };
    }

    /**
     * A new file at {@code path} known to differ from the old site's (a patched copy of it):
     * written as it comes, never held to be compared with the old file.
     */
    public OutputStream openChanged(String path) throws IOException {
      Path target = inside(tmp, path, seen);
      directories(target.getParent());
      written.add(rel(target));
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

    /**
     * Copies the bundle files, then puts the new site in place of the old: by renaming the changed
     * files into the old folder through a {@link Journal} when they are few (at most a fifth of the
     * site's files, or {@value #FEW}), else by replacing the whole folder.
     */
    public void commit(List<CopiedFile> copies) throws IOException {
      try {
        put(copies);
      } finally {
        lock.close();
      }
    }

    /**
     * Puts a patch in place (see {@link #beginPatch}): the files written are renamed into the old
     * folder and {@code deletes} deleted, through a {@link Journal}, so that a kill leaves the old
     * site or the new one whole; nothing else is touched.
     */
    public void commitPatch(java.util.Collection<String> deletes) throws IOException {
      try {
        if (oldTree != null) throw new IllegalStateException("not a patch");
        List<String> gone = new java.util.ArrayList<>(deletes);
        gone.removeAll(written);
        gone.sort(null);
        List<String> renames = new java.util.ArrayList<>(written);
        renames.sort(null);
        applyInPlace(new Journal(gone, List.of(), renames));
        for (String d : gone) stamps.remove(d);
      } finally {
        lock.close();
      }
    }

    /** Renames the new files into the old folder through {@code journal} (see {@link Journal}). */
    private void applyInPlace(Journal journal) throws IOException {
      commit = Commit.IN_PLACE;
      if (journal.steps() > 0) {
        journal.write(tmp);
        journaled = true;
        journal.apply(tmp, out);
      }
      deleteTree(tmp);
    }

    private void put(List<CopiedFile> copies) throws IOException {
      for (CopiedFile c : copies) {
        Path target = inside(tmp, c.path(), seen);
        Path old = previous ? out.resolve(c.path()) : null;
        if (old != null
            && Files.isRegularFile(old, LinkOption.NOFOLLOW_LINKS)
            && Files.size(old) == Files.size(c.source())
            && Files.mismatch(old, c.source()) == -1) {
          FileStamp s = FileStamp.of(old);
          unchanged.put(rel(target), new Kept(c.path(), s));
          if (s != null) stamps.put(c.path(), s);
        } else {
          directories(target.getParent());
          Files.copy(c.source(), target);
          written.add(rel(target));
          // Stamped as pages are, so that a copy the build cache records can be kept unread.
          FileStamp s = FileStamp.of(target);
          if (s != null) stamps.put(c.path(), s);
        }
      }
      Path marker = inside(tmp, MARKER, seen);
      Path oldMarker = out.resolve(MARKER);
      if (previous
          && Files.isRegularFile(oldMarker, LinkOption.NOFOLLOW_LINKS)
          && MARKER_TEXT.equals(Files.readString(oldMarker, StandardCharsets.UTF_8))) {
        unchanged.put(MARKER, new Kept(MARKER, null));
      } else {
        Files.writeString(marker, MARKER_TEXT, StandardCharsets.UTF_8);
        written.add(MARKER);
      }
      if (!previous) {
        swap(tmp, out);
        commit = Commit.NEW;
        return;
      }
      OldTree old = Workers.join(oldTree);
      Journal journal = old.journal(written, unchanged.keySet());
      if (old.plain()
          && journal.steps() <= Math.max(FEW, (written.size() + unchanged.size()) / 5)) {
        applyInPlace(journal);
        return;
      }
      for (var e : unchanged.entrySet()) {
        Path target = tmp.resolve(e.getKey());
        directories(target.getParent());
        Kept k = e.getValue();
        boolean linked = link(out.resolve(e.getKey()), target);
        if (k.stamp() != null) stamps.put(k.path(), linked ? k.stamp() : FileStamp.of(target));
      }
      swap(tmp, out);
      commit = Commit.SWAP;
    }

    /**
     * Deletes what was written; the output folder stays as it was. Once the journal is written the
     * output is finished from it instead, by the next command (see {@link #recover}).
     */
    public void abort() throws IOException {
      try {
        if (!journaled) deleteTree(tmp);
      } finally {
        lock.close();
      }
    }
  }

  /**
   * For tests of what a kill leaves: the next in-place commit in this JVM stops after {@code steps}
   * steps of its journal (0: right after writing it) by throwing {@link SimulatedKill}, leaving the
   * output and the journal as a kill would; -1 turns it off.
   */
  public static void simulateKillAfter(int steps) {
    Journal.killAfter(steps);
  }

  /** What a simulated kill throws (tests only, see {@link #simulateKillAfter}). */
  public static final class SimulatedKill extends RuntimeException {
    SimulatedKill(int steps) {
      super("simulated kill after " + steps + " steps of the journal");
    }
  }

  /** Up to this many changed files, a build renames them into place whatever the site's size. */
  static final int FEW = 16;

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
   * finishes an in-place commit that left its {@link Journal}, then deletes every leftover
   * temporary and old folder of this output. While another build into it holds its {@link
   * OutputLock}, its folders are that build's, live: nothing is touched.
   *
   * @return how many interrupted in-place commits were finished (0 or, rarely, 1), or -1 when
   *     another build is writing into the folder and it was left alone
   */
  public static int recover(Path output) throws IOException {
    Path out = output.toAbsolutePath().normalize();
    Path parent = out.getParent();
    if (parent == null || !Files.isDirectory(parent)) return 0;
    OutputLock lock = OutputLock.tryTake(out);
    if (lock == null) return -1;
    try (lock) {
      return recoverLocked(out);
    }
  }

  private static int recoverLocked(Path out) throws IOException {
    Path parent = out.getParent();
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
              .sorted() // old folders first: the output is back before a journal is applied
              .toList();
    }
    int finished = 0;
    for (Path p : leftovers) {
      boolean old = p.getFileName().toString().startsWith(oldPrefix);
      if (old && !Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
        move(p, out);
        continue;
      }
      Journal journal = old ? null : Journal.read(p);
      if (journal != null && Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
        journal.apply(p, out);
        finished++;
      }
      deleteTree(p);
    }
    return finished;
  }

  /** {@code root/relative}, refusing anything that would land outside root or twice. */
  public static Path inside(Path root, String relative, Set<Path> seen) {
    Path p = inside(root, relative);
    if (!seen.add(p)) throw new IllegalArgumentException("output path written twice: " + relative);
    return p;
  }

  /** {@code root/relative}, refusing anything that would land outside root. */
  static Path inside(Path root, String relative) {
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
