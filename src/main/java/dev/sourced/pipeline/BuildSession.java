package dev.sourced.pipeline;

import dev.sourced.config.ConfigLoader;
import dev.sourced.config.SiteConfig;
import dev.sourced.diag.Diagnostic;
import dev.sourced.diag.Diagnostics;
import dev.sourced.load.ArticleFile;
import dev.sourced.load.ContentLoader;
import dev.sourced.load.LoadedSite;
import dev.sourced.load.SourceFile;
import dev.sourced.parse.BodyLink;
import dev.sourced.parse.PageParser;
import dev.sourced.parse.ParsedData;
import dev.sourced.parse.ParsedPage;
import dev.sourced.render.RenderedPage;
import dev.sourced.render.RenderedSite;
import dev.sourced.render.SiteRenderer;
import dev.sourced.resolve.ReferenceResolver;
import dev.sourced.resolve.ResolvedPage;
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
 * Incremental builds for the preview server: the same stages as {@link SiteBuilder}, with what they
 * produced kept between rebuilds.
 *
 * <ul>
 *   <li>load: a saved article is read again alone; anything else (a new or deleted file, a data
 *       file, sourced.yaml, a template) reloads the site;
 *   <li>parse: a file is parsed again only when its text changed; its diagnostics are kept with it;
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

  /** The raw_html setting the kept articles were parsed (and their bodies rendered) with. */
  private boolean parsedRawHtml;

  private List<Diagnostic> configDiagnostics = List.of();
  private Path templatesDir;
  private final Map<String, Parsed<ArticleFile, ParsedPage>> articles = new TreeMap<>();
  private final Map<String, Parsed<SourceFile, ParsedData>> data = new TreeMap<>();
  private List<Diagnostic> loadDiagnostics = List.of();
  private SiteRenderer renderer;
  private boolean loaded;

  /** The last written build's resolved site, its resolve-stage diagnostics and file count. */
  private ResolvedSite lastSite;

  private List<Diagnostic> lastResolveDiagnostics = List.of();
  private int lastFiles;

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
    Parsed<ArticleFile, ParsedPage> before = null;
    if (full) {
      reloadAll(changed);
    } else {
      if (changed.size() == 1) before = articles.get(changed.iterator().next());
      for (String p : changed) reloadArticle(p);
    }
    timer.lap("load+parse");
    if (before != null) {
      BuildResult quick = proseOnly(before, articles.get(changed.iterator().next()), start);
      if (quick != null) {
        timer.lap("one page");
        timer.report();
        return quick;
      }
    }

    Diagnostics diagnostics = collected();
    List<ParsedData> parsedData = new ArrayList<>();
    for (var d : data.values()) parsedData.add(d.parsed());
    List<ParsedPage> pages = new ArrayList<>();
    for (var a : articles.values()) {
      if (a.parsed() != null) pages.add(a.parsed());
    }
    Diagnostics resolveDiagnostics = new Diagnostics();
    ResolvedSite site =
        ReferenceResolver.resolve(
            config,
            parsedData,
            pages,
            resolveDiagnostics,
            LocalDate.now(),
            pages.size() < articles.values().stream().filter(a -> a.text() != null).count());
    diagnostics.addAll(resolveDiagnostics);
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
    lastSite = written ? site : null;
    lastResolveDiagnostics = resolveDiagnostics.sorted();
    lastFiles = files;
    return result(diagnostics, written, files, site, start);
  }

  /**
   * The quick way through an edit of one article's prose: when the saved file declares the same
   * things, uses the same IDs, links and headings (only its words changed) and the last build was
   * written, nothing the rest of the site shows can have changed, so the last resolved site is kept
   * with the new file in it and only this article is rendered and written. Anything else returns
   * null and takes the whole way, which gives the same result (tested).
   */
  private BuildResult proseOnly(
      Parsed<ArticleFile, ParsedPage> before, Parsed<ArticleFile, ParsedPage> after, long start)
      throws IOException {
    if (lastSite == null
        || renderer == null
        || before.parsed() == null
        || after == null
        || after.parsed() == null) {
      return null;
    }
    ParsedPage oldPage = before.parsed();
    ParsedPage newPage = after.parsed();
    if (oldPage.frontMatter().draft() || !sameShape(oldPage, newPage)) return null;
    for (Diagnostic d : after.diagnostics()) {
      if (d.isError() || strict) return null;
    }
    for (Diagnostic d : lastResolveDiagnostics) {
      if (d.position().path().equals(newPage.path())) return null;
    }
    ResolvedPage oldResolved = null;
    for (ResolvedPage r : lastSite.pages()) {
      if (r.parsed() == oldPage) {
        oldResolved = r;
        break;
      }
    }
    if (oldResolved == null) return null;
    ResolvedPage newResolved =
        new ResolvedPage(
            newPage,
            oldResolved.url(),
            oldResolved.references(),
            oldResolved.factsUsed(),
            oldResolved.boxedFacts(),
            oldResolved.claimsUsed(),
            oldResolved.ownFactsToBox(),
            oldResolved.ownClaimsToBox());
    ResolvedSite site = lastSite.withPage(oldResolved, newResolved);
    Diagnostics renderDiagnostics = new Diagnostics();
    RenderedPage page = renderer.renderArticle(site, newResolved, renderDiagnostics);
    if (page == null || renderDiagnostics.hasErrors()) return null;
    output.write(page);
    lastSite = site;
    Diagnostics diagnostics = collected();
    diagnostics.addAll(Diagnostics.of(lastResolveDiagnostics));
    return result(diagnostics, true, lastFiles, site, start);
  }

  /** Same declarations, IDs used, links, headings and files: only the prose can differ. */
  private static boolean sameShape(ParsedPage a, ParsedPage b) {
    return a.frontMatter().equals(b.frontMatter())
        && a.slug().equals(b.slug())
        && a.headingIds().equals(b.headingIds())
        && a.rejected().equals(b.rejected())
        && a.bundleFiles().equals(b.bundleFiles())
        && a.uses().stream()
            .map(u -> u.kind() + ":" + u.id() + ":" + u.directiveKind())
            .toList()
            .equals(
                b.uses().stream()
                    .map(u -> u.kind() + ":" + u.id() + ":" + u.directiveKind())
                    .toList())
        && a.links().stream()
            .map(BodyLink::destination)
            .toList()
            .equals(b.links().stream().map(BodyLink::destination).toList());
  }

  /** The diagnostics of reading and parsing, kept per file. */
  private Diagnostics collected() {
    Diagnostics diagnostics = new Diagnostics();
    configDiagnostics.forEach(diagnostics::add);
    loadDiagnostics.forEach(diagnostics::add);
    for (var d : data.values()) d.diagnostics().forEach(diagnostics::add);
    for (var a : articles.values()) a.diagnostics().forEach(diagnostics::add);
    return diagnostics;
  }

  private BuildResult result(
      Diagnostics diagnostics, boolean written, int files, ResolvedSite site, long start) {
    Map<String, String> texts = new HashMap<>();
    for (var a : articles.values()) texts.put(a.file().path(), a.text());
    for (var d : data.values()) texts.put(d.file().path(), d.text());
    if (configText != null) texts.put(SiteConfig.FILE_NAME, configText);
    return new BuildResult(
        diagnostics.sorted(strict),
        written,
        site.pages().size(),
        files,
        site.facts().size(),
        site.claims().size(),
        (System.nanoTime() - start) / 1_000_000,
        texts::get,
        site);
  }

  private boolean stop(Diagnostics d) {
    return strict ? !d.sorted().isEmpty() : d.hasErrors();
  }

  private static boolean isArticle(String p) {
    return p.startsWith(ContentLoader.CONTENT + "/")
        && p.endsWith(".md")
        && !p.startsWith(ContentLoader.CONTENT + "/" + ContentLoader.DATA + "/");
  }

  private void reloadAll(Collection<String> changed) throws IOException {
    Diagnostics loadDiag = new Diagnostics();
    LoadedSite site = ContentLoader.load(source, loadDiag);
    loadDiagnostics = loadDiag.sorted();
    if (changed == null
        || !java.util.Objects.equals(site.configText(), configText)
        || changed.stream().anyMatch(p -> p.startsWith(ContentLoader.TEMPLATES + "/"))
        || !java.util.Objects.equals(site.templatesDir(), templatesDir)) {
      renderer = null;
    }
    configText = site.configText();
    templatesDir = site.templatesDir();
    Diagnostics configDiag = new Diagnostics();
    config =
        configText == null && site.configFound()
            ? ConfigLoader.defaults()
            : ConfigLoader.parse(configText, configDiag);
    configDiagnostics = configDiag.sorted();

    // Bodies are rendered when parsed: a change of raw_html means parsing every article again.
    Map<String, Parsed<ArticleFile, ParsedPage>> oldArticles =
        config.rawHtml() == parsedRawHtml ? new HashMap<>(articles) : new HashMap<>();
    parsedRawHtml = config.rawHtml();
    articles.clear();
    for (ArticleFile f : site.articles()) {
      var old = oldArticles.get(f.path());
      Diagnostics d = new Diagnostics();
      SourceFile src = ContentLoader.read(f, d);
      if (old != null
          && src != null
          && src.text().equals(old.text())
          && old.file().bundleFiles().equals(f.bundleFiles())) {
        articles.put(f.path(), old);
      } else {
        articles.put(f.path(), parse(f, src, d));
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
    SourceFile src = f == null ? null : ContentLoader.read(f, d);
    if (src == null) {
      articles.put(path, new Parsed<>(old.text(), old.file(), null, d.sorted()));
      return;
    }
    if (old != null && old.parsed() != null && src.text().equals(old.text())) return;
    articles.put(path, parse(f, src, d));
  }

  /** Parses an article read into {@code src}; an unreadable one (null) is kept as a failure. */
  private Parsed<ArticleFile, ParsedPage> parse(ArticleFile f, SourceFile src, Diagnostics d) {
    ParsedPage p = src == null ? null : PageParser.parse(f, src, parsedRawHtml, d);
    return new Parsed<>(src == null ? null : src.text(), f, p, d.sorted());
  }
}
