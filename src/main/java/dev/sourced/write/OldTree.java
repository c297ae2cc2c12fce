package dev.sourced.write;

import dev.sourced.concurrent.Workers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Future;

/**
 * The files and folders of the site a build replaces, listed on a thread of its own while the build
 * renders, so that an in-place commit knows what the new site no longer has (a removed article's
 * page, a file put there by hand): a clean build would not have it, so it goes.
 *
 * <p>A tree holding anything but plain files and folders (a symbolic link put there by hand) is not
 * {@link #plain}: it is replaced whole, so that no rename ever goes through a link.
 */
record OldTree(List<String> files, List<String> folders, boolean plain) {

  static Future<OldTree> list(Path out) {
    return Workers.background("sourced-old-site", () -> walk(out));
  }

  private static OldTree walk(Path out) throws IOException {
    List<String> files = new ArrayList<>();
    List<String> folders = new ArrayList<>();
    boolean[] plain = {true};
    Files.walkFileTree(
        out,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a) {
            if (!dir.equals(out)) folders.add(rel(out, dir));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
            files.add(rel(out, file));
            if (!a.isRegularFile()) plain[0] = false;
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    return new OldTree(files, folders, plain[0]);
  }

  private static String rel(Path root, Path p) {
    return root.relativize(p).toString().replace('\\', '/');
  }

  /**
   * The journal that turns this tree into the new site: the old files the new site does not have
   * are deleted, the folders none of its files is in are removed (deepest first), and the files
   * written anew are renamed into place (in path order).
   */
  Journal journal(Set<String> written, Set<String> unchanged) {
    Set<String> needed = new HashSet<>();
    for (Set<String> paths : List.of(written, unchanged)) {
      for (String p : paths) {
        for (int i = p.lastIndexOf('/'); i > 0; i = p.lastIndexOf('/', i - 1)) {
          if (!needed.add(p.substring(0, i))) break;
        }
      }
    }
    List<String> deletes = new ArrayList<>();
    for (String f : files) {
      if (!written.contains(f) && !unchanged.contains(f)) deletes.add(f);
    }
    List<String> gone = new ArrayList<>();
    for (String d : folders) if (!needed.contains(d)) gone.add(d);
    gone.sort(Comparator.comparing(String::toString).reversed());
    List<String> renames = new ArrayList<>(written);
    renames.sort(null);
    return new Journal(deletes, gone, renames);
  }
}
