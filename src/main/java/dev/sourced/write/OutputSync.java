package dev.sourced.write;

import dev.sourced.render.CopiedFile;
import dev.sourced.render.RenderedPage;
import dev.sourced.render.RenderedSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Keeps a folder in step with successive renders of a site (the preview server's output): writes
 * only the files whose bytes changed, each through a temporary file renamed into place so that a
 * reader never sees half a page, and deletes files that are no longer produced. Remembers what it
 * wrote, so unchanged pages cost a comparison, not a write.
 */
public final class OutputSync {
  private final Path root;
  private final Map<String, byte[]> written = new HashMap<>();
  private final Map<String, Path> copied = new HashMap<>();

  public OutputSync(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /** Writes one page of a site this folder already holds (the rest is unchanged). */
  public void write(RenderedPage p) throws IOException {
    byte[] before = written.get(p.path());
    if (before != null && Arrays.equals(before, p.bytes())) return;
    Path target = SiteWriter.inside(root, p.path(), new HashSet<>());
    Files.createDirectories(target.getParent());
    Path tmp = target.resolveSibling("." + target.getFileName() + ".sourced-part");
    Files.write(tmp, p.bytes());
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    written.put(p.path(), p.bytes());
  }

  /**
   * Writes a group of files that replace each other as a whole (a search index and its parts, named
   * by their bytes), and deletes the files of the group written before that are not in it.
   *
   * @param member whether a path written earlier belongs to the group
   */
  public void writeGroup(Predicate<String> member, List<RenderedPage> pages) throws IOException {
    Set<String> now = new HashSet<>();
    for (RenderedPage p : pages) {
      write(p);
      now.add(p.path());
    }
    for (String old : new HashSet<>(written.keySet())) {
      if (member.test(old) && !now.contains(old)) {
        Files.deleteIfExists(root.resolve(old));
        written.remove(old);
      }
    }
  }

  /**
   * @return how many files were written or deleted
   */
  public int sync(RenderedSite site) throws IOException {
    Files.createDirectories(root);
    int changes = 0;
    Set<Path> seen = new HashSet<>();
    Set<String> paths = new HashSet<>();
    for (RenderedPage p : site.pages()) {
      paths.add(p.path());
      Path target = SiteWriter.inside(root, p.path(), seen);
      byte[] before = written.get(p.path());
      if (before == p.bytes() || (before != null && Arrays.equals(before, p.bytes()))) continue;
      Files.createDirectories(target.getParent());
      Path tmp = target.resolveSibling("." + target.getFileName() + ".sourced-part");
      Files.write(tmp, p.bytes());
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      written.put(p.path(), p.bytes());
      changes++;
    }
    for (CopiedFile c : site.copies()) {
      paths.add(c.path());
      Path target = SiteWriter.inside(root, c.path(), seen);
      if (c.source().equals(copied.get(c.path()))
          && Files.exists(target)
          && Files.getLastModifiedTime(c.source()).compareTo(Files.getLastModifiedTime(target))
              <= 0) {
        continue;
      }
      Files.createDirectories(target.getParent());
      Files.copy(c.source(), target, StandardCopyOption.REPLACE_EXISTING);
      copied.put(c.path(), c.source());
      changes++;
    }
    for (String old : new HashSet<>(written.keySet())) {
      if (!paths.contains(old)) {
        Files.deleteIfExists(root.resolve(old));
        written.remove(old);
        changes++;
      }
    }
    // A copied file no longer produced (a deleted static or bundle file) goes too.
    for (String old : new HashSet<>(copied.keySet())) {
      if (!paths.contains(old)) {
        Files.deleteIfExists(root.resolve(old));
        copied.remove(old);
        changes++;
      }
    }
    return changes;
  }
}
