package dev.sourced.cache;

import dev.sourced.diag.Diagnostics;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Each article body's search words ({@code words.bin}), keyed by the key of the article's parse
 * (which names everything the body is made from): a build that must make the search index again
 * (after any edit of an article) takes the words of every unchanged article from here instead of
 * reading and scanning its body, which is most of the index's cost.
 *
 * <p>Read only when the index is made (a build that keeps the index reads nothing); written back
 * with the entries of the current articles (those this build used, and those of the file for the
 * articles whose words a patched index did not need), and no more. The words are stored once each,
 * in a table, and each entry lists its words as numbers into it. A file that cannot be used is
 * noted and made again from the bodies.
 */
final class SearchWords {
  static final String FILE = "words.bin";
  static final String KIND = "search-words";

  private final Path dir;
  private final Diagnostics notes;
  private volatile Map<String, String[]> previous;
  private final Map<String, String[]> used = new ConcurrentHashMap<>();
  private volatile boolean changed;

  /**
   * Each word once, whichever articles' bodies it is found in: a cold build keeps every article's
   * words until the cache is written, some two million at 10,000 articles, of a few thousand
   * different ones (kept as they were scanned, 100 MB of copies).
   */
  private final Map<String, String> canonical = new ConcurrentHashMap<>();

  SearchWords(Path dir, Diagnostics notes) {
    this.dir = dir;
    this.notes = notes;
  }

  /** The words kept under {@code key}, or those {@code scan} finds (kept for the next build). */
  String[] get(String key, Supplier<String[]> scan) {
    String[] words = previous().get(key);
    if (words == null) {
      words = scan.get();
      for (int i = 0; i < words.length; i++) {
        String w = canonical.putIfAbsent(words[i], words[i]);
        if (w != null) words[i] = w;
      }
      changed = true;
    }
    used.put(key, words);
    return words;
  }

  /** How many articles' words the file keeps. */
  int size() {
    return previous().size();
  }

  /** The words kept under {@code key}, or null: not kept for the next build unless it asks. */
  String[] peek(String key) {
    return previous().get(key);
  }

  /** The file's entries, read once (and without a lock after that: every article asks). */
  private Map<String, String[]> previous() {
    Map<String, String[]> m = previous;
    if (m != null) return m;
    synchronized (this) {
      if (previous == null) previous = load();
      return previous;
    }
  }

  private Map<String, String[]> load() {
    try {
      CacheFile.Bytes bytes = CacheFile.read(dir.resolve(FILE), KIND);
      if (bytes == null) return Map.of();
      DataInputStream in = new DataInputStream(bytes);
      String[] table = new String[in.readInt()];
      for (int i = 0; i < table.length; i++) {
        table[i] = RecordCodec.readString(in);
        canonical.put(table[i], table[i]);
      }
      int n = in.readInt();
      Map<String, String[]> m = new HashMap<>(Math.max(16, n * 2));
      for (int i = 0; i < n; i++) {
        String key = RecordCodec.readString(in);
        String[] words = new String[in.readInt()];
        for (int j = 0; j < words.length; j++) words[j] = table[in.readInt()];
        m.put(key, words);
      }
      return m;
    } catch (CacheFile.Unusable e) {
      notes.note("the build cache's " + e.getMessage() + ": it is ignored (made again)");
    } catch (IOException | RuntimeException e) {
      notes.note("the build cache's " + FILE + " cannot be read (" + e + "): it is made again");
    }
    return Map.of();
  }

  /**
   * Writes the entries this build used, and those of the file for the other {@code current} keys
   * (articles whose words a patched index did not need), when they differ from the file's.
   */
  void save(Set<String> current) throws IOException {
    if (previous == null) return; // the index was kept: the file still fits
    for (String key : current) {
      String[] words = previous.get(key);
      if (words != null) used.putIfAbsent(key, words);
    }
    if (!changed && used.size() == previous.size()) return;
    // In no order: the entries are read into a map.
    Map<String, Integer> ids = new HashMap<>();
    List<String> table = new ArrayList<>();
    for (String[] words : used.values()) {
      for (String w : words) {
        if (ids.putIfAbsent(w, table.size()) == null) table.add(w);
      }
    }
    CacheFile.write(
        dir.resolve(FILE),
        KIND,
        o -> {
          o.writeInt(table.size());
          for (String w : table) RecordCodec.writeString(o, w);
          o.writeInt(used.size());
          for (var e : used.entrySet()) {
            RecordCodec.writeString(o, e.getKey());
            o.writeInt(e.getValue().length);
            for (String w : e.getValue()) o.writeInt(ids.get(w));
          }
        });
  }

  static void delete(Path dir) throws IOException {
    Files.deleteIfExists(dir.resolve(FILE));
  }
}
