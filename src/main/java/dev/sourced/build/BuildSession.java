package dev.sourced.build;

import dev.sourced.config.ConfigLoader;
import dev.sourced.config.SiteConfig;
import dev.sourced.diag.Diagnostic;
import dev.sourced.diag.Diagnostics;
import dev.sourced.load.ArticleFile;
import dev.sourced.load.ContentLoader;
import dev.sourced.load.LoadedSite;
import dev.sourced.load.SourceFile;
import dev.sourced.parse.PageParser;
import dev.sourced.parse.ParsedData;
import dev.sourced.parse.ParsedPage;
import dev.sourced.render.RenderedSite;
import dev.sourced.render.SiteRenderer;
import dev.sourced.resolve.ReferenceResolver;
import dev.sourced.resolve.ResolvedSite;
import dev.sourced.write.OutputSync;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Incremental builds for the preview server: the same stages as {@link SiteBuilder}, with what
 * they produced kept between rebuilds.
 *
 * <ul>
 *   <li>load: a saved article is read again alone; anything else (a new or deleted file, a data
 *       file, sourced.yaml, a template) reloads the site;
 *   <li>parse: a file is parsed again only when its text changed; its diagnostics are kept with
 *       it;
 *   <li>resolve: always whole (it walks no bodies, only the uses parse collected);
 *   <li>render: a kept {@link SiteRenderer} renders again only pages whose inputs changed, and is
 *       replaced when templates or settings change;
 *   <li>write: {@link OutputSync} writes only changed files.
 * </ul>
 *
 * The result is the same as a clean build's (tested), whatever the order of edits.
 */
public final class BuildSession {
  private final Path source;
  private final OutputSync output;
  private final boolean strict;

  private String configText;
  private SiteConfig config;
  private List<Diagnostic> configDiagnostics = List.of();
  private Path templatesDir;
  private final Map<String, Parsed<ArticleFile, ParsedPage>> articles = new TreeMap<>();
  private final Map<String, Parsed<SourceFile, ParsedData>> data = new TreeMap<>();
  private List<Diagnostic> loadDiagnostics = List.of();
  private SiteRenderer renderer;
  private boolean loaded;

  /** A file with what parsing it gave, and the diagnostics of reading and parsing it. */
  private record Parsed<F, P>(String text, F file, P parsed, List<Diagnostic> diagnostics) {}

  public BuildSession(Path source, Path output, boolean strict) {
    this.source = source;
    this.output = new OutputSync(output);
    this.strict = strict;
  }

  public Path output() {
    return output.root();
  }

  /**
   * Rebuilds after the given files changed.
   *
   * @param changed site-relative paths that changed, or null to reload everything
   */
  public BuildResult rebuild(Collection<String> changed) throws IOException {
    long start = System.nanoTime();
    StageTimer timer = new StageTimer();
    boolean full = !loaded || changed == null;
    if (!full) {
      for (String p : changed) {
        if (!isArticle(p) || !articles.containsKey(p) || !Files.isRegularFile(source.resolve(p))) {
          full = true;
        }
      }
    }
    if (full) {
      reloadAll(changed);
    } else {
      for (String p : changed) reloadArticle(p);
    }

    timer.lap("load+parse");
    Diagnostics diagnostics = new Diagnostics();
    configDiagnostics.forEach(diagnostics::add);
    loadDiagnostics.forEach(diagnostics::add);
    List<ParsedData> parsedData = new ArrayList<>();
    for (var d : data.values()) {
      d.diagnostics().forEach(diagnostics::add);
      parsedData.add(d.parsed());
    }
    List<ParsedPage> pages = new ArrayList<>();
    for (var a : articles.values()) {
      a.diagnostics().forEach(diagnostics::add);
      if (a.parsed() != null) pages.add(a.parsed());
    }
    ResolvedSite site = ReferenceResolver.resolve(config, parsedData, pages, diagnostics,
        LocalDate.now(), pages.size() < articles.size());
    timer.lap("resolve");
    boolean written = false;
    int files = 0;
    if (!stop(diagnostics)) {
      if (renderer == null) renderer = SiteRenderer.create(config, templatesDir, true, diagnostics);
      RenderedSite rendered = renderer == null ? null : renderer.render(site, diagnostics);
      timer.lap("render");
      if (rendered != null && !stop(diagnostics)) {
        output.sync(rendered);
        timer.lap("write");
        written = true;
        files = rendered.pages().size() + rendered.copies().size();
      }
    }
    timer.report();
    Map<String, String> texts = new HashMap<>();
    for (var a : articles.values()) texts.put(a.file().source().path(), a.text());
    for (var d : data.values()) texts.put(d.file().path(), d.text());
    if (configText != null) texts.put(SiteConfig.FILE_NAME, configText);
    return new BuildResult(diagnostics.sorted(strict), written, site.pages().size(), files,
        site.facts().size(), site.claims().size(), (System.nanoTime() - start) / 1_000_000, texts,
        site);
  }

