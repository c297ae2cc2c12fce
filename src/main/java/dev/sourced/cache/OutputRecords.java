package dev.sourced.cache;

import dev.sourced.diag.Diagnostics;
import dev.sourced.render.ArticleReads;
import dev.sourced.render.FactsPageReads;
import dev.sourced.write.FileStamp;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the last build wrote ({@code outputs.bin}): the output folder, the key of the settings it
 * was rendered with (templates, sourced.yaml, message files), and per output file the fingerprint
 * of its inputs and the {@link FileStamp} of the file. A build with the same folder and settings
 * may keep an output whose fingerprint is unchanged, if the file's stamp shows it untouched.
 */
public final class OutputRecords {
  static final String FILE = "outputs.bin";
  static final String KIND = "outputs";
  static final String PATCH = "outputs-patch.bin";
  static final String PATCH_KIND = "outputs-patch";

  /**
   * What each page of the index of facts shows ({@code facts-pages.bin}): only a build after an
   * edit of facts asks for it, so it is a file of its own (5 MB at 10,000 articles), named by the
   * records it goes with.
   */
  static final String FACTS_PAGES = "facts-pages.bin";

  static final String FACTS_PAGES_KIND = "facts-pages";

  /** One output file: the fingerprint it was made with, and the file as written. */
  public record Record(String fingerprint, FileStamp stamp) {}

  /**
   * What a whole render found its pages made from: each article's page, by the article's path, and
   * each page of the index of facts, by the page's path.
   */
  public record Reads(Map<String, ArticleReads> articles, Map<String, FactsPageReads> factsPages) {}

  /**
   * The last build's outputs for one folder and settings (empty when they differ), and what its
   * pages were made from.
   */
  public record Previous(
      Map<String, Record> records,
      Map<String, ArticleReads> articles,
      java.util.function.Supplier<Map<String, FactsPageReads>> factsPagesRead) {
    public Record get(String path) {
      return records.get(path);
    }

    /**
     * What each page of the index of facts showed, by the page's path, read when first asked (empty
     * when the file cannot be used: a build after an edit of facts then takes the whole way).
     */
    public Map<String, FactsPageReads> factsPages() {
      return factsPagesRead.get();
    }
  }

  private final String output;
  private final String settings;
  private final Map<String, Record> records;
  private final Map<String, ArticleReads> articles;

  /** The generation of the file of {@link #FACTS_PAGES} these records go with. */
  private final String factsGeneration;

  private final Path dir;
  private final Diagnostics notes;
  private Map<String, FactsPageReads> factsPages;

  /** The generation of the file read, and what its patch changed (see {@link #savePatch}). */
  private final String generation;

  private final Map<String, Record> patched;
  private final Set<String> patchedAway;

  private OutputRecords(
      String output,
      String settings,
      Map<String, Record> records,
      Map<String, ArticleReads> articles,
      String factsGeneration,
      Path dir,
      Diagnostics notes,
      String generation,
      Map<String, Record> patched,
      Set<String> patchedAway) {
    this.output = output;
    this.settings = settings;
    this.records = records;
    this.articles = articles;
    this.factsGeneration = factsGeneration;
    this.dir = dir;
    this.notes = notes;
    this.generation = generation;
    this.patched = patched;
    this.patchedAway = patchedAway;
  }

  static OutputRecords load(Path dir, Diagnostics notes) {
    try {
      CacheFile.Bytes bytes = CacheFile.read(dir.resolve(FILE), KIND);
      if (bytes != null) {
        DataInputStream in = new DataInputStream(bytes);
        String output = RecordCodec.readString(in);
        String settings = RecordCodec.readString(in);
        String generation = RecordCodec.readString(in);
        Map<String, Record> records = readRecords(in);
        int m = RecordCodec.readCount(in);
        Map<String, ArticleReads> articles = new HashMap<>(Math.max(16, m * 2));
        for (int i = 0; i < m; i++) {
          String path = RecordCodec.readString(in);
          String page = RecordCodec.readString(in);
          String prefix = RecordCodec.readString(in);
          int document = in.readInt();
          int k = RecordCodec.readCount(in);
          List<String> reads = new ArrayList<>(Math.min(k, 1 << 16));
          for (int j = 0; j < k; j++) reads.add(RecordCodec.readString(in));
          articles.put(path, new ArticleReads(page, prefix, document, List.copyOf(reads)));
        }
        String factsGeneration = RecordCodec.readString(in);
        Map<String, Record> patched = new HashMap<>();
        Set<String> away = new HashSet<>();
        CacheFile.Bytes patch = CacheFile.read(dir.resolve(PATCH), PATCH_KIND);
        // A patch of another generation was left by a build killed before it could delete it.
        if (patch != null) {
          DataInputStream p = new DataInputStream(patch);
          if (RecordCodec.readString(p).equals(generation)) {
            patched = readRecords(p);
            away.addAll(RecordCodec.readStrings(p));
            records.putAll(patched);
            records.keySet().removeAll(away);
          }
        }
        return new OutputRecords(
            output,
            settings,
            records,
            articles,
            factsGeneration,
            dir,
            notes,
            generation,
            patched,
            away);
      }
    } catch (CacheFile.Unusable | IOException | RuntimeException e) {
      CacheFile.noteUnusable(notes, FILE, e, "ignored (this build renders every page)");
    }
    return new OutputRecords("", "", Map.of(), Map.of(), "", dir, notes, "", Map.of(), Set.of());
  }

