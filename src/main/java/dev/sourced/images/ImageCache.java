package dev.sourced.images;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * The published files of each image, kept between builds so that an unchanged image (same bytes,
 * same settings) is not decoded again. An entry is a folder named by the key ({@code
 * ab/abcdef.../}) holding the files and a list of them ({@code entry.txt}: name, size and CRC-32 of
 * each, then what the page needs to know). An entry is made in a temporary folder and renamed into
 * place whole, so a build killed half-way leaves no half entry; an entry whose list is missing,
 * unreadable or disagrees with its files (a truncated or damaged file) is deleted and made again.
 *
 * <p>Without a folder ({@code --no-cache}), entries live in a temporary folder deleted when the
 * program ends.
 */
public final class ImageCache {
  static final String LIST = "entry.txt";
  private final Path root;

  private ImageCache(Path root) {
    this.root = root;
  }

  /** A cache in {@code dir}, or in a temporary folder when {@code dir} is null. */
  public static ImageCache at(Path dir) {
    if (dir != null) return new ImageCache(dir.toAbsolutePath().normalize());
    try {
      Path tmp = Files.createTempDirectory("sourced-images-");
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      deleteTree(tmp);
                    } catch (IOException ignored) {
                      // best effort on the way out
                    }
                  }));
      return new ImageCache(tmp);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path root() {
    return root;
  }

  /** A file of an entry: its name in the entry's folder, and its size and checksum. */
  record Stored(String name, long size, long crc) {}

  /** What was kept for a key: the lines after the file list, and where its files are. */
  record Entry(Path dir, List<Stored> files, List<String> info) {
    Path file(String name) {
      return dir.resolve(name);
    }
  }

  Path dir(String key) {
    return root.resolve(key.substring(0, 2)).resolve(key);
  }

  /** The entry for {@code key} if it is whole and every file checks out, else null. */
  Entry get(String key) {
    Path dir = dir(key);
    Path list = dir.resolve(LIST);
    if (!Files.isRegularFile(list)) return null;
    try {
      List<String> lines = Files.readAllLines(list, StandardCharsets.UTF_8);
      int n = Integer.parseInt(lines.get(0));
      List<Stored> files = new ArrayList<>();
      for (int i = 1; i <= n; i++) {
        String[] f = lines.get(i).split("\t");
        Stored s = new Stored(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]));
        Path p = dir.resolve(s.name());
        if (!p.normalize().startsWith(dir) || Files.size(p) != s.size() || crc(p) != s.crc()) {
          throw new IOException("damaged entry");
        }
        files.add(s);
      }
      if (!"end".equals(lines.get(lines.size() - 1))) throw new IOException("cut short");
      return new Entry(dir, files, List.copyOf(lines.subList(n + 1, lines.size() - 1)));
    } catch (IOException | RuntimeException e) {
      try {
        deleteTree(dir);
      } catch (IOException ignored) {
        // made again under a new temporary name; the next build tries the delete again
      }
      return null;
    }
  }

  /** Makes an entry: {@code maker} writes files into a new folder and returns the info lines. */
  Entry put(String key, Maker maker) throws IOException {
    Path dir = dir(key);
    Files.createDirectories(dir.getParent());
    Path tmp = dir.resolveSibling(".tmp-" + UUID.randomUUID());
    Files.createDirectory(tmp);
    try {
      List<String> info = maker.make(tmp);
      List<String> lines = new ArrayList<>();
      List<Path> made;
      try (var s = Files.list(tmp)) {
        made = s.sorted().toList();
      }
      lines.add(Integer.toString(made.size()));
      List<Stored> files = new ArrayList<>();
      for (Path p : made) {
        Stored st = new Stored(p.getFileName().toString(), Files.size(p), crc(p));
        files.add(st);
        lines.add(st.name() + "\t" + st.size() + "\t" + st.crc());
      }
      lines.addAll(info);
      lines.add("end");
      Files.write(tmp.resolve(LIST), lines, StandardCharsets.UTF_8);
      try {
        deleteTree(dir);
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, dir);
      } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
        // Another build made the same entry at the same time: theirs is as good.
        deleteTree(tmp);
      }
      return new Entry(dir, files, List.copyOf(info));
    } catch (IOException | RuntimeException | Error e) {
      deleteTree(tmp);
      throw e;
    }
  }

  /** Writes an entry's files. */
  interface Maker {
    List<String> make(Path dir) throws IOException;
  }

  static OutputStream create(Path file) throws IOException {
    return new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
  }

  private static long crc(Path p) throws IOException {
    CRC32 crc = new CRC32();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(p)) {
      for (int r = in.read(buf); r >= 0; r = in.read(buf)) crc.update(buf, 0, r);
    }
    return crc.getValue();
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) return;
    try (var s = Files.walk(root)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
