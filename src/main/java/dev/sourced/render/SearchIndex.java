package dev.sourced.render;

import dev.sourced.concurrent.Workers;
import dev.sourced.config.SiteConfig;
import dev.sourced.facts.Json;
import dev.sourced.facts.ValueFormatter;
import dev.sourced.hash.Hashes;
import dev.sourced.i18n.Messages;
import dev.sourced.model.Claim;
import dev.sourced.model.Fact;
import dev.sourced.model.FrontMatter;
import dev.sourced.model.Source;
import dev.sourced.model.Texts;
import dev.sourced.parse.ParsedPage;
import dev.sourced.resolve.ResolvedPage;
import dev.sourced.resolve.ResolvedSite;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A language's search index, published in parts so that a reader downloads only what a query needs,
 * with no search service behind it: the search page ({@code search.ftlh} with the theme's {@code
 * search.js}) reads {@code search.json}, a small table of contents, then fetches the one part of
 * the word list each query word falls in and the document rows of the first results.
 *
 * <p>Why this design, and not one file: a site of 10,000 articles has about a hundred thousand
 * distinct words and millions of (word, document) pairs; one file with them is megabytes, which a
 * phone downloads and parses before it shows anything. Cut into parts by word, one query costs a
 * part (at most {@link #TERMS_PER_PART} bytes of words, or one word's list when longer), and the
 * rows of the results shown. The parts are ranges of the sorted word list, as in Pagefind's index,
 * rather than fixed prefixes: ranges are all about the same size whatever the language's letters,
 * while a part per two-letter prefix would be a few bytes for "xq" and hundreds of kilobytes for
 * "co". A word's range is found by the first word of each part, listed in {@code search.json}; a
 * prefix query ("antw") reads the parts from the one the prefix falls in to the last one starting
 * with it, at most {@code search.js}'s limit. The document rows (kind, title, text shown, address)
 * are in parts of {@link #DOCS_PER_PART}, in document order, so the first results need a few small
 * parts. Built by the build itself in one pass over the texts already in memory or in the body
 * store, on all cores: no second program, no reading back the HTML pages.
 *
 * <p>What is in it: articles (title, summary, tags, the body's text), facts (label and the figure
 * the text shows), claims (the claim and who made it) and sources (title, publisher, short name),
 * each word weighted by where it is (title 3, summary, tags or figure 2, body 1).
 *
 * <p>How the parts are named: {@code search.json} has a fixed name, and every part's name carries a
 * hash, so that a browser (or a cache in front of the site) never mixes parts of two builds and a
 * host may keep the parts forever. A part of the word list is named by the hash of its own bytes
 * ({@code search/t/3.1a2b3c4d.json}), which {@code search.json} lists beside the part's first word,
 * a list it needs in any case: an edit of one article's text renames only the parts whose words
 * changed. The rows' parts are named the same way ({@code search/d/<n>.5e6f7a8b.json}), and {@code
 * search.json} gives them as a pattern, a count and one string of their hashes, eight hex digits
 * each, in part order ({@code rowHashes}), rather than as a list of addresses: at 10,000 articles
 * that list was 2,374 addresses, 77 KB of an 85 KB {@code search.json} that a reader downloads
 * before the first result, where the string is 19 KB (9 KB compressed). Each part keeps a hash of
 * its own, and not one shared by all, so that an edit of a row (a title, a summary, a fact's label
 * or figure) renames only the part that row is in: a shared hash renamed and rewrote all 2,374
 * parts (9.9 MB) on every such edit, which a build that writes only what changed, and an upload
 * that sends only that, cannot afford. A body's text is in no row. Addresses are site-absolute
 * ({@code /explainers/x/#fact-y} under a sub-path). Deterministic: the same site gives the same
 * bytes.
 */
final class SearchIndex {
  /**
   * About how many bytes of words and their documents a part of the word list holds: small, as the
   * part of a word's last letter is fetched after that key (bench/search-phone.mjs: 32 KB parts
   * kept a phone waiting 1.3 s for a word's first result, 8 KB parts 0.9 s).
   */
  static final int TERMS_PER_PART = 8 * 1024;

  /** How many document rows a part holds. */
  static final int DOCS_PER_PART = 32;

  private SearchIndex() {}

  /**
   * The table of contents ({@code search.json}) and the parts it names, with the SHA-256 of each
   * part's bytes in hex, by the part's path: the first eight digits are in the part's name, and the
   * build cache records the part by all of them (one hash of each part's bytes, not two). A {@link
   * SearchIndexPatch patched} index also names the parts {@code search.json} names that stay as the
   * build before wrote them ({@code kept}, with their SHA-256, by path): only the others are in
   * {@code parts}.
   */
  record Built(
      Map<String, Object> contents,
      List<RenderedPage> parts,
      Map<String, String> hashes,
      Map<String, String> kept) {
    Built(Map<String, Object> contents, List<RenderedPage> parts, Map<String, String> hashes) {
      this(contents, parts, hashes, Map.of());
    }
  }

  /** How many documents are made at a time (see {@link #build}). */
  private static final int BATCH = 1024;

  /**
   * One searchable thing: the row shown for it, and its words (each once) with their weights, in
   * any order.
   */
  record Doc(List<Object> row, String[] words, int[] weights) {
    Doc(List<Object> row, Map<String, Integer> words) {
      this(row, words.keySet().toArray(new String[0]), weights(words));
    }

    private static int[] weights(Map<String, Integer> words) {
      int[] w = new int[words.size()];
      int i = 0;
      for (int v : words.values()) w[i++] = v;
      return w;
    }
  }

  /**
   * The index of a language's view of the site.
   *
   * @param prefix the language's folder ({@code nl/}, or empty), where the parts are written
   */
  static Built build(ResolvedSite site, ValueFormatter fmt, String prefix) {
    return build(site, fmt, prefix, SearchIndex::bodyWords);
  }

  /**
   * The index, with each article body's words from {@code bodyWords} (see {@link #bodyWords}; the
   * build cache keeps them between builds, as scanning every body is most of the index's cost).
   */
  static Built build(
      ResolvedSite site,
      ValueFormatter fmt,
      String prefix,
      java.util.function.Function<ResolvedPage, String[]> bodyWords) {
    var config = site.config();
    Documents docs = Documents.of(site);
    List<ResolvedPage> pages = docs.pages();
    List<Fact> facts = docs.facts();
    List<Claim> claims = docs.claims();
    List<Source> sources = docs.sources();
    int a = pages.size(), f = a + facts.size(), c = f + claims.size();
    int n = docs.size();
    // The documents are made on all cores a batch at a time and their words added to the lists at
    // once, in document order: only the rows are kept. (Keeping every document's words until all
    // were made held millions of map entries at once, at 10,000 articles most of the index's time
    // in collecting them.)
    Map<String, Postings> words = new HashMap<>();
    List<List<Object>> rows = new ArrayList<>(n);
    for (int from = 0; from < n; from += BATCH) {
      int start = from;
      List<Doc> batch =
          Workers.map(
              Math.min(BATCH, n - start),
              j -> {
                int i = start + j;
                if (i < a) return article(pages.get(i), config, bodyWords);
                if (i < f) return fact(facts.get(i - a), site, fmt);
                if (i < c) return claim(claims.get(i - f), site, fmt);
                return source(sources.get(i - c), config);
              });
      for (int j = 0; j < batch.size(); j++) {
        Doc d = batch.get(j);
        rows.add(d.row());
        for (int k = 0; k < d.words().length; k++) {
          words.computeIfAbsent(d.words()[k], w -> new Postings()).add(start + j, d.weights()[k]);
        }
      }
    }
    List<String> sorted = new ArrayList<>(words.keySet());
    sorted.sort(null);
    List<RenderedPage> parts = new ArrayList<>();
    Map<String, String> hashes = new HashMap<>();
    List<Object> termParts = new ArrayList<>();
    WordParts cut = new WordParts(prefix, 0, parts, hashes, termParts);
    for (String word : sorted) {
      words.get(word).encode(cut.begin(word));
      cut.end(word);
    }
    cut.finish();
    List<byte[]> rowParts = new ArrayList<>();
    for (int i = 0; i < n; i += DOCS_PER_PART) {
      rowParts.add(json(new ArrayList<Object>(rows.subList(i, Math.min(n, i + DOCS_PER_PART)))));
    }
    StringBuilder rowHashes = new StringBuilder();
    for (int i = 0; i < rowParts.size(); i++) {
      int number = i;
      rowHashes.append(
          part(parts, hashes, rowParts.get(i), hash -> rowPartPath(prefix, number, hash)));
    }
    return new Built(
        contents(config, prefix, n, termParts, rowParts.size(), rowHashes.toString()),
        parts,
        hashes);
  }

  /** The version of the index's format, in {@code search.json}, which {@code search.js} reads. */
  static final int VERSION = 4;

  /**
   * {@code search.json}: how many documents, the parts of the word list (each {@code [first word,
   * hash]}), how many parts of rows and their hashes, and the patterns of the parts' addresses.
   */
  static Map<String, Object> contents(
      SiteConfig config,
      String prefix,
      int documents,
      List<Object> termParts,
      int rows,
      String rowHashes) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("version", VERSION);
    root.put("documents", documents);
    root.put("perPart", DOCS_PER_PART);
    root.put("longest", SearchTerms.LONGEST);
    root.put("wordPart", config.url(prefix + "search/t/") + "{n}.{hash}.json");
    root.put("words", termParts);
    root.put("rowPart", config.url(prefix + "search/d/") + "{n}.{hash}.json");
    root.put("rows", rows);
    root.put("rowHashes", rowHashes);
    return root;
  }

  /** The path of a part of the word list, by its number and the hash its name carries. */
  static String wordPartPath(String prefix, int number, String hash) {
    return prefix + "search/t/" + number + "." + hash + ".json";
  }

  /** The path of a part of the rows, by its number and the hash its name carries. */
  static String rowPartPath(String prefix, int number, String hash) {
    return prefix + "search/d/" + number + "." + hash + ".json";
  }

  /**
   * The documents of a language's index, in their order (a document's number is its place): the
   * articles and pages, then the facts and claims that have a home, then the sources.
   */
  record Documents(
      List<ResolvedPage> pages, List<Fact> facts, List<Claim> claims, List<Source> sources) {
    static Documents of(ResolvedSite site) {
      List<Fact> facts = new ArrayList<>();
      for (Fact f : site.facts().values()) if (site.factHome(f.id()) != null) facts.add(f);
      List<Claim> claims = new ArrayList<>();
      for (Claim c : site.claims().values()) if (site.claimHome(c.id()) != null) claims.add(c);
      return new Documents(site.pages(), facts, claims, new ArrayList<>(site.sources().values()));
    }

    int size() {
      return pages.size() + facts.size() + claims.size() + sources.size();
    }
  }

  /**
   * Cuts the sorted word list into parts as it is given, word by word: a part ends with the word
   * that brings it to {@link #TERMS_PER_PART} (counting each word, its list and 6 characters of
   * JSON around them), so a word's list is never split. A whole build and a {@link SearchIndexPatch
   * patch} cut with this one class, so that both cut alike. A part's JSON is written as it grows
   * (what Json writes of a map of strings: a word's list is digits and commas, which need no
   * escaping), as the word list is most of the index's bytes.
   */
  static final class WordParts {
    private final String prefix;
    private final List<RenderedPage> parts;
    private final Map<String, String> hashes;
    private final List<Object> termParts;
    private final StringBuilder part = new StringBuilder(2 * TERMS_PER_PART);
    private int size;
    private int from;
    private String first;
    private int number;

    /**
     * @param number the number of the first part to make
     * @param parts where each part made is added
     * @param hashes where each part's SHA-256 is put, by its path
     * @param termParts where each part's {@code [first word, hash]} is added
     */
    WordParts(
        String prefix,
        int number,
        List<RenderedPage> parts,
        Map<String, String> hashes,
        List<Object> termParts) {
      this.prefix = prefix;
      this.number = number;
      this.parts = parts;
      this.hashes = hashes;
      this.termParts = termParts;
    }

    /** Starts a word's entry: its list is appended to what this returns, then {@link #end}. */
    StringBuilder begin(String word) {
      part.append(first == null ? '{' : ',');
      if (first == null) first = word;
      Json.string(word, part);
      part.append(':').append('"');
      from = part.length();
      return part;
    }

    /** Ends the entry of {@code word}, and the part if it is full. */
    void end(String word) {
      size += word.length() + part.length() - from + 6;
      part.append('"');
      if (size >= TERMS_PER_PART) cut();
    }

    /** Whether the last word ended a part (or none was given): the next word starts one. */
    boolean atBoundary() {
      return first == null;
    }

    /** The number the next part made will have. */
    int next() {
      return number;
    }

    /** Ends the last part, if it holds any word. */
    void finish() {
      if (first != null) cut();
    }

    private void cut() {
      byte[] bytes = part.append("}\n").toString().getBytes(StandardCharsets.UTF_8);
      int n = number;
      String hash = part(parts, hashes, bytes, h -> wordPartPath(prefix, n, h));
      termParts.add(List.of(first, hash));
      number++;
      part.setLength(0);
      size = 0;
      first = null;
    }
  }

  /**
   * A part at the path its hash gives ({@link #wordPartPath}, {@link #rowPartPath}), where the hash
   * is the first 8 hex digits of the SHA-256 of its bytes (as assets are named), kept with all 64
   * in {@code hashes}; returns the 8.
   */
  static String part(
      List<RenderedPage> parts,
      Map<String, String> hashes,
      byte[] bytes,
      java.util.function.UnaryOperator<String> pathOf) {
    String sha256 = Hashes.sha256Hex(bytes);
    String hash = sha256.substring(0, 8);
    String path = pathOf.apply(hash);
    parts.add(new RenderedPage(path, bytes));
    hashes.put(path, sha256);
    return hash;
  }

  static byte[] json(Object value) {
    return (Json.write(value, false) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** The words of an article's body, as the index has them (each of weight 1). */
  static String[] bodyWords(ResolvedPage p) {
    return bodyWords(p.parsed());
  }

  /** The words of a parse's body, as the index has them (each of weight 1). */
  static String[] bodyWords(ParsedPage p) {
    Map<String, Integer> w = new LinkedHashMap<>();
    SearchTerms.addHtml(p.body().html(), 1, w);
    return w.keySet().toArray(new String[0]);
  }

  /**
   * The words of an article's front matter with their weights (summary and tags 2, title 3): in its
   * document they weigh that, whether or not the body has them too.
   */
  static Map<String, Integer> frontMatterWords(FrontMatter fm) {
    Map<String, Integer> w = new HashMap<>();
    SearchTerms.add(fm.summary(), 2, w);
    SearchTerms.add(String.join(" ", fm.tags()), 2, w);
    SearchTerms.add(fm.title(), 3, w);
    return w;
  }

  private static Doc article(
      ResolvedPage p, SiteConfig config, java.util.function.Function<ResolvedPage, String[]> body) {
    var fm = p.frontMatter();
    // The few words of the front matter in a map; the body's (each of weight 1, each once) as they
    // are, but for those the front matter weighs more.
    Map<String, Integer> w = frontMatterWords(fm);
    String[] bodyWords = body.apply(p);
    String[] words = new String[bodyWords.length + w.size()];
    int[] weights = new int[words.length];
    int n = 0;
    for (var e : w.entrySet()) {
      words[n] = e.getKey();
      weights[n++] = e.getValue();
    }
    for (String word : bodyWords) {
      if (w.containsKey(word)) continue;
      words[n] = word;
      weights[n++] = 1;
    }
    String summary = fm.summary() == null ? "" : fm.summary();
    return new Doc(
        Arrays.asList("article", fm.title(), summary, config.url(p.url())),
        Arrays.copyOf(words, n),
        Arrays.copyOf(weights, n));
  }

  static Doc fact(Fact f, ResolvedSite site, ValueFormatter fmt) {
    String value = fmt.withUnitAndCaveat(f, f.usedInText());
    Map<String, Integer> w = new LinkedHashMap<>();
    SearchTerms.add(value, 2, w);
    SearchTerms.add(f.label(), 3, w);
    String status = fmt.messages().text("fact.status." + f.status().key());
    String url = site.config().url(site.factHome(f.id()).url()) + "#fact-" + f.id();
    return new Doc(
        Arrays.asList(
            "fact", shown(f.texts(), "label", f.label()), value + " (" + status + ")", url),
        w);
  }

  private static Doc claim(Claim c, ResolvedSite site, ValueFormatter fmt) {
    Map<String, Integer> w = new LinkedHashMap<>();
    SearchTerms.add(c.claimant(), 2, w);
    SearchTerms.add(c.claim(), 3, w);
    String verdict = fmt.messages().text(c.verdict().messageKey());
    String url = site.config().url(site.claimHome(c.id()).url()) + "#claim-" + c.id();
    return new Doc(
        Arrays.asList(
            "claim",
            shown(c.texts(), "claim", c.claim()),
            "",
            url,
            verdict,
            shown(c.texts(), "claimant", c.claimant())),
        w);
  }

  /**
   * A declaration's text in a row: the string, or, where the index's language has no translation of
   * it yet, {@code [text, language]}, so that the search page gives it its own {@code lang} and
   * says in the page's words that it is not yet translated, as {@link TranslatedText} does on the
   * other pages.
   */
  private static Object shown(Texts texts, String field, String text) {
    String from = texts.fallback(field);
    return from == null || text == null ? text : List.of(text, from);
  }

  private static Doc source(Source s, SiteConfig config) {
    Map<String, Integer> w = new LinkedHashMap<>();
    SearchTerms.add(s.shortName(), 2, w);
    SearchTerms.add(s.publisher(), 2, w);
    SearchTerms.add(s.title(), 3, w);
    String title = s.title() == null || s.title().isBlank() ? s.shortName() : s.title();
    String text = s.publisher() == null ? "" : s.publisher();
    if (s.date() != null) text = text.isEmpty() ? s.date().toString() : text + ", " + s.date();
    return new Doc(
        Arrays.asList("source", title, text, config.languageUrl("sources/" + s.id() + "/")), w);
  }

  /**
   * The documents a word is in, in order, with the word's weight in each: written as base-36
   * numbers, each the distance from the previous document times 4 plus the weight, comma separated
   * (about 3 bytes a document).
   */
  static final class Postings {
    private int[] values = new int[4];
    private int size;
    private int last = -1;

    void add(int doc, int weight) {
      if (size == values.length) values = Arrays.copyOf(values, size * 2);
      values[size++] = (doc - last) * 4 + weight;
      last = doc;
    }

    void encode(StringBuilder b) {
      for (int i = 0; i < size; i++) {
        if (i > 0) b.append(',');
        b.append(Integer.toString(values[i], 36));
      }
    }

    /**
     * A word's list as {@link #encode} wrote it, with document {@code doc} added with {@code
     * weight} (1 to 3), or taken out where {@code weight} is 0; null when the list is not one this
     * class writes, or already holds {@code doc} to add, or lacks it to take out. The result is the
     * list a whole build makes of the same documents ("" when none is left).
     */
    static String with(String encoded, int doc, int weight) {
      Postings out = new Postings();
      boolean found = false;
      int last = -1;
      if (!encoded.isEmpty()) {
        for (String v : encoded.split(",", -1)) {
          int value;
          try {
            value = Integer.parseInt(v, 36);
          } catch (NumberFormatException e) {
            return null;
          }
          if (value < 4 || value % 4 == 0) return null;
          int at = last + value / 4;
          last = at;
          if (at == doc) {
            if (weight != 0) return null;
            found = true;
            continue;
          }
          if (weight != 0 && !found && at > doc) {
            out.add(doc, weight);
            found = true;
          }
          out.add(at, value % 4);
        }
      }
      if (weight != 0 && !found) {
        out.add(doc, weight);
        found = true;
      }
      if (!found) return null;
      StringBuilder b = new StringBuilder();
      out.encode(b);
      return b.toString();
    }
  }

  /** The search script's words, as JSON for the search form's {@code data-messages}. */
  static String messages(Messages words) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("loading", words.text("search.loading"));
    m.put("failed", words.text("search.failed"));
    m.put("prompt", words.text("search.prompt"));
    m.put("none", words.pattern("search.none"));
    m.put("found", words.pattern("search.found"));
    m.put("partial", words.pattern("search.partial"));
    m.put("results", new LinkedHashMap<String, Object>(words.pluralForms("search.results")));
    m.put("claim", words.pattern("search.claim_text"));
    m.put("untranslated", words.text("translation.missing"));
    m.put("kind.article", words.text("search.kind.article"));
    m.put("kind.fact", words.text("search.kind.fact"));
    m.put("kind.claim", words.text("search.kind.claim"));
    m.put("kind.source", words.text("search.kind.source"));
    return Json.write(m, false);
  }
}