  private static Map<String, Record> readRecords(DataInputStream in) throws IOException {
    int n = RecordCodec.readCount(in);
    Map<String, Record> records = new HashMap<>(Math.max(16, n * 2));
    for (int i = 0; i < n; i++) {
      String path = RecordCodec.readString(in);
      String fingerprint = RecordCodec.readString(in);
      long size = in.readLong();
      long nanos = in.readLong();
      String key = in.readBoolean() ? RecordCodec.readString(in) : null;
      records.put(path, new Record(fingerprint, new FileStamp(size, nanos, key)));
    }
    return records;
  }

  private static void writeRecords(java.io.DataOutputStream o, Map<String, Record> records)
      throws IOException {
    o.writeInt(records.size());
    for (var e : records.entrySet()) {
      RecordCodec.writeString(o, e.getKey());
      RecordCodec.writeString(o, e.getValue().fingerprint());
      FileStamp s = e.getValue().stamp();
      o.writeLong(s.size());
      o.writeLong(s.modifiedNanos());
      o.writeBoolean(s.key() != null);
      if (s.key() != null) RecordCodec.writeString(o, s.key());
    }
  }

  /** Every record as read, whatever folder and settings it is for (for tests). */
  Map<String, Record> all() {
    return records;
  }

  /** What the pages were made from, as read (for tests). */
  Reads reads() {
    return new Reads(articles, factsPages());
  }

  /** The records of the pages of the index of facts, read once (empty when unusable). */
  synchronized Map<String, FactsPageReads> factsPages() {
    if (factsPages == null) factsPages = loadFactsPages();
    return factsPages;
  }

  private Map<String, FactsPageReads> loadFactsPages() {
    try {
      CacheFile.Bytes bytes = CacheFile.read(dir.resolve(FACTS_PAGES), FACTS_PAGES_KIND);
      if (bytes == null) return Map.of();
      DataInputStream in = new DataInputStream(bytes);
      // A file of other records (a build killed between writing them) is not used.
      if (!RecordCodec.readString(in).equals(factsGeneration)) return Map.of();
      List<String> table = RecordCodec.readStrings(in);
      int f = RecordCodec.readCount(in);
      Map<String, FactsPageReads> out = new HashMap<>(Math.max(16, f * 2));
      for (int i = 0; i < f; i++) {
        String path = RecordCodec.readString(in);
        String prefix = RecordCodec.readString(in);
        int page = in.readInt(), pages = in.readInt(), total = in.readInt();
        int factRows = in.readInt();
        List<String> rows = RecordCodec.readStrings(in);
        int d = RecordCodec.readCount(in);
        List<Integer> documents = new ArrayList<>(Math.min(d, 1 << 16));
        for (int j = 0; j < d; j++) documents.add(in.readInt());
        int r = RecordCodec.readCount(in);
        List<String> reads = new ArrayList<>(Math.min(r, 1 << 16));
        for (int j = 0; j < r; j++) reads.add(table.get(in.readInt()));
        out.put(
            path,
            new FactsPageReads(
                prefix, page, pages, total, factRows, rows, List.copyOf(documents), reads));
      }
      return out;
    } catch (CacheFile.Unusable | IOException | RuntimeException e) {
      CacheFile.noteUnusable(
          notes, FACTS_PAGES, e, "ignored (an edit of facts takes the whole way)");
    }
    return Map.of();
  }

  /** The output folder and settings the records are for (for tests). */
  List<String> writtenFor() {
    return List.of(output, settings);
  }

  Previous previous(Path out, String settingsKey) {
    boolean same = output.equals(out.toAbsolutePath().normalize().toString());
    return same && settings.equals(settingsKey)
        ? new Previous(records, articles, this::factsPages)
        : new Previous(Map.of(), Map.of(), Map::of);
  }

