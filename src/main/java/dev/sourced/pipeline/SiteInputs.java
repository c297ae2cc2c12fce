package dev.sourced.pipeline;

import dev.sourced.cache.BuildCache;
import dev.sourced.concurrent.Workers;
import dev.sourced.config.ConfigLoader;
import dev.sourced.config.SiteConfig;
import dev.sourced.diag.Diagnostic;
import dev.sourced.diag.Diagnostics;
import dev.sourced.facts.BodyHtml;
import dev.sourced.load.ArticleFile;
import dev.sourced.load.ContentLoader;
import dev.sourced.load.LoadedSite;
import dev.sourced.load.SourceFile;
import dev.sourced.load.StaticFile;
import dev.sourced.parse.BodySpill;
import dev.sourced.parse.PageParser;
import dev.sourced.parse.ParsedData;
import dev.sourced.parse.ParsedPage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load and parse stages of the {@link Pipeline}, with what they gave kept per file: the
 * settings, the data files and the articles, each with the diagnostics of reading and parsing it. A
 * pipeline that keeps state (the preview server's) keeps each file's text too, so that a file whose
 * text did not change is not parsed again; a one-run build keeps no text (articles are read again
 * only to show the line a diagnostic points at).
 *
 * <p>Articles are read and parsed on all cores, one at a time per worker, so the site's texts and
 * Markdown trees are never all in memory at once.
 */
final class SiteInputs {
  /**
   * A file with what parsing it gave.
   *
   * @param text the file's text when kept, else null
   * @param read whether the file could be read (an unreadable one is reported, not parsed)
   * @param parsed the parse, or null when the file could not be read or parsed
   */
  record Parsed<F, P>(String text, boolean read, F file, P parsed, List<Diagnostic> diagnostics) {}

  private final Path source;
  private final boolean keepTexts;

  private String configText;
  private SiteConfig config;
  private List<Diagnostic> configDiagnostics = List.of();
  private List<Diagnostic> loadDiagnostics = List.of();
  private Path templatesDir;
  private List<SourceFile> messageFiles = List.of();

  /** The languages the kept articles were parsed with (a page's language is in its address). */
  private List<String> parsedLanguages = List.of();

  /** The languages the data files were parsed for: their texts may be per language. */
  private List<String> dataLanguages = List.of();

  private List<StaticFile> staticFiles = List.of();

  /** The raw_html setting the kept articles were parsed (and their bodies rendered) with. */
  private boolean parsedRawHtml;

  private boolean loaded;

  /** The articles the last load found, before parsing. */
  private List<ArticleFile> articleFiles = List.of();

  private final Map<String, Parsed<ArticleFile, ParsedPage>> articles = new TreeMap<>();
  private final Map<String, Parsed<SourceFile, ParsedData>> data = new TreeMap<>();

  /** The build cache's key of each article's parse (by identity), for keeping its outputs. */
  private final Map<ParsedPage, String> inputKeys =
      java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

  SiteInputs(Path source, boolean keepTexts) {
    this.source = source;
    this.keepTexts = keepTexts;
  }

  SiteConfig config() {
    return config;
  }

  /** The text of sourced.yaml, or null when there is none. */
  String configText() {
    return configText;
  }

  Path templatesDir() {
    return templatesDir;
  }

  /** The site's message files ({@code i18n/LANG.yaml}). */
  List<SourceFile> messageFiles() {
    return messageFiles;
  }

  /** The files of static/, as the last load found them. */
  List<StaticFile> staticFiles() {
    return staticFiles;
  }

  Parsed<ArticleFile, ParsedPage> article(String path) {
    return articles.get(path);
  }

  /**
   * Whether the kept parse can be brought up to date by reading just these files again: each is a
   * known article that still exists (a new or deleted file, a data file, sourced.yaml or a template
   * changes what the site is made of).
   */
  boolean onlyKnownArticlesChanged(Collection<String> changed) {
    if (!loaded || changed == null) return false;
    for (String p : changed) {
      if (!isArticle(p) || !articles.containsKey(p) || !Files.isRegularFile(source.resolve(p))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Loads the site again, parsing each file whose text changed (every file, when texts are not
   * kept).
   *
   * @param changed site-relative paths that changed, or null when unknown
   * @param bodies where article bodies wait for rendering (in memory when null)
   * @return whether settings or templates may have changed, so that compiled templates are stale
   */
  boolean reloadAll(Collection<String> changed, BodySpill bodies, Progress progress)
      throws IOException {
    return reloadAll(changed, bodies, progress, null);
  }

  /**
   * As {@link #reloadAll(Collection, BodySpill, Progress)}, taking each article's parse from the
   * build cache when it holds one for the article's bytes and settings, and keeping there the
   * parses it makes (their bodies in the cache's own store).
   */
  boolean reloadAll(
      Collection<String> changed, BodySpill spill, Progress progress, BuildCache cache)
      throws IOException {
    return reloadAll(changed, spill, progress, cache, () -> {});
  }

  /**
   * As {@link #reloadAll(Collection, BodySpill, Progress, BuildCache)}, running {@code onLoad} once
   * the files are found and the settings read, before any article is parsed: the settings,
   * templates, message files and the list of articles are known then.
   */
  boolean reloadAll(
      Collection<String> changed,
      BodySpill spill,
      Progress progress,
      BuildCache cache,
      Runnable onLoad)
      throws IOException {
    return reloadAll(changed, spill, progress, cache, onLoad, null);
  }

  /**
   * As {@link #reloadAll(Collection, BodySpill, Progress, BuildCache, Runnable)}, finding, reading
   * and parsing only the articles whose paths {@code only} gives (null: every article); it is asked
   * once {@code onLoad} ran. The others are then not even looked for, and not in {@link #pages}:
   * for a build that needs some articles alone.
   */
  boolean reloadAll(
      Collection<String> changed,
      BodySpill spill,
      Progress progress,
      BuildCache cache,
      Runnable onLoad,
      java.util.function.Supplier<Collection<String>> only)
      throws IOException {
    Diagnostics loadDiag = new Diagnostics();
    LoadedSite site =
        only == null
            ? ContentLoader.load(source, loadDiag)
            : ContentLoader.loadWithoutArticles(source, loadDiag);
    loadDiagnostics = loadDiag.list();
    boolean settingsChanged =
        changed == null
            || !loaded
            || !Objects.equals(site.configText(), configText)
            || changed.stream().anyMatch(p -> p.startsWith(ContentLoader.TEMPLATES + "/"))
            || !Objects.equals(site.templatesDir(), templatesDir)
            || !site.messageFiles().equals(messageFiles);
    configText = site.configText();
    templatesDir = site.templatesDir();
    messageFiles = site.messageFiles();
    staticFiles = site.staticFiles();
    Diagnostics configDiag = new Diagnostics();
    // A sourced.yaml that exists but cannot be read is reported by the loader, not as missing.
    config =
        configText == null && site.configFound()
            ? ConfigLoader.defaults()
            : ConfigLoader.parse(configText, configDiag);
    configDiagnostics = configDiag.list();
    articleFiles = site.articles();
    onLoad.run();

    Map<String, Parsed<SourceFile, ParsedData>> oldData = new HashMap<>(data);
    data.clear();
    for (SourceFile f : site.dataFiles()) {
      var old = oldData.get(f.path());
      if (old != null && f.text().equals(old.text()) && config.languages().equals(dataLanguages)) {
        data.put(f.path(), old);
      } else {
        Diagnostics d = new Diagnostics();
        ParsedData parsed = PageParser.parseData(f, config.languages(), d);
        // Data files are few and small: their text is always kept, for showing diagnostics.
        data.put(f.path(), new Parsed<>(f.text(), true, f, parsed, d.list()));
      }
    }

    dataLanguages = config.languages();

    // Bodies are rendered when parsed: a change of raw_html means parsing every article again.
    Map<String, Parsed<ArticleFile, ParsedPage>> oldArticles =
        loaded && config.rawHtml() == parsedRawHtml && config.languages().equals(parsedLanguages)
            ? new HashMap<>(articles)
            : Map.of();
    parsedRawHtml = config.rawHtml();
    parsedLanguages = config.languages();
    List<ArticleFile> files =
        only == null
            ? site.articles()
            : ContentLoader.loadArticles(source, only.get(), config.languages());
    articleFiles = files;
    inputKeys.clear();
    // Asked for only now: the cache's parses may still be being read (BuildCache#preload) while
    // the settings above are loaded.
    BodyHtml.Store bodies = cache != null ? cache.bodies() : spill;
    AtomicInteger done = new AtomicInteger();
    List<Parsed<ArticleFile, ParsedPage>> parsed =
        Workers.map(
            files.size(),
            i -> {
              var p = load(files.get(i), cache, bodies, oldArticles);
              progress.update("parsing", done.incrementAndGet(), files.size());
              return p;
            });
    articles.clear();
    for (var p : parsed) articles.put(p.file().path(), p);
    loaded = true;
    return settingsChanged;
  }

  /**
   * Finds, reads and parses these articles too, after a load of some articles alone (see {@link
   * #reloadAll(Collection, BodySpill, Progress, BuildCache, Runnable,
   * java.util.function.Supplier)}): for a build that finds it needs more of them once it has parsed
   * those.
   */
  void loadMore(Collection<String> paths, BuildCache cache) throws IOException {
    List<String> more = new ArrayList<>();
    for (String p : paths) if (!articles.containsKey(p)) more.add(p);
    if (more.isEmpty()) return;
    List<ArticleFile> files = ContentLoader.loadArticles(source, more, config.languages());
    BodyHtml.Store bodies = cache.bodies();
    List<Parsed<ArticleFile, ParsedPage>> parsed =
        Workers.map(files.size(), i -> load(files.get(i), cache, bodies, Map.of()));
    for (var p : parsed) articles.put(p.file().path(), p);
    List<ArticleFile> all = new ArrayList<>(articleFiles);
    all.addAll(files);
    articleFiles = all;
  }

  /**
   * One article as loaded: its parse from the build cache when that holds one for its bytes and
   * settings (parsed and kept there when not), else from {@code oldArticles} when its text is the
   * same, else parsed.
   */
  private Parsed<ArticleFile, ParsedPage> load(
      ArticleFile f,
      BuildCache cache,
      BodyHtml.Store bodies,
      Map<String, Parsed<ArticleFile, ParsedPage>> oldArticles) {
    Diagnostics d = new Diagnostics();
    String known = cache == null ? null : cache.knownKey(f, parsedRawHtml, parsedLanguages);
    var knownHit = known == null ? null : cache.page(known);
    if (knownHit != null) {
      Parsed<ArticleFile, ParsedPage> p =
          new Parsed<>(null, true, f, knownHit.page(), knownHit.diagnostics());
      if (p.parsed() != null) inputKeys.put(p.parsed(), known);
      return p;
    }
    byte[] bytes = cache == null ? null : ContentLoader.bytes(f);
    if (bytes != null) {
      String key = BuildCache.pageKey(f, bytes, parsedRawHtml, parsedLanguages);
      cache.saw(f, parsedRawHtml, parsedLanguages, key);
      var hit = cache.page(key);
      Parsed<ArticleFile, ParsedPage> p;
      if (hit != null) {
        p = new Parsed<>(null, true, f, hit.page(), hit.diagnostics());
      } else {
        p = parse(f, ContentLoader.read(f, bytes, d), bodies, d);
        if (p.read()) cache.putPage(key, p.parsed(), p.diagnostics());
      }
      if (p.parsed() != null) inputKeys.put(p.parsed(), key);
      return p;
    }
    SourceFile src = ContentLoader.read(f, d);
    var old = oldArticles.get(f.path());
    return old != null
            && src != null
            && src.text().equals(old.text())
            && old.file().bundleFiles().equals(f.bundleFiles())
        ? old
        : parse(f, src, bodies, d);
  }

  /** Reads and parses one known article again (see {@link #onlyKnownArticlesChanged}). */
  void reloadArticle(String path) throws IOException {
    Diagnostics d = new Diagnostics();
    ArticleFile f = ContentLoader.loadArticle(source, path, config.languages(), d);
    var old = articles.get(path);
    SourceFile src = f == null ? null : ContentLoader.read(f, d);
    if (src == null) {
      articles.put(path, new Parsed<>(old.text(), false, old.file(), null, d.list()));
      return;
    }
    if (old.parsed() != null && src.text().equals(old.text())) return;
    articles.put(path, parse(f, src, null, d));
  }

  private Parsed<ArticleFile, ParsedPage> parse(
      ArticleFile f, SourceFile src, BodyHtml.Store bodies, Diagnostics d) {
    ParsedPage p =
        src == null ? null : PageParser.parse(f, src, parsedRawHtml, parsedLanguages, bodies, d);
    String text = keepTexts && src != null ? src.text() : null;
    return new Parsed<>(text, src != null, f, p, d.list());
  }

  /** The articles the last load found (parsed or not). */
  List<ArticleFile> articleFiles() {
    return articleFiles;
  }

  /** The build cache's key of a page's parse, or null (not from the cache, or changed since). */
  String inputKey(ParsedPage page) {
    return inputKeys.get(page);
  }

  List<ParsedData> data() {
    List<ParsedData> out = new ArrayList<>();
    for (var d : data.values()) out.add(d.parsed());
    return out;
  }

  List<ParsedPage> pages() {
    List<ParsedPage> out = new ArrayList<>();
    for (var a : articles.values()) if (a.parsed() != null) out.add(a.parsed());
    return out;
  }

  /** Whether some article was read but could not be parsed (reported already). */
  boolean partial() {
    for (var a : articles.values()) if (a.read() && a.parsed() == null) return true;
    return false;
  }

  /** The diagnostics of loading, reading and parsing. */
  Diagnostics diagnostics() {
    Diagnostics diagnostics = new Diagnostics();
    diagnostics.addAll(configDiagnostics);
    diagnostics.addAll(loadDiagnostics);
    for (var d : data.values()) diagnostics.addAll(d.diagnostics());
    for (var a : articles.values()) diagnostics.addAll(a.diagnostics());
    return diagnostics;
  }

  /** The text of each source file, for showing the line a diagnostic points at. */
  SourceTexts texts() {
    SourceTexts texts = new SourceTexts();
    if (configText != null) texts.put(SiteConfig.FILE_NAME, configText);
    for (var d : data.values()) texts.put(d.file().path(), d.text());
    for (var a : articles.values()) {
      if (a.text() != null) texts.put(a.file().path(), a.text());
      else texts.article(a.file());
    }
    return texts;
  }

  static boolean isArticle(String p) {
    return p.startsWith(ContentLoader.CONTENT + "/")
        && ContentLoader.isMarkdown(p)
        && !p.startsWith(ContentLoader.CONTENT + "/" + ContentLoader.DATA + "/");
  }
}
