package dev.sourced.render;

import com.ibm.icu.util.ULocale;
import dev.sourced.concurrent.Workers;
import dev.sourced.config.SiteConfig;
import dev.sourced.diag.Code;
import dev.sourced.diag.Diagnostics;
import dev.sourced.diag.SourcePosition;
import dev.sourced.facts.Json;
import dev.sourced.facts.ValueFormatter;
import dev.sourced.i18n.MessageFiles;
import dev.sourced.i18n.Messages;
import dev.sourced.images.ImageCache;
import dev.sourced.images.ImageProcessor;
import dev.sourced.load.SourceFile;
import dev.sourced.model.Claim;
import dev.sourced.model.Fact;
import dev.sourced.model.Source;
import dev.sourced.parse.ParsedPage;
import dev.sourced.resolve.OutputKind;
import dev.sourced.resolve.OutputPlan;
import dev.sourced.resolve.PageFiles;
import dev.sourced.resolve.ResolvedPage;
import dev.sourced.resolve.ResolvedSite;
import freemarker.template.Template;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The render stage: every output file of a resolved site, in a stable order. Article bodies,
 * rendered when parsed, get their facts, citations and boxes filled in; pages go through the
 * theme's Freemarker templates; the feeds, sitemap and open-data exports are written directly.
 *
 * <p>Pages and their templates: {@code article.ftlh} per article, {@code index.ftlh} (home), {@code
 * tags.ftlh} and {@code tag.ftlh}, {@code facts.ftlh}, {@code sources.ftlh} and {@code
 * source.ftlh}, {@code methodology.ftlh}, {@code corrections.ftlh}, {@code 404.ftlh} and {@code
 * redirect.ftlh} (a page's old addresses). The files of {@code static/} are copied as they are.
 *
 * <p>A renderer holds its compiled templates and assets. Kept across rebuilds (the preview server),
 * it also keeps each output's bytes with a {@link Fingerprints fingerprint} of its inputs, and
 * renders again only the outputs whose fingerprint changed.
 */
public final class SiteRenderer {
  /** The templates that make pages: one per kind of planned page. */
  static final List<String> TEMPLATES = OutputKind.templates();

  /** Templates that are not pages but that pages use: explainer pieces in article bodies. */
  static final List<String> PARTS = List.of("explainer.ftlh");

  private final SiteConfig config;
  private final TemplateEngine engine;
  private final Map<String, Template> templates;
  private final Assets assets;

  /**
   * The bytes of {@code /favicon.ico}: the site's {@code templates/favicon.ico}, or the theme's.
   */
  private final byte[] favicon;

  private final ValueFormatter fmt;

  /** Each language's number formats and words. */
  private final Map<String, ValueFormatter> formatters = new HashMap<>();

  private final boolean incremental;
  private final ImageProcessor images;

  /** The images of the last render, for a render of one article. */
  private PageImages lastImages = PageImages.NONE;

  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  /** Fingerprints shared by many pages, kept as a value and a small token standing for it. */
  private final Map<String, Family> families = new HashMap<>();

  private int nextToken;

  private record Cached(Object fingerprint, byte[] bytes) {}

  private record Family(Object value, Integer token) {}

  private SiteRenderer(
      SiteConfig config,
      TemplateEngine engine,
      Map<String, Template> templates,
      Path siteTemplates,
      Map<String, Messages> messages,
      boolean incremental,
      Path imageCache) {
    this.config = config;
    this.images = new ImageProcessor(config.images(), ImageCache.at(imageCache));
    this.engine = engine;
    this.templates = templates;
    this.assets = Assets.load(siteTemplates, config);
    this.favicon = Assets.favicon(siteTemplates);
    for (String lang : config.languages()) {
      SiteConfig c = config.in(lang);
      formatters.put(lang, new ValueFormatter(c.uLocale(), messages.get(lang)));
    }
    this.fmt = formatters.get(config.defaultLanguage());
    this.incremental = incremental;
  }

  /**
   * Compiles the templates and reads each language's message files; returns null after reporting
   * why when a template cannot be compiled.
   *
   * @param incremental whether to keep outputs for later renders of the same site
   * @param imageCache where the images made are kept between builds (none kept when null: they are
   *     made in a temporary folder, deleted when the program ends)
   */
  public static SiteRenderer create(
      SiteConfig config,
      Path siteTemplates,
      List<SourceFile> messageFiles,
      boolean incremental,
      Path imageCache,
      Diagnostics diagnostics)
      throws IOException {
    Map<String, Messages> messages = new HashMap<>();
    for (String lang : config.languages()) {
      messages.put(
          lang,
          MessageFiles.load(
              lang,
              config.in(lang).uLocale(),
              messageFiles,
              SourcePosition.file(SiteConfig.FILE_NAME),
              diagnostics));
    }
    TemplateEngine engine = new TemplateEngine(siteTemplates, config.numberLocale());
    Map<String, Template> templates = new HashMap<>();
    List<String> all = new ArrayList<>(TEMPLATES);
    all.addAll(PARTS);
    for (String name : all) {
      Template t = engine.template(name, diagnostics);
      if (t != null) templates.put(name, t);
    }
    if (templates.size() != all.size()) return null;
    return new SiteRenderer(
        config, engine, templates, siteTemplates, messages, incremental, imageCache);
  }

  /** Loads what publishing images needs ahead of the first image (see {@link ImageProcessor}). */
  public void prepareImages() {
    images.prepare();
  }

  /**
   * Explainer pieces through the theme's (or the site's) {@code explainer.ftlh}, with the words of
   * the page's language ({@code t}).
   */
  private PageContext.ExplainerTemplate pieces(ValueFormatter fmt, Diagnostics diagnostics) {
    MessageMethod t = new MessageMethod(fmt.messages());
    return (model, forPath) -> {
      String html =
          engine.render(
              templates.get("explainer.ftlh"),
              Map.of("piece", model, "t", t),
              forPath,
              diagnostics);
      return html == null ? "" : html;
    };
  }

  /** Renders everything (reusing unchanged outputs); null after reporting a template failure. */
  public RenderedSite render(ResolvedSite site, Diagnostics diagnostics) {
    return render(site, diagnostics, null);
  }

  /**
   * Renders everything on all cores. With a {@code sink}, each output is written into it as it is
   * rendered and is not kept (so memory does not grow with the site, nor with its longest page),
   * and the result lists only the files to copy; without, the result holds every output. Null after
   * reporting a failure.
   */
  public RenderedSite render(ResolvedSite site, Diagnostics diagnostics, PageSink sink) {
    return render(site, diagnostics, sink, null);
  }

  /**
   * Renders everything as {@link #render(ResolvedSite, Diagnostics, PageSink)} does, keeping every
   * output that {@code reuse} says the build before made from the same inputs (a one-shot render
   * into a sink only; null keeps nothing).
   */
  public RenderedSite render(
      ResolvedSite site, Diagnostics diagnostics, PageSink sink, OutputReuse reuse) {
    boolean oneShot = reuse != null && sink != null && !incremental;
    PageImages published =
        PageImages.publish(
            site,
            images,
            reuse == null ? null : reuse.originals(),
            oneShot ? reuse : null,
            diagnostics);
    lastImages = published;
    FingerprintDigest digest =
        oneShot
            ? new FingerprintDigest(
                reuse::inputKey, () -> site.pages().stream().map(ResolvedPage::parsed).iterator())
            : null;
    Output out = new Output(diagnostics, digest == null ? null : reuse, digest);
    Object lists =
        incremental
            ? family("lists", Fingerprints.lists(site))
            : digest != null
                ? hashed(reuse, "lists", () -> digest.of(Fingerprints.lists(site)))
                : null;
    Object declarations =
        incremental
            ? family("declarations", Fingerprints.declarations(site))
            : digest != null
                ? hashed(reuse, "declarations", () -> digest.of(Fingerprints.declarations(site)))
                : null;
    OutputPlan plan = OutputPlan.of(site);
    LanguageViews views = new LanguageViews(site);
    Set<String> addresses = new HashSet<>();
    for (OutputPlan.Output o : plan.outputs()) addresses.add(o.address());
    Alternates alternates = new Alternates(views, config).withPlanned(addresses);
    Map<String, Language> languages = new HashMap<>();
    PageFiles pageFiles = PageFiles.of(site);
    for (String lang : config.languages()) {
      Language l =
          new Language(
              views.view(lang),
              formatters.get(lang),
              alternates,
              published,
              pageFiles,
              views,
              pieces(formatters.get(lang), diagnostics));
      if (digest != null) l.hashFacts(digest);
      languages.put(lang, l);
      alternates.withTags(lang, l.tagsByAddress.keySet());
    }
    Map<String, ResolvedPage> articlesByUrl = new HashMap<>();
    Map<String, ResolvedPage> redirects = new HashMap<>();
    for (ResolvedPage p : site.pages()) {
      articlesByUrl.put(p.url(), p);
      for (var a : p.parsed().aliases()) redirects.put(Redirects.output(a.path()), p);
    }
    if (digest != null) {
      recordReads(site, views, pageFiles, articlesByUrl, languages, reuse);
      recordFactsPages(plan, views, articlesByUrl, languages, reuse);
    }
    JsonExports json = new JsonExports(site, fmt);
    List<RenderedPage> searchParts = new ArrayList<>();
    // The lasting fingerprints the search indexes' parts are recorded with (with the cache).
    Map<String, String> partsMade = new HashMap<>();
    // Exactly the planned outputs: a kind of output this switch does not render cannot compile.
    for (OutputPlan.Output o : plan.outputs()) {
      String path = o.path();
      String template = o.kind().template();
      Language l = languages.get(o.language());
      ResolvedSite view = l.site;
      SiteConfig lc = view.config();
      SitePages pages = l.pages;
      String own = o.address().substring(config.prefix(o.language()).length());
      Pager pager = pager(o);
      Runnable job =
          switch (o.kind()) {
            case ARTICLE -> {
              ResolvedPage p = articlesByUrl.get(o.address());
              yield () ->
                  out.page(
                      path,
                      p.path(),
                      template,
                      () ->
                          Fingerprints.article(
                              view,
                              p,
                              published.of(p.url()),
                              views.translations(p),
                              lists,
                              l.facts),
                      () -> l.articles.model(p));
            }
            case HOME -> () -> out.page(path, template, () -> lists, () -> pages.home(pager));
            case TAGS ->
                () -> out.page(path, template, () -> lists, () -> pages.tags(l.tagGroups, pager));
            case TAG -> {
              String name = l.tagsByAddress.get(pager.address());
              yield () ->
                  out.page(
                      path,
                      template,
                      () -> lists,
                      () -> pages.tag(name, l.tagGroups.get(name), pager));
            }
            case FACTS ->
                () -> out.page(path, template, () -> declarations, () -> pages.facts(pager));
            case SOURCES ->
                () -> out.page(path, template, () -> declarations, () -> pages.sources(pager));
            case SOURCE -> {
              // As the page's language names it (a translated title or publisher).
              Source s = l.site.sources().get(o.subject());
              yield () ->
                  out.page(
                      path,
                      template,
                      () -> List.of("source", pages.sourceFingerprint(s)),
                      () -> pages.source(s));
            }
            case METHODOLOGY -> () -> out.page(path, template, () -> "static", pages::methodology);
            case CORRECTIONS ->
                () -> out.page(path, template, () -> lists, () -> pages.corrections(pager));
            case NOT_FOUND ->
                () ->
                    out.page(
                        path,
                        template,
                        () -> "static",
                        () -> pages.notFound(otherLanguages(o.language())));
            case SEARCH ->
                () ->
                    out.page(
                        path,
                        template,
                        () -> "static",
                        () -> {
                          Map<String, Object> m =
                              l.models.base(
                                  "search",
                                  l.models.text("search.title"),
                                  l.models.text("search.description", "site", lc.title()),
                                  own);
                          m.put("searchMessages", SearchIndex.messages(l.fmt.messages()));
                          return m;
                        });
            case SEARCH_INDEX -> {
              String prefix = config.prefix(o.language());
              // Unchanged since the last build (a build with the cache): the index and its parts
              // stay as they are, without reading a body.
              String made =
                  out.keepSearch(
                      path,
                      prefix,
                      () ->
                          searchFingerprint(
                              view, prefix, config.multilingual() ? null : declarations));
              if (made == null) yield () -> {};
              // The parts' names depend on their bytes, so the index is built here, at once: from
              // the index the build before wrote, when only articles' prose changed since.
              SearchIndex.Built patched =
                  made.isEmpty() || out.reuse.proseEditedBefore() == null
                      ? null
                      : SearchIndexPatch.patch(
                          view,
                          prefix,
                          out.reuse.proseEditedBefore(),
                          out::searchWords,
                          out.reuse,
                          partsTag(prefix));
              SearchIndex.Built index =
                  patched != null
                      ? patched
                      : SearchIndex.build(view, l.fmt, prefix, out::searchWords);
              searchParts.addAll(index.parts());
              for (var kept : index.kept().entrySet()) {
                out.keptPart(kept.getKey(), partsTag(prefix) + kept.getValue());
              }
              if (made.isEmpty())
                yield () -> out.json(path, index::contents, index::contents, false);
              // Each part is recorded by its own bytes, so that a part whose bytes are the last
              // build's stays as it is; its language's tag finds the parts of an unchanged index.
              for (RenderedPage part : index.parts()) {
                partsMade.put(part.path(), partsTag(prefix) + index.hashes().get(part.path()));
              }
              yield () -> out.json(path, () -> PERSISTENT + made, index::contents, false);
            }
            case FEED ->
                () -> out.text(path, () -> lists, () -> Feeds.atom(lc, newest(view.articles())));
            case CORRECTIONS_FEED ->
                () ->
                    out.text(
                        path,
                        () -> lists,
                        () ->
                            Feeds.corrections(
                                lc, l.fmt.messages(), newest(pages.correctionList())));
            case SITEMAP -> {
              int parts = Sitemaps.parts(plan);
              yield () ->
                  out.text(
                      path,
                      () -> List.of(lists, declarations),
                      () ->
                          parts == 0
                              ? Sitemaps.urlset(config, Sitemaps.entries(site, views, plan))
                              : Sitemaps.index(config, parts));
            }
            case SITEMAP_PART -> {
              int per = plan.sitemapPerFile(), from = (o.page() - 1) * per;
              yield () ->
                  out.text(
                      path,
                      () -> List.of(lists, declarations, o.page()),
                      () -> {
                        List<Sitemaps.Entry> all = Sitemaps.entries(site, views, plan);
                        return Sitemaps.urlset(
                            config, all.subList(from, Math.min(all.size(), from + per)));
                      });
            }
            case FAVICON -> () -> out.file(new RenderedPage(path, favicon));
            case FACTS_JSON -> () -> out.json(path, () -> declarations, json::facts, true);
            case SOURCES_JSON -> () -> out.json(path, () -> declarations, json::sources, true);
            case CLAIMS_JSON -> () -> out.json(path, () -> declarations, json::claims, true);
            case REDIRECT -> {
              ResolvedPage p = redirects.get(path);
              yield () ->
                  out.page(
                      path,
                      p.path(),
                      template,
                      () -> List.of("redirect", p.url(), p.title()),
                      () -> Redirects.model(l.models, p, path));
            }
            // The theme's files, the bundles' files and static/ are not rendered: they are
            // written and copied as they are, below.
            case ASSET, BUNDLE_FILE, STATIC_FILE -> () -> {};
          };
      int first = out.jobs.size();
      job.run();
      // When only articles' prose changed since the build before, an output made from none of
      // them (see Fingerprints) is kept as that build made it: each output's job asks, on all
      // cores, before it fingerprints or renders anything (asked here, one output after the other,
      // it took some 0.3 s of such a build at 10,000 articles).
      if (digest != null && (o.kind() == OutputKind.ARTICLE || fromNoProse(o.kind()))) {
        // What an article's fingerprint names of other pages' parses: the translations whose
        // explainer pieces show on it (see Fingerprints.article).
        ResolvedPage p = o.kind() == OutputKind.ARTICLE ? articlesByUrl.get(o.address()) : null;
        out.unlessKept(
            first, () -> out.reuse.keepAsBefore(path, p == null ? List.of() : madeFrom(p, views)));
      }
    }
    for (RenderedPage a : assets.pages()) out.file(a);
    for (RenderedPage a : searchParts) {
      String made = partsMade.get(a.path());
      if (made == null) {
        out.asset(a);
      } else {
        out.asset(a, made);
      }
    }
    List<CopiedFile> copies = new ArrayList<>();
    // static/ is copied as it is; the resolve stage checked it against the planned outputs, and
    // only the theme's assets, named by their bytes, are known here alone.
    Set<String> assetPaths = new HashSet<>();
    assets.pages().forEach(a -> assetPaths.add(a.path().toLowerCase(Locale.ROOT)));
    searchParts.forEach(a -> assetPaths.add(a.path().toLowerCase(Locale.ROOT)));
    out.keptParts.forEach(a -> assetPaths.add(a.toLowerCase(Locale.ROOT)));
    for (var f : site.staticFiles()) {
      if (assetPaths.contains(f.path().toLowerCase(Locale.ROOT))) {
        diagnostics.error(
            SourcePosition.file(f.sourcePath()),
            Code.STATIC_CLASH,
            "this file would take the place of /" + f.path() + ", which the build writes itself",
            "rename or move the file in static/");
      } else {
        copies.add(new CopiedFile(f.path(), f.file()));
      }
    }
    if (diagnostics.hasErrors()) return null;
    out.run(sink);

    // Bundle files (images as published: stripped, with their sized copies) are copied too.
    copies.addAll(published.copies());
    if (diagnostics.hasErrors()) return null;
    if (incremental) cache.keySet().retainAll(out.paths);
    out.rendered.sort(Comparator.comparing(RenderedPage::path));
    copies.sort(Comparator.comparing(CopiedFile::path));
    return new RenderedSite(List.copyOf(out.rendered), List.copyOf(copies));
  }

  /**
   * Tells {@code reuse} what each page of each language's index of facts shows (see {@link
   * FactsPageReads}).
   */
  private void recordFactsPages(
      OutputPlan plan,
      LanguageViews views,
      Map<String, ResolvedPage> byUrl,
      Map<String, Language> languages,
      OutputReuse reuse) {
    Map<String, Map<String, Integer>> documents = new HashMap<>();
    for (OutputPlan.Output o : plan.outputs()) {
      if (o.kind() != OutputKind.FACTS) continue;
      Language l = languages.get(o.language());
      ResolvedSite view = l.site;
      Map<String, Integer> docs =
          documents.computeIfAbsent(
              o.language(),
              k -> {
                SearchIndex.Documents d = SearchIndex.Documents.of(view);
                Map<String, Integer> m = new HashMap<>();
                for (int i = 0; i < d.facts().size(); i++) {
                  m.put(d.facts().get(i).id(), d.pages().size() + i);
                }
                return m;
              });
      reuse.factsPageReads(
          o.path(),
          FactsPageReads.of(
              view,
              l.pages.factList(),
              l.pages.claimList(),
              views,
              byUrl,
              pager(o),
              config.prefix(o.language()),
              docs));
    }
  }

  /** Tells {@code reuse} what each article's page is made from (see {@link ArticleReads}). */
  private void recordReads(
      ResolvedSite site,
      LanguageViews views,
      PageFiles files,
      Map<String, ResolvedPage> byUrl,
      Map<String, Language> languages,
      OutputReuse reuse) {
    for (String lang : config.languages()) {
      List<ResolvedPage> documents = languages.get(lang).site.pages();
      String prefix = config.prefix(lang);
      Workers.map(
          documents.size(),
          i -> {
            ResolvedPage p = documents.get(i);
            ArticleReads r = ArticleReads.of(site, views, files, byUrl, p, prefix, i);
            reuse.articleReads(p.path(), r);
            return null;
          });
    }
  }

  /**
   * An edited article (see {@link #renderEdits}): its page as the build before resolved it, with
   * the parse it had, and as it is now, with what that build recorded it was made from.
   */
  public record ProseEdit(ResolvedPage before, ResolvedPage now, ArticleReads reads) {}

  /**
   * What an edit of some facts' contents touches besides the edited articles' own pages (see {@link
   * #renderEdits}): the IDs of the facts whose contents changed; the other articles' pages that
   * show something of an edited article (each as the build before resolved it and as it is now,
   * with what that build recorded it was made from); the pages of the indexes of facts that show a
   * changed fact, by path; and the sources the changed facts cite, whose pages list them.
   */
  public record FactEdits(
      Set<String> facts,
      List<ProseEdit> showing,
      Map<String, FactsPageReads> factsPages,
      Set<String> sources) {}

  /**
   * What {@link #renderEdits} made: the files to write, the exports to write as patched copies of
   * the build before's (see {@link ExportPatch#write}), and the parts of search indexes the site no
   * longer has.
   */
  public record ProseRender(
      List<RenderedPage> files, List<ExportPatch.Patched> exports, List<String> gone) {
    /** The paths of every file to write. */
    public List<String> paths() {
      List<String> all = new ArrayList<>();
      for (RenderedPage f : files) all.add(f.path());
      for (ExportPatch.Patched e : exports) all.add(e.path());
      return all;
    }
  }

  /**
   * Renders what an edit of some articles changed, within a site made only of the articles those
   * outputs show something of ({@link ArticleReads}, {@link FactsPageReads}), resolved once with
   * the parses the build before had ({@code before}) and once with the parses now ({@code now}).
   * The edit is of the articles' prose and, with {@code facts}, of their facts' contents (values,
   * labels, dates, notes): what they declare, use and link, and every other part of their front
   * matter, is as it was. Every other output is the build before's.
   *
   * <p>Why the outputs are right: each edited article's page, rendered within {@code before}, must
   * give the very bytes the build before wrote (read from the output folder, untouched since) and
   * have the fingerprint it was recorded with; every other page made again must have its recorded
   * fingerprint within {@code before} (a page of the index of facts, which has none of its own,
   * must give its old bytes there), so whatever the smaller site lacks that a page shows would show
   * as a difference. A fingerprint names everything its page shows ({@link Fingerprints}), and the
   * two small sites differ only by the edited articles. The search indexes are patched as a whole
   * build patches them ({@link SearchIndexPatch}), with each document's number as recorded; the
   * open-data exports by replacing the changed entries' text ({@link ExportPatch}).
   *
   * @param facts what an edit of facts touches, or null when only prose changed
   * @param reuse the build cache's records, asked for the bytes and fingerprints of the build
   *     before's outputs and told the fingerprints of what is made here
   * @param why where the reason goes when a check fails
   * @return what to write, or null when any check fails (the build then takes the whole way)
   */
  public ProseRender renderEdits(
      ResolvedSite before,
      ResolvedSite now,
      List<ProseEdit> edits,
      FactEdits facts,
      OutputReuse reuse,
      Diagnostics diagnostics,
      StringBuilder why) {
    PageImages published =
        PageImages.publish(now, images, reuse.originals(), null, new Diagnostics(), false);
    FingerprintDigest digest =
        new FingerprintDigest(
            reuse::inputKey, () -> now.pages().stream().map(ResolvedPage::parsed).iterator());
    LanguageViews viewsBefore = new LanguageViews(before);
    LanguageViews viewsNow = new LanguageViews(now);
    Map<String, Language> languagesBefore = new HashMap<>();
    Map<String, Language> languagesNow = new HashMap<>();
    java.util.function.Function<String, Language> lb =
        lang ->
            languagesBefore.computeIfAbsent(
                lang,
                k ->
                    language(viewsBefore, k, published, PageFiles.of(before), digest, diagnostics));
    java.util.function.Function<String, Language> ln =
        lang ->
            languagesNow.computeIfAbsent(
                lang,
                k -> language(viewsNow, k, published, PageFiles.of(now), digest, diagnostics));
    List<RenderedPage> files = new ArrayList<>();
    List<ExportPatch.Patched> exports = new ArrayList<>();
    Map<String, List<SearchIndexPatch.Edit>> searchEdits = new LinkedHashMap<>();
    Map<String, List<SearchIndexPatch.DocEdit>> docEdits = new LinkedHashMap<>();
    for (ProseEdit e : edits) {
      String path = e.before().url() + "index.html";
      String lang = viewsNow.language(e.now());
      if (!inPlace(e, viewsBefore, viewsNow, why)) return null;
      byte[] was = reuse.previousBytes(path);
      String recorded = reuse.untouched(path);
      if (was == null || recorded == null) {
        why.append(path).append(" is not as the build before wrote it");
        return null;
      }
      byte[] again = renderArticle(lb.apply(lang), e.before(), path, diagnostics);
      if (again == null || !java.util.Arrays.equals(again, was)) {
        why.append(path).append(" rendered within the smaller site is not the build before's");
        return null;
      }
      String fingerprintBefore;
      String fingerprintNow;
      try {
        fingerprintBefore =
            digest.of(articleFingerprint(lb.apply(lang), viewsBefore, published, e.before()));
        fingerprintNow =
            digest.of(articleFingerprint(ln.apply(lang), viewsNow, published, e.now()));
      } catch (FingerprintDigest.Unhashable u) {
        why.append(path).append(" has no lasting fingerprint");
        return null;
      }
      if (!fingerprintBefore.equals(recorded)) {
        why.append(path).append(" within the smaller site has another fingerprint");
        return null;
      }
      byte[] bytes = renderArticle(ln.apply(lang), e.now(), path, diagnostics);
      if (bytes == null) {
        why.append(path).append(" failed to render");
        return null;
      }
      files.add(new RenderedPage(path, bytes));
      reuse.made(path, fingerprintNow);
      searchEdits
          .computeIfAbsent(lang, k -> new ArrayList<>())
          .add(new SearchIndexPatch.Edit(e.reads().document(), e.before().parsed(), e.now()));
    }
    if (facts != null
        && !renderFactEdits(
            before,
            now,
            facts,
            lb,
            ln,
            viewsBefore,
            viewsNow,
            published,
            digest,
            reuse,
            files,
            exports,
            docEdits,
            diagnostics,
            why)) {
      return null;
    }
    List<String> gone = new ArrayList<>();
    Set<String> languages = new java.util.LinkedHashSet<>(searchEdits.keySet());
    languages.addAll(docEdits.keySet());
    for (String lang : languages) {
      String prefix = config.prefix(lang);
      String tag = partsTag(prefix);
      SearchIndex.Built index =
          SearchIndexPatch.patch(
              ln.apply(lang).site.config(),
              prefix,
              -1,
              searchEdits.getOrDefault(lang, List.of()),
              docEdits.getOrDefault(lang, List.of()),
              SearchIndex::bodyWords,
              reuse,
              tag);
      if (index == null) {
        why.append("the search index of /").append(prefix).append(" cannot be patched");
        return null;
      }
      Set<String> stays = new HashSet<>(index.kept().keySet());
      for (RenderedPage part : index.parts()) {
        files.add(part);
        stays.add(part.path());
        reuse.made(part.path(), tag + index.hashes().get(part.path()));
      }
      for (String old : reuse.recordedWith(tag)) if (!stays.contains(old)) gone.add(old);
      StringWriter json = new StringWriter();
      try {
        Json.write(index.contents(), false, json);
      } catch (IOException x) {
        throw new UncheckedIOException(x);
      }
      json.write('\n');
      String contents = prefix + "search.json";
      files.add(new RenderedPage(contents, json.toString().getBytes(StandardCharsets.UTF_8)));
      // Its fingerprint names every page of the language, which this render does not have: it is
      // recorded as patched, which no fingerprint's hash equals, so the next whole build makes or
      // patches it again rather than keep it unlooked at.
      reuse.made(contents, PATCHED);
    }
    return new ProseRender(files, exports, gone);
  }

  /** Whether an edited article's page is where the build before put it, in the same language. */
  private boolean inPlace(
      ProseEdit e, LanguageViews viewsBefore, LanguageViews viewsNow, StringBuilder why) {
    String path = e.before().url() + "index.html";
    String lang = viewsNow.language(e.now());
    if (e.before().parsed().section()
        || !path.equals(e.reads().output())
        || !e.now().url().equals(e.before().url())
        || !config.prefix(lang).equals(e.reads().prefix())
        || !lang.equals(viewsBefore.language(e.before()))) {
      why.append(path).append(" is not where it was");
      return false;
    }
    return true;
  }

  /**
   * Renders the outputs besides the edited articles' pages that an edit of facts' contents touches
   * (see {@link FactEdits}), adding them to {@code files} and the changed facts' search documents
   * to {@code docEdits}; false (with the reason in {@code why}) when any check fails.
   */
  private boolean renderFactEdits(
      ResolvedSite before,
      ResolvedSite now,
      FactEdits facts,
      java.util.function.Function<String, Language> lb,
      java.util.function.Function<String, Language> ln,
      LanguageViews viewsBefore,
      LanguageViews viewsNow,
      PageImages published,
      FingerprintDigest digest,
      OutputReuse reuse,
      List<RenderedPage> files,
      List<ExportPatch.Patched> patched,
      Map<String, List<SearchIndexPatch.DocEdit>> docEdits,
      Diagnostics diagnostics,
      StringBuilder why) {
    try {
      // The other articles' pages showing something of the edited ones.
      for (ProseEdit e : facts.showing()) {
        String path = e.before().url() + "index.html";
        String lang = viewsNow.language(e.now());
        if (!inPlace(e, viewsBefore, viewsNow, why)) return false;
        String recorded = reuse.untouched(path);
        String fingerprintBefore =
            digest.of(articleFingerprint(lb.apply(lang), viewsBefore, published, e.before()));
        if (recorded == null || !recorded.equals(fingerprintBefore)) {
          why.append(path).append(" within the smaller site has another fingerprint");
          return false;
        }
        String fingerprintNow =
            digest.of(articleFingerprint(ln.apply(lang), viewsNow, published, e.now()));
        if (fingerprintNow.equals(recorded)) continue;
        byte[] bytes = renderArticle(ln.apply(lang), e.now(), path, diagnostics);
        if (bytes == null) {
          why.append(path).append(" failed to render");
          return false;
        }
        files.add(new RenderedPage(path, bytes));
        reuse.made(path, fingerprintNow);
      }
      // The sources' pages, in each language.
      for (String lang : config.languages()) {
        String prefix = config.prefix(lang);
        for (String id : facts.sources()) {
          String path = prefix + OutputKind.SOURCE.path(id);
          Source was = lb.apply(lang).site.sources().get(id);
          Source is = ln.apply(lang).site.sources().get(id);
          String recorded = reuse.untouched(path);
          if (was == null || is == null || recorded == null) {
            why.append(path).append(" is not as the build before wrote it");
            return false;
          }
          if (!recorded.equals(
              digest.of(List.of("source", lb.apply(lang).pages.sourceFingerprint(was))))) {
            why.append(path).append(" within the smaller site has another fingerprint");
            return false;
          }
          String fingerprintNow =
              digest.of(List.of("source", ln.apply(lang).pages.sourceFingerprint(is)));
          if (fingerprintNow.equals(recorded)) continue;
          String html =
              engine.render(
                  templates.get(OutputKind.SOURCE.template()),
                  ln.apply(lang).pages.source(is),
                  path,
                  diagnostics);
          if (html == null) {
            why.append(path).append(" failed to render");
            return false;
          }
          files.add(new RenderedPage(path, html.getBytes(StandardCharsets.UTF_8)));
          reuse.made(path, fingerprintNow);
        }
      }
    } catch (FingerprintDigest.Unhashable u) {
      why.append("a page has no lasting fingerprint");
      return false;
    }
    // The pages of the indexes of facts, and each changed fact's search document.
    for (var e : facts.factsPages().entrySet()) {
      String path = e.getKey();
      FactsPageReads r = e.getValue();
      String lang = null;
      for (String l : config.languages()) if (config.prefix(l).equals(r.prefix())) lang = l;
      if (lang == null || reuse.untouched(path) == null) {
        why.append(path).append(" is not as the build before wrote it");
        return false;
      }
      byte[] was = reuse.previousBytes(path);
      byte[] again = factsPage(lb.apply(lang), r, path, diagnostics);
      if (was == null || again == null || !java.util.Arrays.equals(was, again)) {
        why.append(path).append(" rendered within the smaller site is not the build before's");
        return false;
      }
      byte[] bytes = factsPage(ln.apply(lang), r, path, diagnostics);
      if (bytes == null) {
        why.append(path).append(" failed to render");
        return false;
      }
      files.add(new RenderedPage(path, bytes));
      // Its fingerprint names every declaration of the site: recorded as patched, like the index.
      reuse.made(path, PATCHED);
      for (int i = 0; i < r.factRows(); i++) {
        String id = r.rows().get(i);
        if (!facts.facts().contains(id) || r.documents().get(i) < 0) continue;
        Language b = lb.apply(lang), n = ln.apply(lang);
        docEdits
            .computeIfAbsent(lang, k -> new ArrayList<>())
            .add(
                new SearchIndexPatch.DocEdit(
                    r.documents().get(i),
                    SearchIndex.fact(b.site.facts().get(id), b.site, b.fmt),
                    SearchIndex.fact(n.site.facts().get(id), n.site, n.fmt)));
      }
    }
    // The open-data exports, whose entries of the changed facts and their sources are replaced.
    JsonExports was = new JsonExports(before, fmt);
    JsonExports is = new JsonExports(now, fmt);
    List<ExportPatch.Change> factEntries = new ArrayList<>();
    for (String id : facts.facts()) {
      Fact b = was.site().facts().get(id), n = is.site().facts().get(id);
      if (b == null || n == null) {
        why.append("fact ").append(id).append(" is not in the smaller site");
        return false;
      }
      factEntries.add(
          new ExportPatch.Change(
              id, was.entryText("facts", was.fact(b)), is.entryText("facts", is.fact(n))));
    }
    List<ExportPatch.Change> sourceEntries = new ArrayList<>();
    for (String id : facts.sources()) {
      Source b = was.site().sources().get(id), n = is.site().sources().get(id);
      sourceEntries.add(
          new ExportPatch.Change(
              id, was.entryText("sources", was.source(b)), is.entryText("sources", is.source(n))));
    }
    // Each export is looked through for the changed entries now, and written as a patched copy
    // of the old file with the other files (30 MB each at 10,000 articles, neither held whole).
    List<String> exports =
        List.of(OutputKind.FACTS_JSON.path(""), OutputKind.SOURCES_JSON.path(""));
    List<List<ExportPatch.Change>> entries = List.of(factEntries, sourceEntries);
    for (int i = 0; i < exports.size(); i++) {
      String path = exports.get(i);
      Path old = reuse.previousFile(path);
      ExportPatch.Plan plan = old == null ? null : ExportPatch.plan(old, entries.get(i));
      if (plan == null) {
        why.append(path).append(" cannot be patched");
        return false;
      }
      // No entry's text changed (a fact moved a line down): the file stays as it is.
      if (plan.edits().isEmpty()) continue;
      patched.add(new ExportPatch.Patched(path, old, plan));
      reuse.made(path, PATCHED);
    }
    return true;
  }

  /** A page of a language's index of facts with the rows {@code r} names, or null. */
  private byte[] factsPage(Language l, FactsPageReads r, String path, Diagnostics diagnostics) {
    List<Fact> rowFacts = new ArrayList<>();
    List<Claim> rowClaims = new ArrayList<>();
    for (int i = 0; i < r.rows().size(); i++) {
      String id = r.rows().get(i);
      Object row = i < r.factRows() ? l.site.facts().get(id) : l.site.claims().get(id);
      if (row == null) return null;
      if (row instanceof Fact f) rowFacts.add(f);
      else rowClaims.add((Claim) row);
    }
    Pager pager =
        new Pager(
            r.page(),
            r.pages(),
            config.lists().entriesPerPage(),
            OutputKind.FACTS.path("").replace("index.html", ""));
    String html =
        engine.render(
            templates.get(OutputKind.FACTS.template()),
            l.pages.facts(pager, rowFacts, rowClaims, r.total()),
            path,
            diagnostics);
    return html == null ? null : html.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * What a search index patched by {@link #renderEdits} is recorded with: no fingerprint's hash is
   * equal to it.
   */
  public static final String PATCHED = "\0patched";

  private Language language(
      LanguageViews views,
      String lang,
      PageImages published,
      PageFiles files,
      FingerprintDigest digest,
      Diagnostics diagnostics) {
    Language l =
        new Language(
            views.view(lang),
            formatters.get(lang),
            new Alternates(views, config),
            published,
            files,
            views,
            pieces(formatters.get(lang), diagnostics));
    l.hashFacts(digest);
    return l;
  }

  private byte[] renderArticle(Language l, ResolvedPage p, String path, Diagnostics diagnostics) {
    String html =
        engine.render(templates.get("article.ftlh"), l.articles.model(p), path, diagnostics);
    return html == null ? null : html.getBytes(StandardCharsets.UTF_8);
  }

  private static Object articleFingerprint(
      Language l, LanguageViews views, PageImages published, ResolvedPage p) {
    return Fingerprints.article(
        l.site, p, published.of(p.url()), views.translations(p), null, l.facts);
  }

  /**
   * Whether an output of this kind is made from no article's prose: all but articles and the search
   * index (whose words are the bodies'), and the files that are copied or written as they are.
   */
  private static boolean fromNoProse(OutputKind kind) {
    return switch (kind) {
      case ARTICLE, SEARCH_INDEX, FAVICON, ASSET, BUNDLE_FILE, STATIC_FILE -> false;
      default -> true;
    };
  }

  /** A shared fingerprint's hash: the build before's when it still holds, else computed. */
  private static String hashed(OutputReuse reuse, String name, Supplier<String> compute) {
    String hash = reuse.familyAsBefore(name);
    if (hash == null) hash = compute.get();
    reuse.family(name, hash);
    return hash;
  }

  /** The parses an article's page is made from (see {@link Fingerprints#article}). */
  private static List<ParsedPage> madeFrom(ResolvedPage page, LanguageViews views) {
    List<ParsedPage> out = new ArrayList<>();
    out.add(page.parsed());
    for (ResolvedPage t : views.translations(page).values()) {
      if (t != page && !t.frontMatter().explainers().isEmpty()) out.add(t.parsed());
    }
    return out;
  }

  /** The page of a list an output is, with the list's address in its language's folder. */
  private Pager pager(OutputPlan.Output o) {
    if (!o.kind().paginated()) return null;
    String list = o.kind().path(o.subject()).replace("index.html", "");
    int per =
        o.kind() == OutputKind.HOME || o.kind() == OutputKind.TAG
            ? config.lists().articlesPerPage()
            : config.lists().entriesPerPage();
    return new Pager(o.page(), o.pages(), per, list);
  }

  /** The first entries of a list, as many as a feed carries. */
  private <T> List<T> newest(List<T> all) {
    int n = config.lists().feedEntries();
    return all.size() <= n ? all : all.subList(0, n);
  }

  /** What renders one language's pages: its view of the site, formats, words and models. */
  private final class Language {
    final ResolvedSite site;
    final ValueFormatter fmt;
    final Models models;
    final ArticlePages articles;
    final SitePages pages;
    final Map<String, List<ResolvedPage>> tagGroups;

    /** What a fact contributes to the fingerprint of a page showing it. */
    java.util.function.Function<String, Object> facts;

    /** A fact shown on many pages is hashed once: its hash stands for it in each fingerprint. */
    void hashFacts(FingerprintDigest digest) {
      Map<String, String> hashed = new ConcurrentHashMap<>();
      facts = id -> hashed.computeIfAbsent(id, k -> digest.of(Fingerprints.fact(site, k)));
    }

    /** Tag names by their page's address in the language's folder ({@code tags/policing/}). */
    final Map<String, String> tagsByAddress = new HashMap<>();

    Language(
        ResolvedSite site,
        ValueFormatter fmt,
        Alternates alternates,
        PageImages images,
        PageFiles pageFiles,
        LanguageViews views,
        PageContext.ExplainerTemplate pieces) {
      this.site = site;
      this.fmt = fmt;
      this.models = new Models(site, fmt, assets.urls(), alternates);
      // A link to a Markdown file may name another language's translation: every page is looked
      // up, not only this language's view.
      this.articles =
          new ArticlePages(
              site, models, fmt, images, pageFiles, p -> views.translations(p).values(), pieces);
      this.pages = new SitePages(site, models, fmt, articles);
      this.tagGroups = pages.tagGroups();
      this.facts = id -> Fingerprints.fact(site, id);
      for (String name : tagGroups.keySet()) tagsByAddress.put(OutputPlan.tagAddress(name), name);
    }
  }

  /**
   * The site's languages other than {@code here}, each with its own words ({@code t}) and the
   * addresses of its home page and facts index: for the 404 page, which a host serves for any
   * missing address whatever its language, so that it speaks every language of the site.
   */
  private List<Map<String, Object>> otherLanguages(String here) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String lang : config.languages()) {
      if (lang.equals(here)) continue;
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("language", lang);
      m.put("name", Alternates.languageName(lang, ULocale.forLanguageTag(lang)));
      m.put("homeUrl", config.url(config.prefix(lang)));
      m.put("factsUrl", config.url(config.prefix(lang) + "facts/"));
      m.put("t", new MessageMethod(formatters.get(lang).messages()));
      out.add(m);
    }
    return out;
  }

  /** What a language's search index is made from: its pages and what they declare. */
  private static Object searchFingerprint(ResolvedSite view, String prefix, Object declarations) {
    List<Object> pages = new ArrayList<>(view.pages().size() * 2);
    for (ResolvedPage p : view.pages()) {
      pages.add(new Fingerprints.Ident(p.parsed()));
      pages.add(p.url());
    }
    // A site in one language is its own view: the site's declarations are the view's.
    Object declared = declarations != null ? declarations : Fingerprints.declarations(view);
    return List.of("search", prefix, pages, declared);
  }

  /**
   * What every part of a language's search index is recorded under, followed by the hash of the
   * part's bytes: a part is kept when the last build made the same bytes at the same path, and the
   * parts of an index that did not change at all are found by this tag alone.
   */
  private static String partsTag(String prefix) {
    return "search parts\0" + prefix + "\0";
  }

  /** The SHA-256 of a theme file's bytes, in hex: what the file is recorded with. */
  private static String bytesHash(byte[] bytes) {
    return FingerprintDigest.ofBytes(bytes);
  }

  /** A fingerprint given as its lasting hash already (see {@link Output#persistent}). */
  private static final String PERSISTENT = "\0hashed:";

  /**
   * Renders one article again (its prose changed, nothing it shows of the rest of the site did),
   * keeping the cache in step; null after reporting a failure.
   */
  public RenderedPage renderArticle(ResolvedSite site, ResolvedPage page, Diagnostics diagnostics) {
    LanguageViews views = new LanguageViews(site);
    String lang = views.language(page);
    ResolvedSite view = views.view(lang);
    Language l =
        new Language(
            view,
            formatters.get(lang),
            new Alternates(views, config),
            lastImages,
            PageFiles.of(site),
            views,
            pieces(formatters.get(lang), diagnostics));
    String path = page.url() + "index.html";
    String html =
        engine.render(templates.get("article.ftlh"), l.articles.model(page), path, diagnostics);
    if (html == null) return null;
    byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
    if (incremental) {
      // Kept under the fingerprint a full render gives it, so that the next render compares
      // like with like (the lists' token is the one of the last full render).
      Family lists = families.get("lists");
      cache.put(
          path,
          new Cached(
              Fingerprints.article(
                  view,
                  page,
                  lastImages.of(page.url()),
                  views.translations(page),
                  lists == null ? null : lists.token()),
              bytes));
    }
    return new RenderedPage(path, bytes);
  }

  /**
   * The search index of a page's language as it is after an edit of the page's prose: {@code
   * search.json} and every part it names. The index holds the words of article bodies, so a page's
   * prose is never the page's alone.
   */
  public List<RenderedPage> renderSearch(ResolvedSite site, ResolvedPage page) throws IOException {
    LanguageViews views = new LanguageViews(site);
    String lang = views.language(page);
    String prefix = config.prefix(lang);
    SearchIndex.Built index = SearchIndex.build(views.view(lang), formatters.get(lang), prefix);
    List<RenderedPage> out = new ArrayList<>(index.parts());
    StringWriter json = new StringWriter();
    Json.write(index.contents(), false, json);
    json.write('\n');
    out.add(
        new RenderedPage(prefix + "search.json", json.toString().getBytes(StandardCharsets.UTF_8)));
    return out;
  }

  /**
   * A token for a fingerprint that many pages share: the same token as last time when the value is
   * equal, so the value is compared once per render, not once per page.
   */
  private Object family(String name, Object value) {
    Family previous = families.get(name);
    if (previous != null && previous.value().equals(value)) return previous.token();
    Family next = new Family(value, nextToken++);
    families.put(name, next);
    return next.token();
  }

  /**
   * Collects the outputs to produce as jobs, then runs them on the worker threads. A template
   * failure is reported and that page skipped; a page nested too deeply to render is reported.
   */
  private final class Output {
    final List<Job> jobs = new ArrayList<>();
    final List<RenderedPage> rendered = new ArrayList<>();
    final Set<String> paths = new HashSet<>();

    /** The parts of search indexes kept as they were. */
    final List<String> keptParts = new ArrayList<>();

    final Diagnostics diagnostics;
    final OutputReuse reuse;
    final FingerprintDigest digest;

    Output(Diagnostics diagnostics, OutputReuse reuse, FingerprintDigest digest) {
      this.diagnostics = diagnostics;
      this.reuse = reuse;
      this.digest = digest;
    }

    void page(
        String path,
        String template,
        Supplier<Object> fingerprint,
        Supplier<Map<String, Object>> model) {
      page(path, path, template, fingerprint, model);
    }

    /** A page made from a source file, which problems rendering it are reported against. */
    void page(
        String path,
        String source,
        String template,
        Supplier<Object> fingerprint,
        Supplier<Map<String, Object>> model) {
      Template t = templates.get(template);
      produce(path, source, fingerprint, w -> engine.render(t, model.get(), w, path, diagnostics));
    }

    void text(String path, Supplier<Object> fingerprint, Supplier<String> text) {
      produce(
          path,
          path,
          fingerprint,
          w -> {
            String s = text.get();
            if (s != null) w.write(s);
            return s != null;
          });
    }

    /** JSON, streamed as it is written; compact JSON ends with a line break too. */
    void json(String path, Supplier<Object> fingerprint, Supplier<Object> value, boolean pretty) {
      produce(
          path,
          path,
          fingerprint,
          w -> {
            Json.write(value.get(), pretty, w);
            if (!pretty) w.write('\n');
            return true;
          });
    }

    void asset(RenderedPage page) {
      jobs.add(
          sink -> {
            if (sink == null) return page;
            sink.write(page);
            return null;
          });
    }

    /** A file of fixed bytes (the theme's): kept by its bytes with the build cache's records. */
    void file(RenderedPage page) {
      if (reuse == null) {
        asset(page);
      } else {
        asset(page, "file\0" + bytesHash(page.bytes()));
      }
    }

    /**
     * A file made with the build cache's records: kept as it is when the last build made it with
     * the same {@code fingerprint}, else written; recorded under {@code fingerprint} either way.
     */
    void asset(RenderedPage page, String fingerprint) {
      paths.add(page.path());
      jobs.add(
          sink -> {
            if (reuse.keep(page.path(), fingerprint)) return null;
            sink.write(page);
            reuse.made(page.path(), fingerprint);
            return null;
          });
    }

    /**
     * A file the build before wrote, kept as it is (it was looked at already): a part of a patched
     * search index that did not change.
     */
    void keptPart(String path, String fingerprint) {
      paths.add(path);
      keptParts.add(path);
      jobs.add(
          sink -> {
            if (!reuse.keep(path, fingerprint)) {
              throw new IOException("the output folder changed while this build ran: " + path);
            }
            return null;
          });
    }

    /**
     * Makes the jobs registered from {@code first} on run only when {@code kept}, asked first on
     * the job's worker thread, says the output was not kept as it was.
     */
    void unlessKept(int first, java.util.function.BooleanSupplier kept) {
      for (int i = first; i < jobs.size(); i++) {
        Job job = jobs.get(i);
        jobs.set(i, sink -> kept.getAsBoolean() ? null : job.run(sink));
      }
    }

    /** An article body's search words, kept between builds by the build cache if there is one. */
    String[] searchWords(ResolvedPage p) {
      if (reuse == null) return SearchIndex.bodyWords(p);
      return reuse.searchWords(p.parsed(), () -> SearchIndex.bodyWords(p));
    }

    /**
     * For a search index at {@code path}: null when the build cache kept it and its parts as they
     * were; else the lasting hash its outputs are to be recorded with, or "" when nothing is
     * recorded (no cache, or a fingerprint that cannot be hashed).
     */
    String keepSearch(String path, String prefix, Supplier<Object> fingerprint) {
      String made = persistent(fingerprint);
      if (made == null) return "";
      List<String> kept = reuse.keepWithParts(path, made, partsTag(prefix));
      if (kept == null) return made;
      paths.add(path);
      keptParts.addAll(kept);
      return null;
    }

    /**
     * One output: streamed into the sink when there is one (and nothing is kept for a later
     * render), else rendered into memory, or taken from the cache when its fingerprint holds.
     */
    private void produce(
        String path, String source, Supplier<Object> fingerprint, Content content) {
      paths.add(path);
      jobs.add(
          sink -> {
            Object key = incremental ? fingerprint.get() : null;
            if (incremental) {
              Cached c = cache.get(path);
              if (c != null && c.fingerprint().equals(key)) return keep(sink, path, c.bytes());
            }
            try {
              if (sink != null && !incremental) {
                String made = persistent(fingerprint);
                if (made != null && reuse.keep(path, made)) return null;
                boolean ok;
                // The writer's own buffer (8,192 characters) holds a page of ours several times
                // over; a bigger one was allocated anew, mostly unused, for every output.
                try (Writer w =
                    new BufferedWriter(
                        new OutputStreamWriter(sink.open(path), StandardCharsets.UTF_8))) {
                  ok = content.writeTo(w);
                }
                if (made != null && ok) reuse.made(path, made);
                return null;
              }
              TemplateEngine.TextOut text = new TemplateEngine.TextOut();
              if (!content.writeTo(text)) return null;
              byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
              if (incremental) cache.put(path, new Cached(key, bytes));
              return keep(sink, path, bytes);
            } catch (StackOverflowError e) {
              diagnostics.error(
                  SourcePosition.file(source),
                  Code.TOO_DEEP,
                  "rendering " + path + " needs more nesting than a page can have",
                  "flatten deeply nested lists, quotes or emphasis in the article");
              return null;
            }
          });
    }

    /** The output's fingerprint as a lasting hash, or null when outputs are not kept. */
    private String persistent(Supplier<Object> fingerprint) {
      if (digest == null) return null;
      try {
        Object value = fingerprint.get();
        if (value instanceof String s && s.startsWith(PERSISTENT)) {
          return s.substring(PERSISTENT.length());
        }
        return digest.of(value);
      } catch (FingerprintDigest.Unhashable e) {
        return null;
      }
    }

    private RenderedPage keep(PageSink sink, String path, byte[] bytes) throws IOException {
      RenderedPage page = new RenderedPage(path, bytes);
      if (sink == null) return page;
      sink.write(page);
      return null;
    }

    /** Runs every job; outputs go to the sink, or are kept when there is none. */
    void run(PageSink sink) {
      List<RenderedPage> done =
          Workers.map(
              jobs.size(),
              i -> {
                try {
                  return jobs.get(i).run(sink);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      for (RenderedPage p : done) if (p != null) rendered.add(p);
    }
  }

  /** Writes one output's text; false when it failed (and was reported). */
  private interface Content {
    boolean writeTo(Writer out) throws IOException;
  }

  /** Produces one output: the output, or null when it went to the sink or failed. */
  private interface Job {
    RenderedPage run(PageSink sink) throws IOException;
  }
}