  /**
   * Writes the records of a build's outputs, and what its pages were made from ({@code factsPages}
   * null: the records of the pages of the index of facts are the file's, unchanged).
   */
  void save(
      Path dir,
      Path out,
      String settingsKey,
      Map<String, Record> written,
      Map<String, ArticleReads> articlesMade,
      Map<String, FactsPageReads> factsPagesMade)
      throws IOException {
    // In no order: the records are read into a map, and sorting some 45,000 paths cost more than
    // writing them. Under a new generation, so that a patch of the file before is never applied.
    String next = UUID.randomUUID().toString();
    String facts = factsPagesMade == null ? factsGeneration : next;
    if (factsPagesMade != null) writeFactsPages(dir, next, factsPagesMade);
    CacheFile.write(
        dir.resolve(FILE),
        KIND,
        o -> {
          RecordCodec.writeString(o, out.toAbsolutePath().normalize().toString());
          RecordCodec.writeString(o, settingsKey);
          RecordCodec.writeString(o, next);
          writeRecords(o, written);
          o.writeInt(articlesMade.size());
          for (var e : articlesMade.entrySet()) {
            ArticleReads a = e.getValue();
            RecordCodec.writeString(o, e.getKey());
            RecordCodec.writeString(o, a.output());
            RecordCodec.writeString(o, a.prefix());
            o.writeInt(a.document());
            o.writeInt(a.reads().size());
            for (String r : a.reads()) RecordCodec.writeString(o, r);
          }
          RecordCodec.writeString(o, facts);
        });
    Files.deleteIfExists(dir.resolve(PATCH));
  }

  /** Writes {@link #FACTS_PAGES}: each page's reads as numbers into a table of the paths. */
  private static void writeFactsPages(
      Path dir, String generation, Map<String, FactsPageReads> pages) throws IOException {
    Map<String, Integer> ids = new HashMap<>();
    List<String> table = new ArrayList<>();
    for (FactsPageReads f : pages.values()) {
      for (String r : f.reads()) if (ids.putIfAbsent(r, table.size()) == null) table.add(r);
    }
    CacheFile.write(
        dir.resolve(FACTS_PAGES),
        FACTS_PAGES_KIND,
        o -> {
          RecordCodec.writeString(o, generation);
          RecordCodec.writeStrings(o, table);
          o.writeInt(pages.size());
          for (var e : pages.entrySet()) {
            FactsPageReads f = e.getValue();
            RecordCodec.writeString(o, e.getKey());
            RecordCodec.writeString(o, f.prefix());
            o.writeInt(f.page());
            o.writeInt(f.pages());
            o.writeInt(f.total());
            o.writeInt(f.factRows());
            RecordCodec.writeStrings(o, f.rows());
            o.writeInt(f.documents().size());
            for (int d : f.documents()) o.writeInt(d);
            o.writeInt(f.reads().size());
            for (String r : f.reads()) o.writeInt(ids.get(r));
          }
        });
  }

  /**
   * Records a build that rendered some outputs again into the folder and with the settings these
   * records are for ({@code changed}, by path) and removed others ({@code gone}), every other
   * output and every article's reads being as recorded: as a patch beside the file read ({@code
   * outputs-patch.bin}, with what earlier patches of it changed), rather than the whole file again,
   * until the patch is an eighth of the records.
   */
  void savePatch(
      Path dir, Path out, String settingsKey, Map<String, Record> changed, Set<String> gone)
      throws IOException {
    if (!output.equals(out.toAbsolutePath().normalize().toString())
        || !settings.equals(settingsKey)) {
      // Not the records of that folder and settings: none are (the next build renders all).
      delete(dir);
      return;
    }
    Map<String, Record> nextPatched = new HashMap<>(patched);
    Set<String> nextAway = new HashSet<>(patchedAway);
    nextPatched.keySet().removeAll(gone);
    nextAway.addAll(gone);
    nextPatched.putAll(changed);
    nextAway.removeAll(changed.keySet());
    if (nextPatched.size() + nextAway.size() > Math.max(1024, records.size() / 8)) {
      Map<String, Record> all = new HashMap<>(records);
      all.keySet().removeAll(gone);
      all.putAll(changed);
      save(dir, Path.of(output), settings, all, articles, null);
      return;
    }
    CacheFile.write(
        dir.resolve(PATCH),
        PATCH_KIND,
        o -> {
          RecordCodec.writeString(o, generation);
          writeRecords(o, nextPatched);
          RecordCodec.writeStrings(o, nextAway);
        });
  }

  static void delete(Path dir) throws IOException {
    Files.deleteIfExists(dir.resolve(FILE));
    Files.deleteIfExists(dir.resolve(PATCH));
    Files.deleteIfExists(dir.resolve(FACTS_PAGES));
  }
}
