package dev.sourced.render;

import dev.sourced.config.SiteConfig;
import dev.sourced.diag.Diagnostics;
import dev.sourced.facts.ValueFormatter;
import dev.sourced.load.ArticleFile;
import dev.sourced.model.Source;
import dev.sourced.resolve.OutputKind;
import dev.sourced.resolve.OutputPlan;
import dev.sourced.resolve.ResolvedPage;
import dev.sourced.resolve.ResolvedSite;
import freemarker.template.Template;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The render stage: every output file of a resolved site, in a stable order. Article bodies,
 * rendered when parsed, get their facts, citations and boxes filled in; pages go through the
 * theme's Freemarker templates; the feeds, sitemap and open-data exports are written directly.
 *
 * <p>Pages and their templates: {@code article.ftlh} per article, {@code index.ftlh} (home), {@code
 * tags.ftlh} and {@code tag.ftlh}, {@code facts.ftlh}, {@code sources.ftlh} and {@code
 * source.ftlh}, {@code methodology.ftlh}, {@code corrections.ftlh} and {@code 404.ftlh}.
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
  private final ValueFormatter fmt;
  private final boolean incremental;
  private final Map<String, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

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
      boolean incremental) {
    this.config = config;
    this.engine = engine;
    this.templates = templates;
    this.assets = Assets.load(siteTemplates, config);
    this.fmt = new ValueFormatter(config.locale());
    this.incremental = incremental;
  }

  /**
   * Compiles the templates; returns null after reporting why when one cannot be compiled.
   *
   * @param incremental whether to keep outputs for later renders of the same site
   */
  public static SiteRenderer create(
      SiteConfig config, Path siteTemplates, boolean incremental, Diagnostics diagnostics)
      throws IOException {
    TemplateEngine engine = new TemplateEngine(siteTemplates, config.numberLocale());
    Map<String, Template> templates = new HashMap<>();
    List<String> all = new java.util.ArrayList<>(TEMPLATES);
    all.addAll(PARTS);
    for (String name : all) {
      Template t = engine.template(name, diagnostics);
      if (t != null) templates.put(name, t);
    }
    if (templates.size() != all.size()) return null;
    return new SiteRenderer(config, engine, templates, siteTemplates, incremental);
  }

  /** Explainer pieces through the theme's (or the site's) {@code explainer.ftlh}. */
  private PageContext.ExplainerTemplate pieces(Diagnostics diagnostics) {
    return (model, forPath) -> {
      String html =
          engine.render(
              templates.get("explainer.ftlh"), Map.of("piece", model), forPath, diagnostics);
      return html == null ? "" : html;
    };
  }

  /** Renders a site once; returns null (after reporting why) when a template fails. */
  public static RenderedSite render(ResolvedSite site, Path siteTemplates, Diagnostics diagnostics)
      throws IOException {
    SiteRenderer r = create(site.config(), siteTemplates, false, diagnostics);
    return r == null ? null : r.render(site, diagnostics);
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
    Models models = new Models(site, fmt, assets.urls());
    ArticlePages articles = new ArticlePages(site, models, fmt, pieces(diagnostics));
    SitePages pages = new SitePages(site, models, fmt, articles);
    Output out = new Output(diagnostics);

    Object lists = incremental ? family("lists", Fingerprints.lists(site)) : null;
    Object declarations =
        incremental ? family("declarations", Fingerprints.declarations(site)) : null;
    OutputPlan plan = OutputPlan.of(site);
    Map<String, ResolvedPage> articlesByUrl = new HashMap<>();
    for (ResolvedPage p : site.pages()) articlesByUrl.put(p.url(), p);
    var tagGroups = pages.tagGroups();
    Map<String, String> tagsByAddress = new HashMap<>();
    for (String name : tagGroups.keySet()) tagsByAddress.put(OutputPlan.tagAddress(name), name);
    JsonExports json = new JsonExports(site, fmt);
    // Exactly the planned outputs: a kind of output this switch does not render cannot compile.
    for (OutputPlan.Output o : plan.outputs()) {
      String path = o.path();
      String template = o.kind().template();
      Runnable job =
          switch (o.kind()) {
            case ARTICLE -> {
              ResolvedPage p = articlesByUrl.get(o.address());
              yield () ->
                  out.page(
                      path,
                      p.path(),
                      template,
                      () -> Fingerprints.article(site, p),
                      () -> articles.model(p));
            }
            case HOME -> () -> out.page(path, template, () -> lists, pages::home);
            case TAGS -> () -> out.page(path, template, () -> lists, () -> pages.tags(tagGroups));
            case TAG -> {
              String name = tagsByAddress.get(o.address());
              yield () ->
                  out.page(path, template, () -> lists, () -> pages.tag(name, tagGroups.get(name)));
            }
            case FACTS -> () -> out.page(path, template, () -> declarations, pages::facts);
            case SOURCES -> () -> out.page(path, template, () -> declarations, pages::sources);
            case SOURCE -> {
              Source s = site.sources().get(o.subject());
              yield () -> out.page(path, template, () -> declarations, () -> pages.source(s));
            }
            case METHODOLOGY -> () -> out.page(path, template, () -> "static", pages::methodology);
            case CORRECTIONS -> () -> out.page(path, template, () -> lists, pages::corrections);
            case NOT_FOUND -> () -> out.page(path, template, () -> "static", pages::notFound);
            case SEARCH ->
                () ->
                    out.page(
                        path,
                        template,
                        () -> "static",
                        () ->
                            models.base(
                                "search",
                                "Search",
                                "Search the articles, facts and claims of " + config.title() + ".",
                                o.address()));
            case SEARCH_INDEX ->
                () ->
                    out.json(
                        path,
                        () -> List.of(lists, declarations),
                        () -> SearchIndex.model(site, fmt),
                        false);
            case FEED -> () -> out.text(path, () -> lists, () -> Feeds.atom(config, site.pages()));
            case CORRECTIONS_FEED ->
                () ->
                    out.text(
                        path, () -> lists, () -> Feeds.corrections(config, pages.correctionList()));
            case SITEMAP ->
                () ->
                    out.text(
                        path,
                        () -> List.of(lists, declarations),
                        () -> Feeds.sitemap(config, site.pages(), sitemapped(plan)));
            case FACTS_JSON -> () -> out.json(path, () -> declarations, json::facts, true);
            case SOURCES_JSON -> () -> out.json(path, () -> declarations, json::sources, true);
            case CLAIMS_JSON -> () -> out.json(path, () -> declarations, json::claims, true);
            // The theme's files and the bundles' files are not rendered: they are written and
            // copied as they are, below.
            case ASSET, BUNDLE_FILE -> () -> {};
          };
      job.run();
    }
    for (RenderedPage a : assets.pages()) out.asset(a);
    out.run(sink);

    List<CopiedFile> copies = new ArrayList<>();
    for (ResolvedPage p : site.pages()) {
      for (ArticleFile.BundleFile f : p.parsed().bundleFiles()) {
        copies.add(new CopiedFile(p.url() + f.relativeName(), f.file()));
      }
    }
    if (diagnostics.hasErrors()) return null;
    if (incremental) cache.keySet().retainAll(out.paths);
    out.rendered.sort(Comparator.comparing(RenderedPage::path));
    copies.sort(Comparator.comparing(CopiedFile::path));
    return new RenderedSite(List.copyOf(out.rendered), List.copyOf(copies));
  }

  /**
   * Renders one article again (its prose changed, nothing it shows of the rest of the site did),
   * keeping the cache in step; null after reporting a failure.
   */
  public RenderedPage renderArticle(ResolvedSite site, ResolvedPage page, Diagnostics diagnostics) {
    Models models = new Models(site, fmt, assets.urls());
    ArticlePages articles = new ArticlePages(site, models, fmt, pieces(diagnostics));
    String path = page.url() + "index.html";
    String html =
        engine.render(templates.get("article.ftlh"), articles.model(page), path, diagnostics);
    if (html == null) return null;
    byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
    if (incremental) cache.put(path, new Cached(Fingerprints.article(site, page), bytes));
    return new RenderedPage(path, bytes);
  }

  /** The planned pages the sitemap lists besides the articles (which it lists with their dates). */
  private static List<String> sitemapped(OutputPlan plan) {
    List<String> listed = new ArrayList<>();
    for (OutputPlan.Output o : plan.outputs()) {
      if (o.kind().inSitemap() && o.kind() != OutputKind.ARTICLE) listed.add(o.address());
    }
    return listed;
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
    final java.util.Set<String> paths = new java.util.HashSet<>();
    final Diagnostics diagnostics;

    Output(Diagnostics diagnostics) {
      this.diagnostics = diagnostics;
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
            dev.sourced.facts.Json.write(value.get(), pretty, w);
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
                try (java.io.Writer w =
                    new java.io.BufferedWriter(
                        new java.io.OutputStreamWriter(sink.open(path), StandardCharsets.UTF_8),
                        1 << 15)) {
                  content.writeTo(w);
                }
                return null;
              }
              TemplateEngine.TextOut text = new TemplateEngine.TextOut();
              if (!content.writeTo(text)) return null;
              byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
              if (incremental) cache.put(path, new Cached(key, bytes));
              return keep(sink, path, bytes);
            } catch (StackOverflowError e) {
              diagnostics.error(
                  dev.sourced.diag.SourcePosition.file(source),
                  "too-deep",
                  "rendering " + path + " needs more nesting than a page can have",
                  "flatten deeply nested lists, quotes or emphasis in the article");
              return null;
            }
          });
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
          dev.sourced.concurrent.Workers.map(
              jobs.size(),
              i -> {
                try {
                  return jobs.get(i).run(sink);
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      for (RenderedPage p : done) if (p != null) rendered.add(p);
    }
  }

  /** Writes one output's text; false when it failed (and was reported). */
  private interface Content {
    boolean writeTo(java.io.Writer out) throws IOException;
  }

  /** Produces one output: the output, or null when it went to the sink or failed. */
  private interface Job {
    RenderedPage run(PageSink sink) throws IOException;
  }
}
