package dev.sourced.render;

import dev.sourced.diag.Diagnostics;
import dev.sourced.facts.ValueFormatter;
import dev.sourced.load.ArticleFile;
import dev.sourced.model.Source;
import dev.sourced.resolve.ResolvedPage;
import dev.sourced.resolve.ResolvedSite;
import freemarker.template.Template;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The render stage: every output file of a resolved site, in memory, in a stable order. Article
 * bodies go through {@link BodyRenderer}, pages through the theme's Freemarker templates, and
 * the feeds, sitemap and open-data exports are written directly.
 *
 * <p>Pages and their templates: {@code article.ftlh} per article, {@code index.ftlh} (home),
 * {@code tags.ftlh} and {@code tag.ftlh}, {@code facts.ftlh}, {@code sources.ftlh} and {@code
 * source.ftlh}, {@code methodology.ftlh}, {@code corrections.ftlh} and {@code 404.ftlh}.
 */
public final class SiteRenderer {
  static final List<String> TEMPLATES =
      List.of("article.ftlh", "index.ftlh", "tags.ftlh", "tag.ftlh", "facts.ftlh",
          "sources.ftlh", "source.ftlh", "methodology.ftlh", "corrections.ftlh", "404.ftlh");

  private SiteRenderer() {}

  /** Renders everything; returns null (after reporting why) when a template fails. */
  public static RenderedSite render(ResolvedSite site, Path siteTemplates,
      Diagnostics diagnostics) throws IOException {
    TemplateEngine engine = new TemplateEngine(siteTemplates, site.config().numberLocale());
    Map<String, Template> templates = new java.util.HashMap<>();
    for (String name : TEMPLATES) {
      Template t = engine.template(name, diagnostics);
      if (t != null) templates.put(name, t);
    }
    if (templates.size() != TEMPLATES.size()) return null;

    ValueFormatter fmt = new ValueFormatter(site.config().locale());
    Assets assets = Assets.load(siteTemplates, site.config());
    Models models = new Models(site, fmt, assets.urls());
    BodyRenderer bodies = new BodyRenderer(site.config().rawHtml());
    ArticlePages articles = new ArticlePages(site, models, bodies, fmt);
    SitePages pages = new SitePages(site, models, fmt, articles);
    Output out = new Output(engine, templates, diagnostics);

    for (ResolvedPage p : site.pages()) {
      out.page(p.url() + "index.html", "article.ftlh", articles.model(p));
    }
    out.page("index.html", "index.ftlh", pages.home());
    var tagGroups = pages.tagGroups();
    out.page("tags/index.html", "tags.ftlh", pages.tags(tagGroups));
    for (var e : tagGroups.entrySet()) {
      out.page(Models.tagUrl(e.getKey()) + "index.html", "tag.ftlh",
          pages.tag(e.getKey(), e.getValue()));
    }
    out.page("facts/index.html", "facts.ftlh", pages.facts());
    out.page("sources/index.html", "sources.ftlh", pages.sources());
    for (Source s : site.sources().values()) {
      out.page("sources/" + s.id() + "/index.html", "source.ftlh", pages.source(s));
    }
    out.page("methodology/index.html", "methodology.ftlh", pages.methodology());
    out.page("corrections/index.html", "corrections.ftlh", pages.corrections());
    out.page("404.html", "404.ftlh", pages.notFound());

    out.text("feed.xml", Feeds.atom(site.config(), site.pages()));
    out.text("corrections.xml", Feeds.corrections(site.config(), pages.correctionList()));
    List<String> listed = new ArrayList<>(List.of("", "facts/", "sources/", "tags/",
        "methodology/", "corrections/"));
    for (String tag : tagGroups.keySet()) listed.add(Models.tagUrl(tag));
    for (Source s : site.sources().values()) listed.add("sources/" + s.id() + "/");
    out.text("sitemap.xml", Feeds.sitemap(site.config(), site.pages(), listed));
    JsonExports json = new JsonExports(site, fmt);
    out.text("facts.json", json.facts());
    out.text("sources.json", json.sources());
    out.text("claims.json", json.claims());
    out.rendered.addAll(assets.pages());

    List<CopiedFile> copies = new ArrayList<>();
    for (ResolvedPage p : site.pages()) {
      for (ArticleFile.BundleFile f : p.parsed().file().bundleFiles()) {
        copies.add(new CopiedFile(p.url() + f.relativeName(), f.file()));
      }
    }
    if (diagnostics.hasErrors()) return null;
    out.rendered.sort(Comparator.comparing(RenderedPage::path));
    copies.sort(Comparator.comparing(CopiedFile::path));
    return new RenderedSite(List.copyOf(out.rendered), List.copyOf(copies));
  }

  /** Collects rendered files; a template failure is reported and the page skipped. */
  private static final class Output {
    final List<RenderedPage> rendered = new ArrayList<>();
    final TemplateEngine engine;
    final Map<String, Template> templates;
    final Diagnostics diagnostics;

    Output(TemplateEngine engine, Map<String, Template> templates, Diagnostics diagnostics) {
      this.engine = engine;
      this.templates = templates;
      this.diagnostics = diagnostics;
    }

    void page(String path, String template, Map<String, Object> model) {
      String html = engine.render(templates.get(template), model, path, diagnostics);
      if (html != null) text(path, html);
    }

    void text(String path, String text) {
      rendered.add(new RenderedPage(path, text.getBytes(StandardCharsets.UTF_8)));
    }
  }
}
