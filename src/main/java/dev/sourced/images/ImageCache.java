package dev.sourced.images;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;

/**
 * The published files of each image, kept between builds so that an unchanged image (same bytes,
 * same settings) is not decoded again. An entry is a folder named by the key ({@code
 * ab/abcdef.../}) holding the files and a list of them ({@code entry.txt}: name, size and CRC-32 of
 * each, then what the page needs to know). An entry is made in a temporary folder and renamed into
 * place whole, so a build killed half-way leaves no half entry; an entry whose list is missing,
 * unreadable or disagrees with its files (a file missing or of another size) is deleted and made
 * again.
 *
 * <p>A file's bytes are checked against its CRC-32 only when they are about to be published ({@link
 * #intact}): a second build whose output folder still holds every copy, untouched since the build
 * before wrote it, reads none of them. A damaged file is found the first time it is needed, and its
 * entry made again then.
 *
 * <p>The cache is bounded: an entry's folder has the time it was last used (set on every use), and
 * after each build {@link #prune} removes the entries that build did not use once they are unused
 * for {@link #MAX_AGE}, or sooner, oldest first, while unused entries take more room than the used
 * ones do (or than {@link #MIN_BUDGET}, if that is more); an entry used in the last hour is kept
 * either way, since another build of the same site may be about to copy it. Half-made entries of a
 * build that was killed ({@code .tmp-*}) go after an hour.
 *
 * <p>Without a folder ({@code --no-cache}), entries live in a temporary folder deleted when the
 * program ends.
 */
public final class ImageCache {
  static final String LIST = "entry.txt";

  /** How long an entry no build uses is kept. */
  static final Duration MAX_AGE = Duration.ofDays(30);

  /** The room unused entries may take however little the used ones take: 100 MB. */
  static final long MIN_BUDGET = 100L << 20;

  private static final Duration RECENT = Duration.ofHours(1);

  private final Path root;
  private final boolean temporary;

  /** The keys used since the last {@link #prune}. */
  private final Set<String> used = ConcurrentHashMap.newKeySet();

  private ImageCache(Path root, boolean temporary) {
    this.root = root;
    this.temporary = temporary;
  }

