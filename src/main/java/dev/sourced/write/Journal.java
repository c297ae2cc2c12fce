package dev.sourced.write;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The in-place commit of a build that changes few files: the new files wait in the transaction's
 * temporary folder (beside the output, at their paths in the site); this journal, written there
 * once they are all complete, lists what is to happen to the output folder: the files to delete,
 * the folders left empty to remove, and the files to rename into place. Each rename is atomic, so
 * every file of the output is at every moment either its old bytes or its new ones; the site as a
 * whole is mixed only while the journal is being applied (milliseconds for an edit).
 *
 * <p>A build killed before the journal exists leaves the old site untouched (the temporary folder
 * is deleted by the next command). A build killed while applying it leaves the journal, and the
 * next command ({@link SiteWriter#recover}) applies it again before anything else: every step is
 * one that can be repeated (a file already renamed is no longer in the temporary folder, a file
 * already deleted is not there), so the site ends as the killed build would have left it.
 *
 * <p>The journal is written to {@code .sourced-journal.part} and renamed, so a journal that exists
 * is whole.
 */
final class Journal {
  static final String FILE = ".sourced-journal";
  private static final String MAGIC = "sourced-journal 1";

  /** For tests: the next journal applied stops, as if killed, after this many steps (-1: off). */
  private static final AtomicInteger KILL_AFTER = new AtomicInteger(-1);

  final List<String> deletes;
  final List<String> folders;
  final List<String> renames;

  Journal(List<String> deletes, List<String> folders, List<String> renames) {
    this.deletes = deletes;
    this.folders = folders;
    this.renames = renames;
  }

  /** See {@link SiteWriter#simulateKillAfter}. */
  static void killAfter(int steps) {
    KILL_AFTER.set(steps);
  }

  int steps() {
    return deletes.size() + folders.size() + renames.size();
  }

  /** Writes the journal into {@code tmp}, whole or not at all. */
  void write(Path tmp) throws IOException {
    Path part = tmp.resolve(FILE + ".part");
    try (OutputStream o = Files.newOutputStream(part);
        DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(o))) {
      out.writeUTF(MAGIC);
      for (List<String> list : List.of(deletes, folders, renames)) {
        out.writeInt(list.size());
        for (String s : list) out.writeUTF(s);
      }
    }
    Files.move(part, tmp.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
  }

  /** The journal in {@code tmp}, or null when there is none (or it is not one of ours). */
  static Journal read(Path tmp) throws IOException {
    Path file = tmp.resolve(FILE);
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) return null;
    try (InputStream i = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(i))) {
      if (!MAGIC.equals(in.readUTF())) return null;
      List<List<String>> lists = new java.util.ArrayList<>();
      for (int k = 0; k < 3; k++) {
        int n = in.readInt();
        List<String> list = new java.util.ArrayList<>(n);
        for (int j = 0; j < n; j++) list.add(in.readUTF());
        lists.add(list);
      }
      return new Journal(lists.get(0), lists.get(1), lists.get(2));
    }
  }

  /**
   * Applies the journal to {@code out}: deletes, removes folders (deepest first, as listed), then
   * renames each new file from {@code tmp} into place. Every step may be repeated.
   */
  void apply(Path tmp, Path out) throws IOException {
    int killAt = KILL_AFTER.getAndSet(-1);
    int step = 0;
    if (killAt == 0) throw new SiteWriter.SimulatedKill(0);
    for (String d : deletes) {
      Path p = SiteWriter.inside(out, d);
      if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) Files.deleteIfExists(p);
      if (++step == killAt) throw new SiteWriter.SimulatedKill(step);
    }
    for (String f : folders) {
      try {
        Files.deleteIfExists(SiteWriter.inside(out, f));
      } catch (DirectoryNotEmptyException e) {
        // something was put there since: it stays
      }
      if (++step == killAt) throw new SiteWriter.SimulatedKill(step);
    }
    for (String r : renames) {
      Path from = SiteWriter.inside(tmp, r);
      Path to = SiteWriter.inside(out, r);
      if (Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectories(to.getParent());
        try {
          Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (NoSuchFileException e) {
          if (Files.exists(from, LinkOption.NOFOLLOW_LINKS)) throw e;
        }
      }
      if (++step == killAt) throw new SiteWriter.SimulatedKill(step);
    }
    Files.deleteIfExists(tmp.resolve(FILE));
  }
}
