package dev.sourced.pipeline;

import dev.sourced.cache.BuildCache;
import dev.sourced.cache.OutputRecords;
import dev.sourced.hash.Hashes;
import dev.sourced.images.KnownOriginals;
import dev.sourced.load.SourceFile;
import dev.sourced.parse.ParsedPage;
import dev.sourced.render.ArticleReads;
import dev.sourced.render.FactsPageReads;
import dev.sourced.render.OutputReuse;
import dev.sourced.write.FileStamp;
import dev.sourced.write.SiteWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The render stage's side of the build cache in a one-run build: an output whose fingerprint is the
 * one the last build made it from, and whose file in the output folder is untouched since (its
 * {@link FileStamp}), is kept as it is (linked into the new site by the write transaction) instead
 * of being rendered; every output's fingerprint and file stamp are recorded once the new site is in
 * place, for the next build.
 *
 * <p>The records hold for one output folder and one set of settings: the settings key hashes
 * sourced.yaml, every file of the site's templates/ and its message files, so a change to any of
 * them renders everything (the tool build itself is checked by the cache's envelope).
 */
final class KeptOutputs implements OutputReuse {
  private final BuildCache cache;
  private final Path output;
  private final String settings;
  private final SiteWriter.Transaction tx;
  private final Function<ParsedPage, String> keys;
  private final OutputRecords.Previous previous;
  private final Map<String, String> fingerprints = new ConcurrentHashMap<>();
  private final AtomicInteger count;
  private final AtomicInteger kept = new AtomicInteger();

  /**
   * The articles whose prose alone changed since the build recorded, when nothing else of its
   * inputs did (see {@link #keepAsBefore}), each with the parse that build had of it, by path; null
   * when that is not known.
   */
  private final Map<String, Edited> proseEdited;

  /**
   * An article whose prose alone changed: the parse the build before had of it, and the body words
   * that build indexed for it (null when the build cache kept none).
   */
  record Edited(ParsedPage before, String[] words) {}

  /** The parses of {@link #proseEdited}, by path (null with it). */
  private final Map<String, ParsedPage> editedBefore;

  KeptOutputs(
      BuildCache cache,
      Path output,
      String settings,
      SiteWriter.Transaction tx,
      Function<ParsedPage, String> keys,
      AtomicInteger count,
      Map<String, Edited> proseEdited) {
    this.proseEdited = proseEdited;
    if (proseEdited == null) {
      this.editedBefore = null;
    } else {
      this.editedBefore = new HashMap<>();
      proseEdited.forEach((path, e) -> editedBefore.put(path, e.before()));
    }
    this.cache = cache;
    this.output = output;
    this.settings = settings;
    this.tx = tx;
    this.keys = keys;
    this.count = count;
    this.previous = cache.outputs(output, settings);
  }

  @Override
  public KnownOriginals originals() {
    return cache.originals();
  }

  @Override
  public String inputKey(ParsedPage page) {
    return keys.apply(page);
  }

  @Override
  public boolean keep(String path, String fingerprint) {
    OutputRecords.Record r = previous.get(path);
    if (r == null || !r.fingerprint().equals(fingerprint)) return false;
    try {
      if (!tx.keep(path, r.stamp())) return false;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    fingerprints.put(path, fingerprint);
    count.incrementAndGet();
    kept.incrementAndGet();
    return true;
  }

  /**
   * Of everything the recorded build's outputs were made from, only the prose of the articles in
   * {@link #proseEdited} changed (their declarations, uses, links, headings and front matter are as
   * they were; sourced.yaml, templates, messages, data files and every other file are unchanged):
   * an output made from none of them has the fingerprint it was recorded with, since every part of
   * a fingerprint (a page's own parse, its address, its translations, the facts, sources and claims
   * it shows, who cites them, how its images are published) is made from those same inputs. It is
   * kept if its file is untouched; else fingerprinted and rendered as usual.
   */
  @Override
  public boolean keepAsBefore(String path, List<ParsedPage> sources) {
    if (proseEdited == null) return false;
    for (ParsedPage p : sources) if (proseEdited.containsKey(p.path())) return false;
    OutputRecords.Record r = previous.get(path);
    if (r == null || !keep(path, r.fingerprint())) return false;
    keptAsBefore.incrementAndGet();
    return true;
  }

  @Override
  public Map<String, ParsedPage> proseEditedBefore() {
    return editedBefore;
  }

  @Override
  public String[] previousWords(String path) {
    Edited e = proseEdited == null ? null : proseEdited.get(path);
    return e == null ? null : e.words();
  }

  @Override
  public String untouched(String path) {
    OutputRecords.Record r = previous.get(path);
    return r != null && tx.unchanged(path, r.stamp()) ? r.fingerprint() : null;
  }

  @Override
  public Path previousFile(String path) {
    OutputRecords.Record r = previous.get(path);
    return r != null && tx.unchanged(path, r.stamp()) ? output.resolve(path) : null;
  }

  /** Whether the output at {@code path} is still as the build before wrote it. */
  public boolean stillUntouched(String path) {
    return previousFile(path) != null;
  }

  @Override
  public byte[] previousBytes(String path) {
    Path file = previousFile(path);
    if (file == null) return null;
    try {
      byte[] bytes = Files.readAllBytes(file);
      // Looked at again: the bytes read are the ones recorded only if the file is still untouched.
      return bytes.length == previous.get(path).stamp().size() && stillUntouched(path)
          ? bytes
          : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** The shared fingerprints' hashes this render used, by name (see {@link #family}). */
  private final Map<String, String> families = new ConcurrentHashMap<>();

  /** Where a shared fingerprint's hash is recorded: a name no output file can have. */
  private static String familyPath(String name) {
    return "\0family\0" + name;
  }

  @Override
  public String familyAsBefore(String name) {
    if (proseEdited == null) return null;
    OutputRecords.Record r = previous.get(familyPath(name));
    return r == null ? null : r.fingerprint();
  }

  @Override
  public void family(String name, String hash) {
    families.put(name, hash);
  }

  /** The shared fingerprints that changed in a patch of the site and are not known now. */
  private final java.util.Set<String> familiesChanged = new java.util.HashSet<>();

  /** The shared fingerprint {@code name} changed with this patch of the site (see savePatch). */
  void familyChanged(String name) {
    familiesChanged.add(name);
  }

  /** How many outputs were kept without a fingerprint (see {@link #keepAsBefore}). */
  int keptAsBefore() {
    return keptAsBefore.get();
  }

  private final AtomicInteger keptAsBefore = new AtomicInteger();

  @Override
  public List<String> recordedWith(String tag) {
    List<String> out = new ArrayList<>();
    for (var e : previous.records().entrySet()) {
      if (e.getValue().fingerprint().startsWith(tag)) out.add(e.getKey());
    }
    return out;
  }

  /** What each article's page was made from, as this render found it (see ArticleReads). */
  private final Map<String, ArticleReads> reads = new ConcurrentHashMap<>();

  @Override
  public void articleReads(String path, ArticleReads r) {
    reads.put(path, r);
  }

  /** What each page of the index of facts shows, as this render found it. */
  private final Map<String, FactsPageReads> factsPages = new ConcurrentHashMap<>();

  @Override
  public void factsPageReads(String path, FactsPageReads r) {
    factsPages.put(path, r);
  }

  @Override
  public List<String> keepWithParts(String path, String fingerprint, String partsTag) {
    OutputRecords.Record r = previous.get(path);
    if (r == null || !r.fingerprint().equals(fingerprint)) return null;
    List<String> parts = recordedWith(partsTag);
    // All or nothing: each file is looked at before any is kept.
    if (!tx.unchanged(path, r.stamp())) return null;
    for (String p : parts) if (!tx.unchanged(p, previous.get(p).stamp())) return null;
    keep(path, fingerprint, r);
    for (String p : parts) keep(p, previous.get(p).fingerprint(), previous.get(p));
    return parts;
  }

  private void keep(String path, String fingerprint, OutputRecords.Record r) {
    try {
      if (!tx.keep(path, r.stamp())) {
        throw new IOException("the output folder changed while this build ran: " + path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    fingerprints.put(path, fingerprint);
    count.incrementAndGet();
    kept.incrementAndGet();
  }

  @Override
  public String[] searchWords(ParsedPage page, java.util.function.Supplier<String[]> scan) {
    String key = keys.apply(page);
    return key == null ? scan.get() : cache.searchWords(key, scan);
  }

  @Override
  public void made(String path, String fingerprint) {
    fingerprints.put(path, fingerprint);
  }

  /** How many outputs were kept as they were. */
  int kept() {
    return kept.get();
  }

  /** Records what the new site holds (after the transaction's commit). */
  void save() throws IOException {
    Map<String, OutputRecords.Record> records = new HashMap<>();
    Map<String, FileStamp> stamps = tx.stamps();
    for (var e : fingerprints.entrySet()) {
      FileStamp s = stamps.get(e.getKey());
      if (s != null) records.put(e.getKey(), new OutputRecords.Record(e.getValue(), s));
    }
    for (var e : families.entrySet()) {
      records.put(
          familyPath(e.getKey()),
          new OutputRecords.Record(e.getValue(), new FileStamp(-1, -1, null)));
    }
    cache.wrote(output, settings, records, new OutputRecords.Reads(reads, factsPages));
  }

  /**
   * Records what the site holds after a patch of it (see {@link SiteWriter#beginPatch}): what the
   * build before recorded, but the outputs made now and the ones {@code gone}; what each article's
   * page is made from stays as recorded, since only prose changed.
   */
  void savePatch(java.util.Collection<String> gone) throws IOException {
    Map<String, OutputRecords.Record> changed = new HashMap<>();
    java.util.Set<String> away = new java.util.HashSet<>(gone);
    // A shared fingerprint this build could not hash (it names the whole site) is forgotten: the
    // next whole build computes it again.
    for (String name : familiesChanged) away.add(familyPath(name));
    Map<String, FileStamp> stamps = tx.stamps();
    for (var e : fingerprints.entrySet()) {
      FileStamp s = stamps.get(e.getKey());
      if (s != null) changed.put(e.getKey(), new OutputRecords.Record(e.getValue(), s));
      else away.add(e.getKey());
    }
    cache.wrotePatch(output, settings, changed, away);
  }

  /** The hash of everything every output depends on besides its own fingerprint. */
  static String settingsKey(String configText, Path templates, List<SourceFile> messages)
      throws IOException {
    MessageDigest md = Hashes.newSha256();
    text(md, configText == null ? "\0none" : configText);
    if (templates != null && Files.isDirectory(templates)) {
      List<Path> files;
      try (var s = Files.walk(templates)) {
        files = s.filter(Files::isRegularFile).sorted().toList();
      }
      for (Path f : files) {
        text(md, templates.relativize(f).toString());
        byte[] b = Files.readAllBytes(f);
        text(md, Integer.toString(b.length));
        md.update(b);
      }
    }
    for (SourceFile m : messages) {
      text(md, m.path());
      text(md, m.text());
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static void text(MessageDigest md, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    md.update(Integer.toString(b.length).getBytes(StandardCharsets.UTF_8));
    md.update((byte) ':');
    md.update(b);
  }
}
