package dev.sourced.cache;

import dev.sourced.concurrent.Workers;
import dev.sourced.diag.Diagnostic;
import dev.sourced.diag.Diagnostics;
import dev.sourced.facts.BodyHtml;
import dev.sourced.images.KnownOriginals;
import dev.sourced.load.ArticleFile;
import dev.sourced.parse.ParsedPage;
import dev.sourced.write.FileStamp;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The persistent build cache ({@code .sourced/cache/build/} by default): what one run of {@code
 * sourced build} leaves for the next, so that a build in a fresh process reads, parses and renders
 * only what changed. It holds two things:
 *
 * <ul>
 *   <li>{@link ParseEntries}: each article's parse (front-matter model, body parts, what the scan
 *       of its body found, and the diagnostics of reading and parsing it), keyed by a hash of the
 *       file's bytes, its place, the tool build and the settings parsing depends on; the bodies'
 *       HTML is in a {@link BodyFile} beside it;
 *   <li>{@link OutputRecords}: for each output file of the last build, the fingerprint of what it
 *       was made from and the {@link FileStamp} of the file written, so that an output whose
 *       fingerprint holds and whose file is untouched is kept rather than rendered again.
 * </ul>
 *
 * <p>With the parses it keeps the list of {@link KnownFiles}: the articles and bundle images an
 * earlier build hashed, with their file stamps, so that an unchanged one is not even read.
 *
 * <p>The cache can only save work, never change a page: every key names everything its value was
 * computed from, and anything the cache cannot vouch for is computed again. A file written by
 * another tool build, damaged, cut short or not a cache file is noted and ignored (and replaced);
 * so is the cache while another build holds its lock (the second build goes on without it). The
 * lock is an operating-system file lock, released when the process ends however it ends. It is
 * bounded: only the current articles' entries and outputs are kept, and the bodies file is
 * rewritten without unused bodies once they are more than half of it.
 */
public final class BuildCache implements AutoCloseable {
  static final String DIR = "build";
  private final Path dir;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Diagnostics notes;

  // Read when first asked for: a build that finds nothing changed (see LastBuild) needs none.
  private volatile ParseEntries pages;
  private volatile OutputRecords outputs;
  private SearchWords words;

  /** The first folder of the cache's path this build made (null: all were there), and lock. */
  private Path created;

  private boolean lockCreated;

  private BuildCache(Path dir, FileChannel lockChannel, FileLock lock, Diagnostics notes) {
    this.dir = dir;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.notes = notes;
  }

  // Each read under a lock of its own, so that both can be read at once (see preload).
  private final Object pagesLock = new Object();
  private final Object outputsLock = new Object();

