package dev.sourced.cache;

import dev.sourced.concurrent.Workers;
import dev.sourced.diag.Diagnostic;
import dev.sourced.write.FileStamp;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * The record of the last build that wrote its site with the build cache ({@code build.bin}): what
 * it was asked (the source and output folders, --strict, the date warnings are measured from), a
 * look at every file and folder the site is made of (sourced.yaml, content/, templates/, i18n/,
 * static/) taken before it read any of them, a look at every file and folder of the site it wrote,
 * taken once the site was in place, and what it said (its diagnostics and the counts of its summary
 * line). The tool build is the envelope's ({@link CacheFile}).
 *
 * <p>When a new build is asked the same, and every input and output looks as recorded, it would
 * make exactly the files that are there and say exactly what the last one said: it says so and
 * stops, without parsing, resolving or rendering anything.
 *
 * <p>A look at a file is its size, modification time (to the nanosecond), change time and file key
 * (device and inode); at a folder, the same (its modification time moves whenever an entry is
 * added, removed or renamed in it, so an unchanged folder holds the same names). As in git's index,
 * a look is only trusted when the file's times are older than the look by more than the file
 * system's clock tick ({@link KnownFiles#TICK_MILLIS}): an edit within one tick could leave the
 * same times. For such a "racy" file the record holds a checksum of its bytes (for a folder, of its
 * names), and the next build compares that too. Any symbolic link among the inputs, and any input
 * that cannot be looked at, leaves no record: the next build takes the whole way.
 *
 * <p>A build that changes a few files of the site in place records a patch beside the record
 * ({@code build-patch.bin}; see {@link #recordPatch}) rather than the whole record again. The
 * record is written under a random generation, which its patch names: a patch left beside a newer
 * record (by a build killed before it deleted it) is never applied.
 */
public final class LastBuild {
  static final String FILE = "build.bin";
  static final String KIND = "build";
  static final String PATCH = "build-patch.bin";
  static final String PATCH_KIND = "build-patch";

  /**
   * What the build said: its diagnostics, sorted as printed, the notes about the site (not about
   * the cache or the run), and its summary line's counts.
   */
  public record Said(
      List<Diagnostic> diagnostics,
      List<String> notes,
      int pages,
      int dated,
      int files,
      int facts,
      int claims) {}

  /**
   * A file or folder as looked at: a checksum of its bytes (a folder's: of its names) only when its
   * times were within a tick of the look.
   */
  record Seen(
      String path,
      boolean folder,
      long size,
      long modified,
      long changed,
      String key,
      String check) {
    boolean sameStamp(Seen o) {
      return folder == o.folder
          && size == o.size
          && modified == o.modified
          && changed == o.changed
          && Objects.equals(key, o.key);
    }
  }

  /** A look at a tree of files: every entry by its path relative to the root. */
  public static final class Look {
    final Path root;
    final List<Seen> entries;

    private Look(Path root, List<Seen> entries) {
      this.root = root;
      this.entries = entries;
    }
  }

  private LastBuild() {}

  /** The names of the site folder's entries a build reads: sourced.yaml and four folders. */
  static final List<String> INPUTS =
      List.of("sourced.yaml", "content", "templates", "i18n", "static");

  /**
   * Looks at every input of the site in {@code source}, or returns null when the look cannot vouch
   * for them: a link among them, a file that vanished while looked at, or the output or cache
   * folder inside one of them.
   */
  public static Look inputs(Path source, Path output, Path cache) {
    Path root = source.toAbsolutePath().normalize();
    Path out = output.toAbsolutePath().normalize();
    Path cached = cache.toAbsolutePath().normalize();
    long at = System.currentTimeMillis();
    List<Seen> seen = new ArrayList<>();
    try {
      for (String name : INPUTS) {
        Path p = root.resolve(name);
        if (out.startsWith(p) || cached.startsWith(p)) return null;
        BasicFileAttributes a;
        try {
          a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
          continue;
        }
        if (!a.isDirectory()) {
          Seen s = look(name, p, at);
          if (s == null) return null;
          seen.add(s);
          continue;
        }
        // Folder by folder: each one's entries listed by name, then looked at on every worker
        // (each file is looked at once: a walk of the tree looked at every file twice, once to
        // walk it and once for the stamp).
        int cut = root.toString().length() + (root.toString().endsWith("/") ? 0 : 1);
        Seen top = look(name, p, at);
        if (top == null) return null;
        seen.add(top);
        List<Path> folders = List.of(p);
        while (!folders.isEmpty()) {
          List<Path> entries = new ArrayList<>();
          for (Path folder : folders) {
            try (DirectoryStream<Path> in = Files.newDirectoryStream(folder)) {
              for (Path e : in) entries.add(e);
            }
          }
          // Each path relative to the site by cutting its text (Path.relativize took most of the
          // look's time at 10,000 articles).
          List<Seen> looked =
              Workers.map(
                  entries.size(),
                  i -> {
                    Path q = entries.get(i);
                    return look(q.toString().substring(cut).replace('\\', '/'), q, at);
                  });
          List<Path> next = new ArrayList<>();
          for (int i = 0; i < looked.size(); i++) {
            Seen s = looked.get(i);
            // Neither a file nor a folder (a link): the inputs are not plain files.
            if (s == null) return null;
            seen.add(s);
            if (s.folder()) next.add(entries.get(i));
          }
          folders = next;
        }
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    seen.sort((x, y) -> x.path().compareTo(y.path()));
    return new Look(root, seen);
  }

  /**
   * Looks at the site a build wrote into {@code output}: its files as the build stamped them once
   * they were in place (every file of the site, by its path relative to the folder), and every
   * folder holding them; null when one of them cannot be looked at. A file is read again only when
   * it was written within a tick of this look, for a checksum of its bytes.
   */
  public static Look outputs(Path output, Map<String, FileStamp> files) {
    Path root = output.toAbsolutePath().normalize();
    // In no order: an output is compared with its own look alone (see compare), and putting some
    // 50,000 paths in order took about 0.15 s of a build that changed one article.
    Set<String> all = new HashSet<>(files.size() * 2);
    all.add("");
    for (String f : files.keySet()) {
      all.add(f);
      for (int i = f.lastIndexOf('/'); i > 0; i = f.lastIndexOf('/', i - 1)) {
        if (!all.add(f.substring(0, i))) break;
      }
    }
    List<String> paths = new ArrayList<>(all);
    long at = System.currentTimeMillis();
    List<Seen> seen =
        Workers.map(
            paths.size(),
            i -> {
              String rel = paths.get(i);
              Path p = rel.isEmpty() ? root : root.resolve(rel);
              FileStamp stamp = files.get(rel);
              if (stamp == null) return lookAtOutput(rel, p, at);
              try {
                return seenFile(root, rel, stamp, at);
              } catch (IOException e) {
                return null;
              }
            });
    for (Seen s : seen) if (s == null) return null;
    return new Look(root, seen);
  }

  /**
   * Looks at one input (null when it is gone or is neither a plain file nor a folder), with its
   * change time: an input rewritten with its old modification time put back still shows.
   */
  private static Seen look(String rel, Path p, long at) {
    try {
      Map<String, Object> a =
          Files.readAttributes(
              p,
              "unix:size,lastModifiedTime,ctime,ino,dev,isDirectory,isRegularFile",
              LinkOption.NOFOLLOW_LINKS);
      boolean folder = (Boolean) a.get("isDirectory");
      if (!folder && !(Boolean) a.get("isRegularFile")) return null;
      long modified = ((FileTime) a.get("lastModifiedTime")).to(TimeUnit.NANOSECONDS);
      long changed = ((FileTime) a.get("ctime")).to(TimeUnit.NANOSECONDS);
      return seen(
          rel,
          p,
          at,
          folder,
          folder ? 0 : (Long) a.get("size"),
          modified,
          changed,
          a.get("dev") + ":" + a.get("ino"));
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Looks at one output as {@link dev.sourced.write.FileStamp} does (size, modification time, file
   * key), or null: only a build writes there, and it replaces what it changes.
   */
  private static Seen lookAtOutput(String rel, Path p, long at) {
    try {
      BasicFileAttributes a =
          Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!a.isDirectory() && !a.isRegularFile()) return null;
      Object k = a.fileKey();
      return seen(
          rel,
          p,
          at,
          a.isDirectory(),
          a.isDirectory() ? 0 : a.size(),
          a.lastModifiedTime().to(TimeUnit.NANOSECONDS),
          0,
          k == null ? null : k.toString());
    } catch (IOException e) {
      return null;
    }
  }

  /** The look at an output file as its writer stamped it. */
  private static Seen seenFile(Path root, String rel, FileStamp stamp, long at) throws IOException {
    return seen(
        rel, root.resolve(rel), at, false, stamp.size(), stamp.modifiedNanos(), 0, stamp.key());
  }

  private static Seen seen(
      String rel,
      Path p,
      long at,
      boolean folder,
      long size,
      long modified,
      long changed,
      String key)
      throws IOException {
    long trusted = TimeUnit.MILLISECONDS.toNanos(at - KnownFiles.TICK_MILLIS);
    String check = modified > trusted || changed > trusted ? check(p, folder) : null;
    return new Seen(rel, folder, size, modified, changed, key, check);
  }

  /**
   * A check of a file's bytes, or of a folder's sorted names: their length, CRC-32C and CRC-32. It
   * tells whether an entry was changed within a tick of a look, by an edit rather than by design
   * (nothing is named or kept by it), so two checksums the processor computes in hardware stand in
   * for a cryptographic hash: SHA-256 took a third of a second for the 60 MB of exports that a
   * 10,000-article site writes last, once when the build looked at its site and again when the next
   * build compared it.
   */
  private static String check(Path p, boolean folder) throws IOException {
    CRC32C c = new CRC32C();
    CRC32 d = new CRC32();
    long length = 0;
    if (folder) {
      TreeSet<String> names = new TreeSet<>();
      try (DirectoryStream<Path> s = Files.newDirectoryStream(p)) {
        for (Path e : s) names.add(e.getFileName().toString());
      }
      byte[] b = String.join("/", names).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      c.update(b);
      d.update(b);
      length = b.length;
    } else {
      try (InputStream in = Files.newInputStream(p)) {
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0; ) {
          c.update(buf, 0, n);
          d.update(buf, 0, n);
          length += n;
        }
      }
    }
    return Long.toHexString(length)
        + ":"
        + Long.toHexString(c.getValue())
        + ":"
        + Long.toHexString(d.getValue());
  }

  /**
   * The inputs whose look differs from {@code was} (their stamps, or their bytes for those recorded
   * within a tick of their look), in path order; null when the files and folders are not the same
   * ones (one added, removed, or a file now a folder). The inputs are walked whole, so a folder's
   * own stamp is not needed to see what it holds.
   */
  private static List<String> changed(List<Seen> was, Look now) {
    if (was.size() != now.entries.size()) return null;
    for (int i = 0; i < was.size(); i++) {
      Seen w = was.get(i);
      Seen n = now.entries.get(i);
      if (!w.path().equals(n.path()) || w.folder() != n.folder()) return null;
    }
    List<Boolean> same =
        Workers.map(
            was.size(),
            i -> {
              Seen w = was.get(i);
              Seen n = now.entries.get(i);
              if (w.folder()) return true;
              if (!w.sameStamp(n)) return false;
              if (w.check() == null) return true;
              if (n.check() != null) return w.check().equals(n.check());
              try {
                return w.check().equals(check(now.root.resolve(w.path()), false));
              } catch (IOException e) {
                return false;
              }
            });
    List<String> out = new ArrayList<>();
    for (int i = 0; i < was.size(); i++) if (!same.get(i)) out.add(was.get(i).path());
    return out;
  }

  /**
   * What comparing a build with the last one gave: what the last build said, when nothing changed
   * since (else null), and the inputs that changed, when the site is made of the same files (else
   * null); when nothing changed and entries the record could only vouch for by their bytes are now
   * old enough to be trusted by their stamps, the site's files as looked at now, to record again
   * (else null).
   */
  public record Compared(
      Said said, List<String> changedInputs, Look refreshedOutputs, Recorded recorded) {
    Compared(Said said, List<String> changedInputs) {
      this(said, changedInputs, null, null);
    }
  }

  /**
   * What the last build left, asked for when some inputs changed (see {@link #compare}): what it
   * said, and the stamp of every file of its site, by path; the patch of the record read (all of it
   * decoded on a thread of its own while the build that asked goes on, and waited for when asked).
   * Whether every file of its site is still there as it wrote it is being found out meanwhile too
   * ({@link #whole}): a build that changes the site in place asks before it writes.
   */
  public static final class Recorded {
    private final Read read;
    private final Path root;
    private final Future<List<Seen>> looking;
    private final AtomicBoolean dismissed;
    private Map<String, FileStamp> files;

    Recorded(Read read, Path root, Future<List<Seen>> looking, AtomicBoolean dismissed) {
      this.read = read;
      this.root = root;
      this.looking = looking;
      this.dismissed = dismissed;
    }

    /** A record of nothing looked at, for the patch of {@code generation} alone (tests). */
    static Recorded of(String generation) {
      Rest rest =
          new Rest(List.of(), null, new Patch(generation, Map.of(), Set.of(), 0, Set.of()), null);
      return new Recorded(
          new Read(null, List.of(), CompletableFuture.completedFuture(rest), null),
          null,
          CompletableFuture.completedFuture(List.of()),
          new AtomicBoolean());
    }

    /**
     * Whether the rest of the record could be decoded (it always can, unless the tool that wrote it
     * had a fault: the file's checksum held); waits for it. A build asks before it uses it.
     */
    public boolean readable() {
      try {
        read.decoded();
        return true;
      } catch (Unusable e) {
        return false;
      }
    }

    private Rest rest() {
      try {
        return read.decoded();
      } catch (Unusable e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    }

    /**
     * Stops the look at the site: the build that asked takes the whole way, which looks at nothing
     * of the site the record names.
     */
    public void dismiss() {
      dismissed.set(true);
    }

    public Said said() {
      return rest().said();
    }

    /** The stamp of every file of the last build's site, by path. */
    public synchronized Map<String, FileStamp> files() {
      if (files == null) {
        List<Seen> outputs = rest().outputs();
        files = new HashMap<>(outputs.size() * 2);
        for (Seen w : outputs) {
          if (!w.folder()) files.put(w.path(), new FileStamp(w.size(), w.modified(), w.key()));
        }
      }
      return files;
    }

    Patch patch() {
      return rest().patch();
    }

    /**
     * Whether every file and folder of the site is there as the last build left it (waits for the
     * look at them): anything else, and the site is not the one recorded.
     */
    public boolean whole() throws IOException {
      return Workers.join(looking) != null;
    }

    /** The site as looked at now; only for a site found {@link #whole}. */
    Look site() throws IOException {
      List<Seen> now = Workers.join(looking);
      if (now == null) throw new IllegalStateException("the site is not as recorded");
      return new Look(root, now);
    }

    /**
     * The entries the record vouched for by their bytes that are now old enough to be trusted by
     * their stamps (the large files a whole build wrote last, whose bytes every later build would
     * read again): recorded so by the patch of this build.
     */
    List<Seen> trustedNow() throws IOException {
      List<Seen> now = site().entries;
      List<Seen> outputs = rest().outputs();
      List<Seen> trusted = new ArrayList<>();
      for (int i = 0; i < outputs.size(); i++) {
        if (outputs.get(i).check() != null && now.get(i).check() == null) trusted.add(now.get(i));
      }
      return trusted;
    }
  }

  /**
   * What {@code build-patch.bin} held beside the record it patches: the entries of the site looked
   * at again since that record was written (changed, added, or folders holding a change), by path,
   * and the files gone since; the files whose diagnostics it holds in place of the record's; with
   * the record's generation and its count of entries.
   */
  public record Patch(
      String generation,
      Map<String, Seen> changed,
      Set<String> gone,
      int entries,
      Set<String> saidOf) {}

  /** The folders holding some files, by path ("" for the site's own), and the site's. */
  private static Set<String> folders(Collection<String> files, Collection<String> more) {
    Set<String> folders = new HashSet<>();
    folders.add("");
    for (Collection<String> paths : List.of(files, more)) {
      for (String f : paths) {
        for (int i = f.lastIndexOf('/'); i > 0; i = f.lastIndexOf('/', i - 1)) {
          folders.add(f.substring(0, i));
        }
      }
    }
    return folders;
  }

  /**
   * The look at a site after a build changed some of its files in place: {@code was}, the look at
   * it before, with the files of {@code changed} (by path, with their stamps now: new ones, or old
   * ones kept) and the folders holding them or {@code gone} looked at again, and the files gone
   * left out; null when one of them cannot be looked at.
   */
  public static Look patched(Look was, Map<String, FileStamp> changed, Collection<String> gone) {
    Path root = was.root;
    Set<String> goneFiles = new HashSet<>(gone);
    Set<String> folders = folders(changed.keySet(), gone);
    long at = System.currentTimeMillis();
    List<Seen> out = new ArrayList<>(was.entries.size() + changed.size());
    Set<String> present = new HashSet<>();
    try {
      for (Seen s : was.entries) {
        String path = s.path();
        if (goneFiles.contains(path)) continue;
        present.add(path);
        FileStamp stamp = s.folder() ? null : changed.get(path);
        if (s.folder() && folders.contains(path)) {
          Seen n = lookAtOutput(path, path.isEmpty() ? root : root.resolve(path), at);
          if (n == null) return null;
          out.add(n);
        } else if (stamp != null
            && !(stamp.size() == s.size()
                && stamp.modifiedNanos() == s.modified()
                && java.util.Objects.equals(stamp.key(), s.key()))) {
          out.add(seenFile(root, path, stamp, at));
        } else {
          out.add(s);
        }
      }
      for (var e : changed.entrySet()) {
        if (present.contains(e.getKey())) continue;
        FileStamp stamp = e.getValue();
        out.add(seenFile(root, e.getKey(), stamp, at));
        present.add(e.getKey());
      }
      for (String f : folders) {
        if (present.contains(f)) continue;
        Seen n = lookAtOutput(f, f.isEmpty() ? root : root.resolve(f), at);
        if (n == null) return null;
        out.add(n);
      }
    } catch (IOException e) {
      return null;
    }
    return new Look(root, out);
  }

  /**
   * The record and its patch as read, before anything is compared with them (see {@link #compare}):
   * null when there is none or it was forgotten; the reason when it cannot be used.
   */
  record Read(String request, List<Seen> inputs, Future<Rest> rest, Unusable unusable) {
    /** The rest of the record (see {@link Rest}), once decoded; why it cannot be used. */
    Rest decoded() throws Unusable {
      Rest r;
      try {
        r = Workers.join(rest);
      } catch (IOException | RuntimeException e) {
        throw new Unusable(FILE + " cannot be read (" + e + ")");
      }
      if (r.unusable() != null) throw r.unusable();
      return r;
    }
  }

  /**
   * What the record holds besides what the build was asked and its inputs: the site's files, what
   * the build said, and the patch applied. Decoded on a thread of its own while the inputs are
   * compared (most of the record's 12 MB at 10,000 articles is this): a build after an edit wants
   * it only later.
   */
  record Rest(List<Seen> outputs, Said said, Patch patch, Unusable unusable) {}

  /** Reads the record of the last build and applies its patch; it never throws. */
  static Read read(Path dir) {
    CacheFile.Bytes bytes;
    CacheFile.Bytes patchBytes;
    try {
      bytes = CacheFile.read(dir.resolve(FILE), KIND);
      patchBytes = bytes == null ? null : CacheFile.read(dir.resolve(PATCH), PATCH_KIND);
    } catch (CacheFile.Unusable e) {
      return unusable(new Unusable(e.getMessage()));
    } catch (IOException e) {
      return unusable(new Unusable(FILE + " cannot be read (" + e + ")"));
    }
    if (bytes == null) return null;
    try {
      DataInputStream in = new DataInputStream(bytes);
      String generation = RecordCodec.readString(in);
      // What the build was asked and its inputs come first, the patch's when it patches this
      // record: all that comparing a build with the record needs at once.
      String request = RecordCodec.readString(in);
      List<Seen> inputs = readSeen(in);
      DataInputStream patchIn = null;
      if (patchBytes != null) {
        DataInputStream p = new DataInputStream(patchBytes);
        if (RecordCodec.readString(p).equals(generation)) {
          // A patch that says the record was forgotten: a build was changing the site.
          if (!p.readBoolean()) return null;
          request = RecordCodec.readString(p);
          inputs = readSeen(p);
          patchIn = p;
        }
      }
      DataInputStream patched = patchIn;
      Future<Rest> rest =
          Workers.background("sourced-record-rest", () -> readRest(in, patched, generation));
      return new Read(request, inputs, rest, null);
    } catch (IOException | RuntimeException e) {
      return unusable(new Unusable(FILE + " cannot be read (" + e + ")"));
    }
  }

  /** The rest of the record after its inputs, and of its patch ({@code patch}, or null). */
  private static Rest readRest(DataInputStream in, DataInputStream patch, String generation) {
    try {
      List<Seen> outputs = readSeen(in);
      Said said = (Said) CODEC.read(in, Said.class);
      Patch applied = new Patch(generation, Map.of(), Set.of(), outputs.size(), Set.of());
      if (patch != null) {
        Map<String, Seen> changedEntries = new HashMap<>();
        for (Seen e : readSeen(patch)) changedEntries.put(e.path(), e);
        Set<String> gone = new HashSet<>(RecordCodec.readStrings(patch));
        Set<String> saidOf = new HashSet<>(RecordCodec.readStrings(patch));
        Said saidSince = (Said) CODEC.read(patch, Said.class);
        said = patchedSaid(said, saidOf, saidSince);
        applied = new Patch(generation, changedEntries, gone, outputs.size(), saidOf);
        List<Seen> kept = new ArrayList<>(outputs.size() + changedEntries.size());
        for (Seen e : outputs) {
          if (!changedEntries.containsKey(e.path()) && !gone.contains(e.path())) kept.add(e);
        }
        kept.addAll(changedEntries.values());
        outputs = kept;
      }
      return new Rest(outputs, said, applied, null);
    } catch (IOException | RuntimeException e) {
      return new Rest(null, null, null, new Unusable(FILE + " cannot be read (" + e + ")"));
    }
  }

  private static Read unusable(Unusable why) {
    return new Read(null, null, null, why);
  }

  /**
   * Compares a build asked {@code request}, whose inputs look as {@code inputs} does, with the last
   * build's record as {@link #read}: nothing changed when every input looks as it did and the site
   * it wrote into {@code output} is there as it left it. When some inputs changed and {@code
   * wanted} accepts them, what it left is given ({@link Compared#recorded}), and the site it wrote
   * is looked at meanwhile, on a thread of its own: the build that asked learns whether every file
   * of it is there as it wrote it before it writes ({@link Recorded#whole}), and has not waited for
   * tens of thousands of files to be looked at before it began.
   */
  static Compared compare(
      Read read, String request, Look inputs, Path output, Predicate<List<String>> wanted)
      throws Unusable {
    Compared none = new Compared(null, null);
    if (read != null && read.unusable() != null) throw read.unusable();
    if (inputs == null || read == null) return none;
    try {
      if (!read.request().equals(request)) return none;
      List<Seen> recordedInputs = read.inputs();
      List<String> changed = changed(recordedInputs, inputs);
      if (changed == null) return none;
      if (!changed.isEmpty() && !wanted.test(changed)) return new Compared(null, changed);
      Path root = output.toAbsolutePath().normalize();
      if (!changed.isEmpty()) {
        // The site is looked at on a thread of its own while the build that asked goes on: it
        // asks whether the site is whole before it writes (see Recorded#whole).
        AtomicBoolean dismissed = new AtomicBoolean();
        var looking =
            Workers.background(
                "sourced-site-look",
                () -> {
                  try {
                    return lookAtOutputs(root, read.decoded().outputs(), dismissed);
                  } catch (Unusable | RuntimeException e) {
                    return null;
                  }
                });
        return new Compared(null, changed, null, new Recorded(read, root, looking, dismissed));
      }
      Rest rest = read.decoded();
      List<Seen> outputs = rest.outputs();
      Said said = rest.said();
      List<Seen> now = lookAtOutputs(root, outputs, new AtomicBoolean());
      if (now == null) return new Compared(null, changed);
      // As git refreshes its index: entries recorded within a tick of the last look were compared
      // by their bytes just now; those whose times are now older than a tick can be trusted by
      // their stamps, so the record is written again without their hashes, and the next build
      // reads none of them (a site written just before its look is otherwise read whole by every
      // build that finds nothing changed).
      boolean trustedNow = false;
      for (int i = 0; i < outputs.size() && !trustedNow; i++) {
        trustedNow = outputs.get(i).check() != null && now.get(i).check() == null;
      }
      for (int i = 0; i < recordedInputs.size() && !trustedNow; i++) {
        trustedNow = recordedInputs.get(i).check() != null && inputs.entries.get(i).check() == null;
      }
      return new Compared(said, changed, trustedNow ? new Look(root, now) : null, null);
    } catch (RuntimeException e) {
      throw new Unusable(FILE + " cannot be read (" + e + ")");
    }
  }

  /**
   * Each output of the record as it looks now, in the record's order; null when one is not as
   * recorded (gone, or changed since), or once {@code dismissed}.
   */
  private static List<Seen> lookAtOutputs(Path root, List<Seen> outputs, AtomicBoolean dismissed) {
    long at = System.currentTimeMillis();
    List<Seen> now =
        Workers.map(
            outputs.size(),
            i -> {
              if (dismissed.get()) return null;
              Seen w = outputs.get(i);
              Path p = w.path().isEmpty() ? root : root.resolve(w.path());
              try {
                Seen n = lookAtOutput(w.path(), p, at);
                if (n == null || !w.sameStamp(n)) return null;
                boolean same =
                    w.check() == null
                        || w.check().equals(n.check() != null ? n.check() : check(p, w.folder()));
                return same ? n : null;
              } catch (IOException e) {
                return null;
              }
            });
    return now.contains(null) ? null : now;
  }

  /** Why the record cannot be used (noted; the build takes the whole way). */
  static final class Unusable extends Exception {
    Unusable(String why) {
      super(why);
    }
  }

  /**
   * Records a build that wrote its site: what it was asked, its looks, what it said; under a new
   * generation, so that a patch of the record before (see {@link #recordPatch}) is never applied to
   * it.
   */
  static void record(Path dir, String request, Look inputs, Look outputs, Said said)
      throws IOException {
    String generation = UUID.randomUUID().toString();
    CacheFile.write(
        dir.resolve(FILE),
        KIND,
        out -> {
          RecordCodec.writeString(out, generation);
          writeHead(out, request, inputs);
          writeSeen(out, outputs.entries);
          CODEC.write(out, Said.class, said);
        });
    Files.deleteIfExists(dir.resolve(PATCH));
  }

  private static void writeHead(java.io.DataOutputStream out, String request, Look inputs)
      throws IOException {
    RecordCodec.writeString(out, request);
    writeSeen(out, inputs.entries);
  }

  /**
   * What a patched build said: what the record says, but of the files {@code saidOf}, what the
   * patch says ({@code since}, with the summary's counts), in the order printed.
   */
  private static Said patchedSaid(Said recorded, Set<String> saidOf, Said since) {
    List<Diagnostic> all = new ArrayList<>(recorded.diagnostics().size());
    for (Diagnostic d : recorded.diagnostics()) {
      if (!saidOf.contains(d.position().path())) all.add(d);
    }
    all.addAll(since.diagnostics());
    all.sort(null);
    return new Said(
        all,
        since.notes(),
        since.pages(),
        since.dated(),
        since.files(),
        since.facts(),
        since.claims());
  }

  /**
   * Records a build that changed some files of the site {@code was} recorded, in place: the record
   * itself stays as it is, and {@code build-patch.bin} beside it says what changed since it (the
   * files of {@code changed}, by path with their stamps now, new ones or old ones kept; the folders
   * holding them or {@code gone} looked at again; the files gone), with what this build was asked,
   * its inputs and what it said (of the files {@code saidOf}, whose diagnostics may differ from the
   * record's, and of any an earlier patch named: what it said of the rest is the record's). Writing
   * the whole record again took a tenth of such a build at 10,000 articles; once the patch grows
   * past an eighth of the record, it is written whole. Returns false, having recorded nothing, when
   * one of those files cannot be looked at.
   */
  static boolean recordPatch(
      Path dir,
      String request,
      Look inputs,
      Said said,
      Collection<String> saidOf,
      Recorded was,
      Map<String, FileStamp> changed,
      Collection<String> gone)
      throws IOException {
    Path root = was.site().root;
    Set<String> saidNow = new HashSet<>(was.patch().saidOf());
    saidNow.addAll(saidOf);
    List<Diagnostic> saidSince = new ArrayList<>();
    for (Diagnostic d : said.diagnostics()) {
      if (saidNow.contains(d.position().path())) saidSince.add(d);
    }
    Map<String, Seen> next = new HashMap<>(was.patch().changed());
    for (Seen t : was.trustedNow()) next.put(t.path(), t);
    Set<String> goneNow = new HashSet<>(was.patch().gone());
    Set<String> folders = folders(changed.keySet(), gone);
    long at = System.currentTimeMillis();
    for (String g : gone) {
      next.remove(g);
      goneNow.add(g);
    }
    for (var e : changed.entrySet()) {
      FileStamp stamp = e.getValue();
      if (stamp.equals(was.files().get(e.getKey()))) continue;
      next.put(e.getKey(), seenFile(root, e.getKey(), stamp, at));
      goneNow.remove(e.getKey());
    }
    for (String f : folders) {
      Seen n = lookAtOutput(f, f.isEmpty() ? root : root.resolve(f), at);
      if (n == null) return false;
      next.put(f, n);
      goneNow.remove(f);
    }
    if (next.size() + goneNow.size() > Math.max(1024, was.patch().entries() / 8)) {
      Look site = patched(was.site(), changed, gone);
      if (site == null) return false;
      record(dir, request, inputs, site, said);
      return true;
    }
    CacheFile.write(
        dir.resolve(PATCH),
        PATCH_KIND,
        out -> {
          RecordCodec.writeString(out, was.patch().generation());
          out.writeBoolean(true);
          writeHead(out, request, inputs);
          writeSeen(out, List.copyOf(next.values()));
          RecordCodec.writeStrings(out, goneNow);
          RecordCodec.writeStrings(out, saidNow);
          CODEC.write(
              out,
              Said.class,
              new Said(
                  saidSince,
                  said.notes(),
                  said.pages(),
                  said.dated(),
                  said.files(),
                  said.facts(),
                  said.claims()));
        });
    return true;
  }

  /**
   * Forgets the record of {@code was} before a build changes its site in place, keeping the record
   * itself for {@link #recordPatch}: a patch that says it is forgotten, until that build records
   * its own.
   */
  static void forget(Path dir, Recorded was) throws IOException {
    CacheFile.write(
        dir.resolve(PATCH),
        PATCH_KIND,
        out -> {
          RecordCodec.writeString(out, was.patch().generation());
          out.writeBoolean(false);
        });
  }

  private static void writeSeen(java.io.DataOutputStream out, List<Seen> entries)
      throws IOException {
    out.writeInt(entries.size());
    for (Seen s : entries) {
      RecordCodec.writeString(out, s.path());
      out.writeByte((s.folder() ? 1 : 0) | (s.key() != null ? 2 : 0) | (s.check() != null ? 4 : 0));
      out.writeLong(s.size());
      out.writeLong(s.modified());
      out.writeLong(s.changed());
      if (s.key() != null) RecordCodec.writeString(out, s.key());
      if (s.check() != null) RecordCodec.writeString(out, s.check());
    }
  }

  static List<Seen> readSeen(DataInputStream in) throws IOException {
    int n = RecordCodec.readCount(in);
    List<Seen> entries = new ArrayList<>(Math.min(n, 1 << 20));
    for (int i = 0; i < n; i++) {
      String path = RecordCodec.readString(in);
      int flags = in.readByte();
      long size = in.readLong();
      long modified = in.readLong();
      long changed = in.readLong();
      String key = (flags & 2) != 0 ? RecordCodec.readString(in) : null;
      String check = (flags & 4) != 0 ? RecordCodec.readString(in) : null;
      entries.add(new Seen(path, (flags & 1) != 0, size, modified, changed, key, check));
    }
    return entries;
  }

  /** Forgets the record (before a build changes the site it describes). */
  static void forget(Path dir) throws IOException {
    Files.deleteIfExists(dir.resolve(FILE));
    Files.deleteIfExists(dir.resolve(PATCH));
  }

  private static final RecordCodec CODEC = new RecordCodec(Void.class, null);
}
