package dev.sourced.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sourced.config.SiteConfig;
import dev.sourced.parse.ParsedPage;
import dev.sourced.resolve.ResolvedPage;
import dev.sourced.resolve.ResolvedSite;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A language's search index after an edit of some articles' prose alone, made from the index the
 * build before wrote instead of from every document: the same bytes as {@link SearchIndex#build}
 * (tested), at the cost of the parts the edit touches.
 *
 * <p>Why it holds: when only articles' prose changed (their front matter, declarations and place in
 * the site are as they were, see {@link OutputReuse#keepAsBefore}), every document, its number and
 * its row are as before, and so is every word's list but those of the words the edited bodies
 * gained or lost (less the words of their front matter, which weigh the same either way). The parts
 * of rows therefore stay as they are. The word list is cut into parts in word order by {@link
 * SearchIndex.WordParts}, whose only state is what the current part holds: it is cut again from the
 * first part holding a changed word, with the same class, each old part read from the output
 * folder, until it ends a part where an old part began with no changed word after that; from there
 * on the old parts are what a whole build makes, renumbered (and so renamed) only when fewer or
 * more parts came before them.
 *
 * <p>What it trusts: the build cache's records of the last build's outputs. {@code search.json} and
 * every part it names must be untouched since that build wrote them, and each part read must have
 * the SHA-256 it was recorded with; the lists read must hold the edited articles as their old
 * bodies say. Anything else, and the index is built whole.
 */
final class SearchIndexPatch {
  private static final JsonFactory JSON = new JsonFactory();

  private SearchIndexPatch() {}

  /** Why the index cannot be patched (it is then built whole). */
  private static final class Unpatchable extends Exception {
    Unpatchable(String why) {
      super(why, null, false, false);
    }
  }

  /**
   * The patched index of a language's view, or null when it must be built whole.
   *
   * @param before the parses the last build had of the articles whose prose alone changed, by path
   * @param bodyWords each article body's words now (see {@link SearchIndex#bodyWords})
   * @param partsTag what each part's record starts with, before its SHA-256
   */
  static SearchIndex.Built patch(
      ResolvedSite view,
      String prefix,
      Map<String, ParsedPage> before,
      Function<ResolvedPage, String[]> bodyWords,
      OutputReuse reuse,
      String partsTag) {
    List<Edit> edits = new ArrayList<>();
    List<ResolvedPage> pages = view.pages();
    for (int doc = 0; doc < pages.size(); doc++) {
      ParsedPage was = before.get(pages.get(doc).parsed().path());
      if (was != null) edits.add(new Edit(doc, was, pages.get(doc)));
    }
    return patch(
        view.config(),
        prefix,
        SearchIndex.Documents.of(view).size(),
        edits,
        List.of(),
        bodyWords,
        reuse,
        partsTag);
  }

  /**
   * An article whose prose alone changed: its number among the index's documents, the parse the
   * last build had of it, and its page now.
   */
  record Edit(int document, ParsedPage before, ResolvedPage now) {}

  /**
   * A document other than an article's whose row or words changed (a fact whose contents were
   * edited): its number, and the document as the build before made it and as it is now.
   */
  record DocEdit(int document, SearchIndex.Doc before, SearchIndex.Doc now) {}

  /**
   * The patched index of a language, or null when it must be built whole: as {@link
   * #patch(ResolvedSite, String, Map, Function, OutputReuse, String)}, with the edited articles
   * given by their numbers among the documents.
   *
   * @param config the language's settings
   * @param documents how many documents the index has now, or -1 when the caller knows they are the
   *     ones the last build indexed
   */
  static SearchIndex.Built patch(
      SiteConfig config,
      String prefix,
      int documents,
      List<Edit> edits,
      List<DocEdit> docs,
      Function<ResolvedPage, String[]> bodyWords,
      OutputReuse reuse,
      String partsTag) {
    try {
      return new SearchIndexPatch.Run(config, prefix, reuse, partsTag)
          .patch(documents, edits, docs, bodyWords);
    } catch (Unpatchable e) {
      return null;
    }
  }

  private static final class Run {
    final SiteConfig config;
    final String prefix;
    final OutputReuse reuse;
    final String partsTag;

    Run(SiteConfig config, String prefix, OutputReuse reuse, String partsTag) {
      this.config = config;
      this.prefix = prefix;
      this.reuse = reuse;
      this.partsTag = partsTag;
    }

    SearchIndex.Built patch(
        int documentsNow,
        List<Edit> edits,
        List<DocEdit> docs,
        Function<ResolvedPage, String[]> bodyWords)
        throws Unpatchable {
      Old old = readContents();
      int documents = documentsNow < 0 ? old.documents : documentsNow;
      int rows = (documents + SearchIndex.DOCS_PER_PART - 1) / SearchIndex.DOCS_PER_PART;
      if (old.documents != documents || old.rows != rows || old.rowHashes.length() != rows * 8) {
        throw new Unpatchable("the documents are not the ones indexed");
      }
      for (Edit e : edits) {
        if (e.document() < 0 || e.document() >= documents) {
          throw new Unpatchable("an edited article is not among the documents indexed");
        }
      }
      for (DocEdit e : docs) {
        if (e.document() < 0 || e.document() >= documents) {
          throw new Unpatchable("an edited fact is not among the documents indexed");
        }
      }
      Map<String, String> kept = new HashMap<>();
      // Every part is looked at before any is used: all of them stay, or the index is made whole.
      for (int i = 0; i < rows; i++) {
        String hash = old.rowHashes.substring(i * 8, i * 8 + 8);
        String path = SearchIndex.rowPartPath(prefix, i, hash);
        kept.put(path, recorded(path, hash));
      }
      // Each old part of the word list: its path, and the SHA-256 it was recorded with.
      List<String> wordPaths = new ArrayList<>();
      List<String> wordShas = new ArrayList<>();
      for (int i = 0; i < old.firsts.size(); i++) {
        String path = SearchIndex.wordPartPath(prefix, i, old.hashes.get(i));
        wordPaths.add(path);
        wordShas.add(recorded(path, old.hashes.get(i)));
      }
      NavigableMap<String, List<int[]>> changes = changes(edits, bodyWords);
      docChanges(docs, changes);

      List<RenderedPage> parts = new ArrayList<>();
      Map<String, String> hashes = new HashMap<>();
      String rowHashes = rows(docs, old.rowHashes, kept, parts, hashes);
      List<Object> termParts = new ArrayList<>();
      int m = old.firsts.size();
      // The first part holding a changed word (a word before every part's falls in the first).
      int k = changes.isEmpty() ? m : Math.max(0, part(old.firsts, changes.firstKey()));
      for (int i = 0; i < k; i++) {
        termParts.add(List.of(old.firsts.get(i), old.hashes.get(i)));
        kept.put(wordPaths.get(i), wordShas.get(i));
      }
      SearchIndex.WordParts cut = new SearchIndex.WordParts(prefix, k, parts, hashes, termParts);
      int i = k;
      while (i < m) {
        String end = i + 1 < m ? old.firsts.get(i + 1) : null;
        // The part's words and the changed words before the next part's first, in word order.
        NavigableMap<String, List<int[]>> here =
            end == null ? changes : changes.headMap(end, false);
        merge(readPart(wordPaths.get(i), wordShas.get(i)), here, cut);
        here.clear();
        i++;
        if (changes.isEmpty() && cut.atBoundary()) break;
      }
      if (i == m) cut.finish();
      // From part i on, the old parts are as a whole build makes them, numbered from cut.next().
      for (int j = i, number = cut.next(); j < m; j++, number++) {
        String hash = old.hashes.get(j);
        termParts.add(List.of(old.firsts.get(j), hash));
        if (number == j) {
          kept.put(wordPaths.get(j), wordShas.get(j));
        } else {
          byte[] bytes = bytes(wordPaths.get(j), wordShas.get(j));
          String moved = SearchIndex.wordPartPath(prefix, number, hash);
          parts.add(new RenderedPage(moved, bytes));
          hashes.put(moved, wordShas.get(j));
        }
      }
      // A part made again with the bytes it had is kept by its record, as in a whole build.
      Map<String, Object> contents =
          SearchIndex.contents(config, prefix, documents, termParts, rows, rowHashes);
      return new SearchIndex.Built(contents, parts, hashes, kept);
    }

    /**
     * The changes to the word lists, by word: for each edited article of this view, the words its
     * body gained (added with weight 1) or lost (taken out), less those of its front matter.
     */
    private NavigableMap<String, List<int[]>> changes(
        List<Edit> edits, Function<ResolvedPage, String[]> bodyWords) throws Unpatchable {
      NavigableMap<String, List<int[]>> changes = new TreeMap<>();
      for (Edit e : edits) {
        int doc = e.document();
        ResolvedPage p = e.now();
        ParsedPage was = e.before();
        // Its facts are documents of their own (see DocEdit), not words of the article's.
        if (!was.frontMatter().withFacts(List.of()).equals(p.frontMatter().withFacts(List.of()))) {
          throw new Unpatchable("an edited article's front matter changed");
        }
        Map<String, Integer> front = SearchIndex.frontMatterWords(p.frontMatter());
        // As the build before indexed them: kept by the build cache, so that no old body is read.
        String[] indexed = reuse.previousWords(p.parsed().path());
        Set<String> old =
            new HashSet<>(Arrays.asList(indexed != null ? indexed : SearchIndex.bodyWords(was)));
        Set<String> now = new HashSet<>(Arrays.asList(bodyWords.apply(p)));
        for (String w : now) {
          if (!old.contains(w) && !front.containsKey(w)) change(changes, w, doc, 1);
        }
        for (String w : old) {
          if (!now.contains(w) && !front.containsKey(w)) change(changes, w, doc, 0);
        }
      }
      return changes;
    }

    /**
     * The changes to the word lists of each edited document that is not an article's: a word it
     * lost, or whose weight changed, is taken out before one it gained (or with its new weight) is
     * added.
     */
    private static void docChanges(List<DocEdit> docs, NavigableMap<String, List<int[]>> changes) {
      for (DocEdit e : docs) {
        Map<String, Integer> before = weights(e.before()), now = weights(e.now());
        for (var w : before.entrySet()) {
          if (!w.getValue().equals(now.get(w.getKey())))
            change(changes, w.getKey(), e.document(), 0);
        }
        for (var w : now.entrySet()) {
          if (!w.getValue().equals(before.get(w.getKey()))) {
            change(changes, w.getKey(), e.document(), w.getValue());
          }
        }
      }
    }

    private static Map<String, Integer> weights(SearchIndex.Doc d) {
      Map<String, Integer> out = new HashMap<>();
      for (int i = 0; i < d.words().length; i++) out.put(d.words()[i], d.weights()[i]);
      return out;
    }

    /**
     * The parts of rows after the edited documents' rows are changed: each part holding one is read
     * (it must be what a whole build writes of its rows, and hold the document's old row where its
     * number says), made again with the new row and named by its new bytes; the others stay.
     * Returns the parts' hashes as {@code search.json} lists them.
     */
    private String rows(
        List<DocEdit> docs,
        String rowHashes,
        Map<String, String> kept,
        List<RenderedPage> parts,
        Map<String, String> hashes)
        throws Unpatchable {
      Map<Integer, List<DocEdit>> byPart = new TreeMap<>();
      for (DocEdit e : docs) {
        byPart
            .computeIfAbsent(e.document() / SearchIndex.DOCS_PER_PART, k -> new ArrayList<>())
            .add(e);
      }
      StringBuilder out = new StringBuilder(rowHashes);
      for (var p : byPart.entrySet()) {
        int number = p.getKey();
        String hash = rowHashes.substring(number * 8, number * 8 + 8);
        String path = SearchIndex.rowPartPath(prefix, number, hash);
        byte[] was = bytes(path, kept.get(path));
        List<Object> rows = readRows(path, was);
        for (DocEdit e : p.getValue()) {
          int at = e.document() % SearchIndex.DOCS_PER_PART;
          if (at >= rows.size()
              || !Arrays.equals(
                  SearchIndex.json(rows.get(at)), SearchIndex.json(e.before().row()))) {
            throw new Unpatchable(path + " does not hold the edited document's row");
          }
          rows.set(at, e.now().row());
        }
        kept.remove(path);
        String now =
            SearchIndex.part(
                parts,
                hashes,
                SearchIndex.json(rows),
                h -> SearchIndex.rowPartPath(prefix, number, h));
        out.replace(number * 8, number * 8 + 8, now);
      }
      return out.toString();
    }

    /** A part of rows as written, which writing its rows again must give byte for byte. */
    private static List<Object> readRows(String path, byte[] bytes) throws Unpatchable {
      Object rows;
      try (JsonParser p = JSON.createParser(bytes)) {
        p.nextToken();
        rows = value(p, path);
        if (p.nextToken() != null) throw new Unpatchable(path);
      } catch (IOException e) {
        throw new Unpatchable(path + ": " + e.getMessage());
      }
      if (!(rows instanceof List<?> list) || !Arrays.equals(SearchIndex.json(list), bytes)) {
        throw new Unpatchable(path + " is not written as its rows would be");
      }
      @SuppressWarnings("unchecked")
      List<Object> out = (List<Object>) list;
      return out;
    }

    private static Object value(JsonParser p, String path) throws IOException, Unpatchable {
      JsonToken t = p.currentToken();
      if (t == null) throw new Unpatchable(path);
      return switch (t) {
        case START_ARRAY -> {
          List<Object> list = new ArrayList<>();
          while (p.nextToken() != JsonToken.END_ARRAY) list.add(value(p, path));
          yield list;
        }
        case VALUE_STRING -> p.getText();
        case VALUE_NUMBER_INT -> p.getNumberValue();
        case VALUE_TRUE -> Boolean.TRUE;
        case VALUE_FALSE -> Boolean.FALSE;
        case VALUE_NULL -> null;
        default -> throw new Unpatchable(path + " holds " + t);
      };
    }

    private static void change(Map<String, List<int[]>> changes, String w, int doc, int weight) {
      changes.computeIfAbsent(w, x -> new ArrayList<>()).add(new int[] {doc, weight});
    }

    /** Feeds a part's words, with the changed words among them, to the cutter, in word order. */
    private static void merge(
        LinkedHashMap<String, String> words,
        NavigableMap<String, List<int[]>> changed,
        SearchIndex.WordParts cut)
        throws Unpatchable {
      var next = changed.entrySet().iterator();
      Map.Entry<String, List<int[]>> c = next.hasNext() ? next.next() : null;
      for (var e : words.entrySet()) {
        while (c != null && c.getKey().compareTo(e.getKey()) < 0) {
          add(cut, c.getKey(), "", c.getValue());
          c = next.hasNext() ? next.next() : null;
        }
        if (c != null && c.getKey().equals(e.getKey())) {
          add(cut, e.getKey(), e.getValue(), c.getValue());
          c = next.hasNext() ? next.next() : null;
        } else {
          add(cut, e.getKey(), e.getValue(), List.of());
        }
      }
      while (c != null) {
        add(cut, c.getKey(), "", c.getValue());
        c = next.hasNext() ? next.next() : null;
      }
    }

    private static void add(
        SearchIndex.WordParts cut, String word, String list, List<int[]> changes)
        throws Unpatchable {
      for (int[] change : changes) {
        list = SearchIndex.Postings.with(list, change[0], change[1]);
        if (list == null) throw new Unpatchable("a word's list does not hold what its body said");
      }
      if (list.isEmpty()) return; // no document has the word any more
      cut.begin(word).append(list);
      cut.end(word);
    }

    /** The part a word falls in: the last whose first word is not after it (-1: before all). */
    private static int part(List<String> firsts, String word) {
      int lo = 0, hi = firsts.size() - 1, found = -1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        if (firsts.get(mid).compareTo(word) <= 0) {
          found = mid;
          lo = mid + 1;
        } else {
          hi = mid - 1;
        }
      }
      return found;
    }

    /**
     * The SHA-256 a part was recorded with, when its file is untouched since; the record must be a
     * part of this index whose name carries the first 8 digits of it.
     */
    private String recorded(String path, String hash) throws Unpatchable {
      String fingerprint = reuse.untouched(path);
      if (fingerprint == null || !fingerprint.startsWith(partsTag)) {
        throw new Unpatchable(path + " is not as recorded");
      }
      String sha256 = fingerprint.substring(partsTag.length());
      if (!sha256.startsWith(hash)) throw new Unpatchable(path + " has another hash");
      return sha256;
    }

    /** A part's bytes as the build before wrote them, checked against its recorded SHA-256. */
    private byte[] bytes(String path, String sha256) throws Unpatchable {
      byte[] bytes = reuse.previousBytes(path);
      if (bytes == null || !FingerprintDigest.ofBytes(bytes).equals(sha256)) {
        throw new Unpatchable(path + " cannot be read as recorded");
      }
      return bytes;
    }

    /** A part of the word list as written: each word with its list, in word order. */
    private LinkedHashMap<String, String> readPart(String path, String sha256) throws Unpatchable {
      LinkedHashMap<String, String> words = new LinkedHashMap<>();
      try (JsonParser p = JSON.createParser(bytes(path, sha256))) {
        if (p.nextToken() != JsonToken.START_OBJECT) throw new Unpatchable(path);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String word = p.currentName();
          if (p.nextToken() != JsonToken.VALUE_STRING) throw new Unpatchable(path);
          words.put(word, p.getText());
        }
      } catch (IOException e) {
        throw new Unpatchable(path + ": " + e.getMessage());
      }
      return words;
    }

    /** What the build before's {@code search.json} says. */
    private record Old(
        int documents, int rows, String rowHashes, List<String> firsts, List<String> hashes) {}

    private Old readContents() throws Unpatchable {
      String path = prefix + "search.json";
      byte[] bytes = reuse.previousBytes(path);
      if (bytes == null) throw new Unpatchable(path + " is not as recorded");
      int version = -1, documents = -1, rows = -1, perPart = -1;
      String rowHashes = null;
      List<String> firsts = new ArrayList<>();
      List<String> hashes = new ArrayList<>();
      try (JsonParser p = JSON.createParser(bytes)) {
        if (p.nextToken() != JsonToken.START_OBJECT) throw new Unpatchable(path);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonToken t = p.nextToken();
          switch (name) {
            case "version" -> version = p.getIntValue();
            case "documents" -> documents = p.getIntValue();
            case "rows" -> rows = p.getIntValue();
            case "perPart" -> perPart = p.getIntValue();
            case "rowHashes" -> rowHashes = p.getText();
            case "words" -> {
              if (t != JsonToken.START_ARRAY) throw new Unpatchable(path);
              while (p.nextToken() == JsonToken.START_ARRAY) {
                p.nextToken();
                firsts.add(p.getText());
                p.nextToken();
                hashes.add(p.getText());
                if (p.nextToken() != JsonToken.END_ARRAY) throw new Unpatchable(path);
              }
            }
            default -> p.skipChildren();
          }
        }
      } catch (IOException | RuntimeException e) {
        throw new Unpatchable(path + ": " + e.getMessage());
      }
      if (version != SearchIndex.VERSION
          || perPart != SearchIndex.DOCS_PER_PART
          || rowHashes == null
          || firsts.isEmpty()) {
        throw new Unpatchable(path + " is of another kind");
      }
      return new Old(documents, rows, rowHashes, firsts, hashes);
    }
  }
}