  private ParseEntries pages() {
    synchronized (pagesLock) {
      if (pages == null) {
        try {
          pages = ParseEntries.open(dir, notes);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
      return pages;
    }
  }

  private OutputRecords outputRecords() {
    synchronized (outputsLock) {
      if (outputs == null) outputs = OutputRecords.load(dir, notes);
      return outputs;
    }
  }

  /**
   * Starts reading the parses' index and the outputs' records, each on a thread of its own, for a
   * build that will ask for both while it does other work: an edit of prose at 10,000 articles
   * reads some 50 MB of them while it loads the site's settings on one core.
   */
  public void preload() {
    for (Runnable read : List.<Runnable>of(this::pages, this::outputRecords)) {
      preloads.add(
          Workers.background(
              "sourced-cache-read",
              () -> {
                try {
                  read.run();
                } catch (RuntimeException e) {
                  // Asked for again by the build, which then says what failed.
                }
                return null;
              }));
    }
  }

  /** The reads {@link #preload} started, waited for before the cache is closed. */
  private final List<java.util.concurrent.Future<Object>> preloads = new java.util.ArrayList<>();

  private synchronized SearchWords words() {
    if (words == null) words = new SearchWords(dir, notes);
    return words;
  }

  /**
   * Opens the build cache under {@code root} (the {@code --cache} folder), or returns null with a
   * note when it cannot be used; a file of it that cannot be used is noted and started afresh.
   */
  public static BuildCache open(Path root, Diagnostics notes) {
    Path dir = root.resolve(DIR).toAbsolutePath().normalize();
    FileChannel ch = null;
    Path created = null;
    for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) created = p;
    boolean lockCreated = !Files.exists(dir.resolve("lock"));
    try {
      Files.createDirectories(dir);
      ch =
          FileChannel.open(
              dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        ch.close();
        notes.note(
            "another build is using the build cache in "
                + root
                + "; this one builds without it (nothing is reused or kept)");
        return null;
      }
      BuildCache cache = new BuildCache(dir, ch, lock, notes);
      cache.created = created;
      cache.lockCreated = lockCreated;
      return cache;
    } catch (IOException | RuntimeException e) {
      if (ch != null) {
        try {
          ch.close();
        } catch (IOException ignored) {
          // the note says what happened
        }
      }
      notes.note("the build cache in " + root + " cannot be used (" + e + "); building without it");
      return null;
    }
  }

  /** The key of an article's parse: its bytes, place, the tool build and the parse settings. */
  public static String pageKey(
      ArticleFile f, byte[] bytes, boolean rawHtml, List<String> languages) {
    return ParseEntries.key(f, bytes, rawHtml, languages);
  }

  /**
   * The key of an article whose file is unchanged since an earlier build hashed it (see {@link
   * ParseEntries#knownKey}), or null when its bytes must be read and hashed.
   */
  public String knownKey(ArticleFile f, boolean rawHtml, List<String> languages) {
    return pages().knownKey(f, parseSettings(rawHtml, languages));
  }

  /** The settings that change parsing, as an article's place is known by them. */
  private static String parseSettings(boolean rawHtml, List<String> languages) {
    return rawHtml + "\0" + languages;
  }

  /** Remembers the file behind an article's key. */
  public void saw(ArticleFile f, boolean rawHtml, List<String> languages, String key) {
    pages().saw(f, parseSettings(rawHtml, languages), key);
  }

  /**
   * The bundle images' originals an earlier build hashed, recognised by their file stamps as
   * articles are (see {@link KnownFiles}); kept with the articles' list, for the next build too.
   */
  public KnownOriginals originals() {
    KnownFiles known = pages().known();
    return new KnownOriginals() {
      @Override
      public String knownKey(String name, Path file, Predicate<String> usable) {
        return known.knownKey("image\0" + name, file, usable);
      }

      @Override
      public void saw(String name, Path file, String key) {
        known.saw("image\0" + name, file, key);
      }
    };
  }

  /** Where the parse stage keeps the bodies it makes. */
  public BodyHtml.Store bodies() {
    return pages().bodies();
  }

  /** The parse kept under {@code key}, or null; it is kept for the next build too. */
  public ParseEntries.Hit page(String key) {
    return pages().get(key);
  }

  /** Keeps a parse made by this build (its body in {@link #bodies}). */
  public void putPage(String key, ParsedPage page, List<Diagnostic> diagnostics) {
    pages().put(key, page, diagnostics);
  }

  /**
   * The search words of the article body whose parse key is {@code key}: kept from the build
   * before, or found by {@code scan} and kept for the next one.
   */
  public String[] searchWords(String key, java.util.function.Supplier<String[]> scan) {
    return words().get(key, scan);
  }

  /** What the last build wrote into {@code output} with {@code settings}, for reuse. */
  public OutputRecords.Previous outputs(Path output, String settings) {
    return outputRecords().previous(output, settings);
  }

  /** Records what this build wrote (after it is in place). */
  public void wrote(
      Path output,
      String settings,
      Map<String, OutputRecords.Record> records,
      OutputRecords.Reads reads)
      throws IOException {
    outputRecords().save(dir, output, settings, records, reads.articles(), reads.factsPages());
  }

  /**
   * Records what this build changed of what the last build wrote, when it rendered some outputs
   * again ({@code changed}) and removed others ({@code gone}) and kept every other one, with the
   * same settings (see {@link OutputRecords#savePatch}).
   */
  public void wrotePatch(
      Path output,
      String settings,
      Map<String, OutputRecords.Record> changed,
      java.util.Set<String> gone)
      throws IOException {
    outputRecords().savePatch(dir, output, settings, changed, gone);
  }

  /** Whether the parse entries were written already ({@link #saveParses}). */
  private boolean parsesSaved;

  /** Writes the parse entries now, rather than at {@link #close} (the lock is still held). */
  public void saveParses() throws IOException {
    if (pages != null && !parsesSaved) pages.save(dir);
    parsesSaved = true;
  }

  /** Writes the parse entries of this build (pruning the rest) and releases the lock. */
  @Override
  public void close() throws IOException {
    for (var read : preloads) Workers.join(read);
    try {
      if (pages != null && !parsesSaved) pages.save(dir);
      // The words of every current article: a patched search index asks only for the edited ones.
      if (words != null) words.save(pages == null ? Set.of() : pages.keys());
      // What a killed build left half-written (every file is written beside its place first),
      // once this build's own files are all in place.
      if (pages != null) {
        try (var files = Files.list(dir)) {
          for (Path p : files.toList()) {
            if (p.getFileName().toString().endsWith(".tmp")) Files.deleteIfExists(p);
          }
        }
      }
    } finally {
      if (pages != null) pages.closeBodies();
      try {
        lock.release();
      } finally {
        lockChannel.close();
      }
    }
  }

  /**
   * Leaves the cache as it was before this build (a build that wrote nothing, or a check, changes
   * no byte on disk): the bodies this build added are cut off again, and what it made is deleted.
   */
  public void discard() throws IOException {
    if (pages != null) pages.discard();
    try {
      lock.release();
    } finally {
      lockChannel.close();
    }
    if (created != null) {
      deleteTree(created);
    } else if (lockCreated) {
      Files.deleteIfExists(dir.resolve("lock"));
    }
  }

  /** Closes without writing anything (the cache proved damaged during the build). */
  public void abandon() throws IOException {
    if (pages != null) pages.closeBodies();
    try {
      lock.release();
    } finally {
      lockChannel.close();
    }
    // What could not be trusted goes; the next build starts the cache afresh.
    ParseEntries.deleteAll(dir);
    OutputRecords.delete(dir);
    SearchWords.delete(dir);
  }

  /**
   * This build compared with the last one (see {@link LastBuild#compare}); a record that cannot be
   * read is noted, and compares as no record.
   */
  public LastBuild.Compared compare(String request, LastBuild.Look inputs, Path output) {
    return compare(request, inputs, output, changed -> false);
  }

  /** The record of the last build, being read (see {@link #readRecordAhead}). */
  private java.util.concurrent.Future<LastBuild.Read> recordAhead;

  /**
   * Starts reading the record of the last build on a thread of its own, for a {@link #compare}
   * asked for once the site's inputs are looked at: the record of a 10,000-article site (12 MB) is
   * decoded while they are.
   */
  public void readRecordAhead() {
    recordAhead = Workers.background("sourced-record-read", () -> LastBuild.read(dir));
  }

  /**
   * As {@link #compare(String, LastBuild.Look, Path)}, giving what the last build left when the
   * inputs that changed are {@code wanted} (see {@link LastBuild#compare}).
   */
  public LastBuild.Compared compare(
      String request, LastBuild.Look inputs, Path output, Predicate<List<String>> wanted) {
    try {
      LastBuild.Read read = recordAhead != null ? Workers.join(recordAhead) : LastBuild.read(dir);
      return LastBuild.compare(read, request, inputs, output, wanted);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (LastBuild.Unusable e) {
      notes.note(
          "the build cache's "
              + e.getMessage()
              + ": it is ignored (this build looks at everything)");
      return new LastBuild.Compared(null, null);
    }
  }

  /**
   * The parse the build before kept for an article at the same place, whatever its bytes are now
   * (null when there is none): what an edit of it changed. It is not kept for the next build.
   */
  public ParsedPage previousPage(ArticleFile f, boolean rawHtml, List<String> languages) {
    return pages().previous(f, parseSettings(rawHtml, languages));
  }

  /**
   * The search words the build before kept for the body of the article known at {@code f}'s place
   * (see {@link #previousPage}), or null when it kept none; not kept for the next build.
   */
  public String[] previousSearchWords(ArticleFile f, boolean rawHtml, List<String> languages) {
    String key = pages().previousKey(f, parseSettings(rawHtml, languages));
    return key == null ? null : words().peek(key);
  }

  /** The parse and diagnostics the build before kept for the article at {@code f}'s place. */
  public ParseEntries.Hit previousHit(ArticleFile f, boolean rawHtml, List<String> languages) {
    return pages().previousHit(f, parseSettings(rawHtml, languages));
  }

  /**
   * Keeps for the next build every article's parse the build before kept, but those of the given
   * articles, which this build parsed again: for a build that read only the articles it needed
   * because no other changed (their entries and words stay as they were).
   */
  public void keepUnread(
      Collection<ArticleFile> reparsed, boolean rawHtml, List<String> languages) {
    Set<String> replaced = new java.util.HashSet<>();
    for (ArticleFile f : reparsed) {
      String key = pages().previousKey(f, parseSettings(rawHtml, languages));
      if (key != null) replaced.add(key);
    }
    pages().keepAllBut(replaced);
  }

  /** The key of the parse the build before kept for the article at {@code f}'s place, or null. */
  public String previousKey(ArticleFile f, boolean rawHtml, List<String> languages) {
    return pages().previousKey(f, parseSettings(rawHtml, languages));
  }

  /** Forgets the last build's record, before this build changes the site it describes. */
  public void forgetBuild() throws IOException {
    LastBuild.forget(dir);
  }

  /**
   * Forgets the last build's record before this build changes some files of its site in place,
   * keeping the record itself to be patched ({@link #recordPatch}).
   */
  public void forgetBuild(LastBuild.Recorded was) throws IOException {
    LastBuild.forget(dir, was);
  }

  /**
   * Records this build, which changed some files of the site {@code was} recorded in place, as a
   * patch of that record (see {@link LastBuild#recordPatch}), what it said differing from the
   * record's only of the files {@code saidOf}; false when nothing could be recorded.
   */
  public boolean recordPatch(
      String request,
      LastBuild.Look inputs,
      LastBuild.Said said,
      java.util.Collection<String> saidOf,
      LastBuild.Recorded was,
      Map<String, FileStamp> changed,
      java.util.Collection<String> gone)
      throws IOException {
    return LastBuild.recordPatch(dir, request, inputs, said, saidOf, was, changed, gone);
  }

  /** Records this build, once its site is in place (see {@link LastBuild}). */
  public void recordBuild(
      String request, LastBuild.Look inputs, LastBuild.Look outputs, LastBuild.Said said)
      throws IOException {
    LastBuild.record(dir, request, inputs, outputs, said);
  }

  /**
   * Releases the lock without writing anything: the build found nothing changed, and the cache
   * stays as the last build left it.
   */
  public void release() throws IOException {
    try {
      lock.release();
    } finally {
      lockChannel.close();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (var walk = Files.walk(root)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