  private boolean stop(Diagnostics d) {
    return strict ? !d.sorted().isEmpty() : d.hasErrors();
  }

  private static boolean isArticle(String p) {
    return p.startsWith(ContentLoader.CONTENT + "/") && p.endsWith(".md")
        && !p.startsWith(ContentLoader.CONTENT + "/" + ContentLoader.DATA + "/");
  }

  private void reloadAll(Collection<String> changed) throws IOException {
    Diagnostics loadDiag = new Diagnostics();
    LoadedSite site = ContentLoader.load(source, loadDiag);
    loadDiagnostics = loadDiag.sorted();
    if (changed == null || !java.util.Objects.equals(site.configText(), configText)
        || changed.stream().anyMatch(p -> p.startsWith(ContentLoader.TEMPLATES + "/"))
        || !java.util.Objects.equals(site.templatesDir(), templatesDir)) {
      renderer = null;
    }
    configText = site.configText();
    templatesDir = site.templatesDir();
    Diagnostics configDiag = new Diagnostics();
    config = configText == null && site.configFound()
        ? ConfigLoader.defaults() : ConfigLoader.parse(configText, configDiag);
    configDiagnostics = configDiag.sorted();

    Map<String, Parsed<ArticleFile, ParsedPage>> oldArticles = new HashMap<>(articles);
    articles.clear();
    for (ArticleFile f : site.articles()) {
      var old = oldArticles.get(f.source().path());
      if (old != null && old.text().equals(f.source().text())
          && old.file().bundleFiles().equals(f.bundleFiles())) {
        articles.put(f.source().path(), old);
      } else {
        articles.put(f.source().path(), parse(f));
      }
    }
    Map<String, Parsed<SourceFile, ParsedData>> oldData = new HashMap<>(data);
    data.clear();
    for (SourceFile f : site.dataFiles()) {
      var old = oldData.get(f.path());
      if (old != null && old.text().equals(f.text())) {
        data.put(f.path(), old);
      } else {
        Diagnostics d = new Diagnostics();
        data.put(f.path(), new Parsed<>(f.text(), f, PageParser.parseData(f, d), d.sorted()));
      }
    }
    loaded = true;
  }

  private void reloadArticle(String path) throws IOException {
    Diagnostics d = new Diagnostics();
    ArticleFile f = ContentLoader.loadArticle(source, path, d);
    var old = articles.get(path);
    if (f == null) {
      articles.put(path, new Parsed<>(old.text(), old.file(), null, d.sorted()));
      return;
    }
    if (old != null && old.parsed() != null && old.text().equals(f.source().text())) return;
    articles.put(path, parse(f, d));
  }

  private Parsed<ArticleFile, ParsedPage> parse(ArticleFile f) {
    return parse(f, new Diagnostics());
  }

  private Parsed<ArticleFile, ParsedPage> parse(ArticleFile f, Diagnostics d) {
    ParsedPage p = PageParser.parse(f, d);
    return new Parsed<>(f.source().text(), f, p, d.sorted());
  }
}
