package dev.sourced.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** File-tree helpers: fingerprints for "byte-identical" checks, copies, sibling listings. */
public final class Trees {
  /** Where fixture sites live, relative to the project root (the tests' working folder). */
  public static final Path SITES = Path.of("src/test/resources/sites");

  private Trees() {}

  public static Path fixture(String name) {
    Path p = SITES.resolve(name);
    if (!Files.isDirectory(p)) throw new IllegalArgumentException("no fixture site " + p);
    return p;
  }

  /**
   * Every regular file under {@code root} (relative path with {@code /}) mapped to its SHA-256,
   * plus every folder (mapped to "dir") and link (mapped to "link:target"), so that an added,
   * removed or changed entry of any kind shows.
   */
  public static Map<String, String> fingerprint(Path root) {
    Map<String, String> out = new TreeMap<>();
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a) {
              if (!dir.equals(root)) out.put(rel(root, dir) + "/", "dir");
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes a) throws IOException {
              if (a.isSymbolicLink())
                out.put(rel(root, file), "link:" + Files.readSymbolicLink(file));
              else out.put(rel(root, file), sha256(Files.readAllBytes(file)));
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Relative paths of every regular file under {@code root}, sorted. */
  public static List<String> files(Path root) {
    try (var s = Files.walk(root)) {
      return s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .map(p -> rel(root, p))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The names in a folder, sorted (e.g. to look for leftover temporary siblings). */
  public static List<String> names(Path dir) {
    try (var s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies a folder tree (files and folders; links are copied as links). */
  public static void copy(Path from, Path to) {
    try (var s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) Files.createDirectories(target);
        else Files.copy(p, target, LinkOption.NOFOLLOW_LINKS);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes a folder tree (links are deleted, not followed). */
  public static void delete(Path root) {
    try (var s = Files.walk(root)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String rel(Path root, Path p) {
    return root.relativize(p).toString().replace('\\', '/');
  }
}