  /** A cache in {@code dir}, or in a temporary folder when {@code dir} is null. */
  public static ImageCache at(Path dir) {
    if (dir != null) return new ImageCache(dir.toAbsolutePath().normalize(), false);
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
      return new ImageCache(tmp, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path root() {
    return root;
  }

  /** A file of an entry: its name in the entry's folder, and its size and checksum. */
  record Stored(String name, long size, long crc) {}

  /**
   * What was kept for a key: the lines after the file list, and where its files are; {@code made}
   * when this build wrote the files (so their checksums are theirs), false when they were found.
   */
  record Entry(Path dir, List<Stored> files, List<String> info, boolean made) {
    Path file(String name) {
      return dir.resolve(name);
    }

    /** The file named {@code name} in the list, or null. */
    Stored stored(String name) {
      for (Stored s : files) if (s.name().equals(name)) return s;
      return null;
    }
  }

  /** How many files' bytes were read to check them (a second build should read none). */
  private final AtomicInteger checked = new AtomicInteger();

  Path dir(String key) {
    return root.resolve(key.substring(0, 2)).resolve(key);
  }

  /** Whether an entry for {@code key} is in place (not yet whether its files check out). */
  boolean has(String key) {
    return Files.isRegularFile(dir(key).resolve(LIST));
  }

  /**
   * The entry for {@code key} if it is whole and every file is there at its size, else null (and a
   * damaged entry is deleted). The bytes are checked later, by {@link #intact}, if they are needed.
   */
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
        if (!p.normalize().startsWith(dir) || Files.size(p) != s.size()) {
          throw new IOException("damaged entry");
        }
        files.add(s);
      }
      if (!"end".equals(lines.get(lines.size() - 1))) throw new IOException("cut short");
      used(key, dir);
      return new Entry(dir, files, List.copyOf(lines.subList(n + 1, lines.size() - 1)), false);
    } catch (IOException | RuntimeException e) {
      discard(key);
      return null;
    }
  }

  /**
   * Whether the bytes of {@code file} of {@code entry} are the ones its list names: read and summed
   * for an entry found in the cache, taken as they are for one this build made.
   */
  boolean intact(Entry entry, Stored file) {
    if (entry.made()) return true;
    checked.incrementAndGet();
    Path p = entry.file(file.name());
    try {
      return Files.size(p) == file.size() && crc(p) == file.crc();
    } catch (IOException e) {
      return false;
    }
  }

  /** How many files {@link #intact} read (for tests). */
  int filesChecked() {
    return checked.get();
  }

  /** Deletes the entry for {@code key}, found damaged, so that it is made again. */
  void discard(String key) {
    try {
      deleteTree(dir(key));
    } catch (IOException ignored) {
      // made again under a new temporary name; the next build tries the delete again
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
      } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
        // Another build made the same entry at the same time: theirs is as good.
        deleteTree(tmp);
      }
      used(key, dir);
      return new Entry(dir, files, List.copyOf(info), true);
    } catch (IOException | RuntimeException | Error e) {
      deleteTree(tmp);
      throw e;
    }
  }

  /** Notes that this build uses an entry, and when: its folder's time is its last use. */
  private void used(String key, Path dir) {
    used.add(key);
    try {
      Files.setLastModifiedTime(dir, FileTime.from(Instant.now()));
    } catch (IOException e) {
      // Only the pruning order depends on it.
    }
  }

  /** What {@link #prune} removed. */
  record Pruned(int entries, long bytes) {}

  /**
   * Removes what the build that just ended did not use, as the class comment says; the next build
   * starts a new list of used entries. Nothing is removed from a temporary cache (it goes whole).
   */
  Pruned prune() throws IOException {
    if (temporary) {
      used.clear();
      return new Pruned(0, 0);
    }
    return prune(Instant.now(), MAX_AGE, MIN_BUDGET);
  }

  /** {@link #prune()} at time {@code now}, with the age and budget given (for tests). */
  Pruned prune(Instant now, Duration maxAge, long minBudget) throws IOException {
    if (!Files.isDirectory(root)) {
      used.clear();
      return new Pruned(0, 0);
    }
    record Unused(Path dir, Instant lastUse, long bytes) {}
    List<Unused> unused = new ArrayList<>();
    long usedBytes = 0;
    int removed = 0;
    long removedBytes = 0;
    List<Path> prefixes;
    try (var s = Files.list(root)) {
      prefixes = s.filter(Files::isDirectory).sorted().toList();
    }
    for (Path prefix : prefixes) {
      List<Path> dirs;
      try (var s = Files.list(prefix)) {
        dirs = s.filter(Files::isDirectory).sorted().toList();
      }
      for (Path dir : dirs) {
        String name = dir.getFileName().toString();
        Instant last = Files.getLastModifiedTime(dir).toInstant();
        long bytes = size(dir);
        if (name.startsWith(".tmp-")) {
          if (last.isBefore(now.minus(RECENT))) {
            deleteTree(dir);
            removed++;
            removedBytes += bytes;
          }
        } else if (used.contains(name)) {
          usedBytes += bytes;
        } else {
          unused.add(new Unused(dir, last, bytes));
        }
      }
    }
    unused.sort(Comparator.comparing(Unused::lastUse).thenComparing(Unused::dir));
    long budget = Math.max(usedBytes, minBudget);
    long unusedBytes = unused.stream().mapToLong(Unused::bytes).sum();
    for (Unused u : unused) {
      boolean old = u.lastUse().isBefore(now.minus(maxAge));
      boolean over = unusedBytes > budget && u.lastUse().isBefore(now.minus(RECENT));
      if (!old && !over) continue;
      deleteTree(u.dir());
      unusedBytes -= u.bytes();
      removed++;
      removedBytes += u.bytes();
    }
    for (Path prefix : prefixes) {
      try (var s = Files.list(prefix)) {
        if (s.findAny().isEmpty()) Files.deleteIfExists(prefix);
      } catch (IOException e) {
        // another build is filling it
      }
    }
    used.clear();
    return new Pruned(removed, removedBytes);
  }

  private static long size(Path dir) throws IOException {
    long total = 0;
    try (var s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) total += Files.size(p);
    }
    return total;
  }

  /** Writes an entry's files. */
  interface Maker {
    List<String> make(Path dir) throws IOException;
  }

  static OutputStream create(Path file) throws IOException {
    return new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
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
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
