package dev.sourced.render;

import dev.sourced.facts.FactsRenderContext;
import dev.sourced.facts.ValueFormatter;
import dev.sourced.images.PublishedImage;
import dev.sourced.model.Claim;
import dev.sourced.model.Explainer;
import dev.sourced.model.Fact;
import dev.sourced.model.FrontMatter;
import dev.sourced.model.ImageCredit;
import dev.sourced.model.Source;
import dev.sourced.parse.MarkdownFileLinks;
import dev.sourced.resolve.Home;
import dev.sourced.resolve.PageFiles;
import dev.sourced.resolve.ResolvedPage;
import dev.sourced.resolve.ResolvedSite;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One page's view of the site for the fact renderers: its reference numbering, which facts it boxes
 * itself, and links to everything else. Built per page; reads the resolved site only.
 */
final class PageContext implements FactsRenderContext {
  private final ResolvedSite site;
  private final String pageUrl;
  private final List<String> references;
  private final Set<String> localBoxes;
  private final ValueFormatter formatter;
  private final LocalDate reviewDate;
  private Map<String, PublishedImage> images = Map.of();
  private FrontMatter frontMatter;
  private String imageSizes = "100vw";
  private PageFiles pageFiles;
  private ResolvedPage page;
  private Collection<ResolvedPage> translations = List.of();

  PageContext(
      ResolvedSite site,
      String pageUrl,
      List<String> references,
      Set<String> localBoxes,
      ValueFormatter formatter) {
    this(site, pageUrl, references, localBoxes, formatter, null);
  }

  PageContext(
      ResolvedSite site,
      String pageUrl,
      List<String> references,
      Set<String> localBoxes,
      ValueFormatter formatter,
      LocalDate reviewDate) {
    this.reviewDate = reviewDate;
    this.site = site;
    this.pageUrl = pageUrl;
    this.references = references;
    this.localBoxes = localBoxes;
    this.formatter = formatter;
  }

  /** An article's view, which can place its explainer pieces through {@code pieces}. */
  static PageContext of(
      ResolvedSite site, ResolvedPage page, ValueFormatter formatter, ExplainerTemplate pieces) {
    Set<String> boxes = new HashSet<>(page.boxedFacts());
    boxes.addAll(page.ownFactsToBox());
    PageContext ctx =
        new PageContext(
            site, page.url(), page.references(), boxes, formatter, page.frontMatter().date());
    ctx.page = page;
    ctx.pieces = pieces;
    return ctx;
  }

  private ExplainerTemplate pieces;

  /** Writes an explainer piece's model through the theme's explainer template. */
  interface ExplainerTemplate {
    /** The HTML, or empty after reporting a template failure. */
    String render(Map<String, Object> model, String forPath);
  }

  @Override
  public String explainer(String kind, String id) {
    if (page == null || pieces == null) return "";
    Explainer.Kind k = Explainer.Kind.fromDirective(kind);
    Explainer e = page.frontMatter().explainer(k, id);
    // A piece declared once, in one of the article's translations, shows in each of them.
    for (ResolvedPage t : translations) if (e == null) e = t.frontMatter().explainer(k, id);
    if (e == null) return "";
    // In the page's language: a piece is declared once and may carry words for each language.
    e = e.in(site.config().language(), site.config().defaultLanguage());
    return pieces.render(new ExplainerModels(this).model(e), page.url() + "index.html");
  }

  /** This context, for an article whose bundle images are published as {@code images} say. */
  PageContext withImages(
      Map<String, PublishedImage> images, FrontMatter frontMatter, String sizes) {
    this.images = images;
    this.frontMatter = frontMatter;
    this.imageSizes = sizes;
    return this;
  }

  /** This context, for a page whose translations are {@code pages} (itself among them or not). */
  PageContext withTranslations(Collection<ResolvedPage> pages) {
    this.translations = pages;
    return this;
  }

  /** This context, for a page whose links to Markdown files lead to the pages {@code files} say. */
  PageContext withPageFiles(PageFiles files, ResolvedPage page) {
    this.pageFiles = files;
    this.page = page;
    return this;
  }

  @Override
  public String pageFileHref(String destination, String href) {
    ResolvedPage target = pageFiles == null ? null : pageFiles.target(page, destination);
    if (target == null) return href;
    return site.config().url(target.url()) + MarkdownFileLinks.fragment(href);
  }

  @Override
  public PublishedImage image(String name) {
    return images.get(name);
  }

  @Override
  public ImageCredit imageCredit(String name) {
    return frontMatter == null ? null : frontMatter.image(name);
  }

  @Override
  public String imageSizes() {
    return imageSizes;
  }

  @Override
  public Fact fact(String id) {
    return site.facts().get(id);
  }

  @Override
  public Claim claim(String id) {
    return site.claims().get(id);
  }

  @Override
  public Source source(String id) {
    return site.sources().get(id);
  }

  @Override
  public String factHref(String factId) {
    if (localBoxes.contains(factId)) return "#fact-" + factId;
    Home home = site.factHome(factId);
    return site.config().url(home.url()) + "#fact-" + factId;
  }

  @Override
  public int referenceNumber(String sourceId) {
    return references.indexOf(sourceId) + 1;
  }

  @Override
  public String referenceHref(String sourceId) {
    return "#ref-" + sourceId;
  }

  @Override
  public List<Link> alsoCitedIn(String factId) {
    List<Link> out = new ArrayList<>();
    for (ResolvedPage p : site.factUsers().getOrDefault(factId, List.of())) {
      if (!p.url().equals(pageUrl)) out.add(new Link(p.title(), site.config().url(p.url())));
    }
    return out;
  }

  @Override
  public String methodologyHref(String verdictKey) {
    return site.config().languageUrl("methodology/") + "#verdict-" + verdictKey;
  }

  @Override
  public String sourcePageHref(String sourceId) {
    return site.config().languageUrl("sources/" + sourceId + "/");
  }

  @Override
  public String pagePermalink() {
    return site.config().permalink(pageUrl);
  }

  @Override
  public LocalDate reviewDate() {
    return reviewDate;
  }

  @Override
  public String publisher() {
    return site.config().author() != null ? site.config().author() : site.config().title();
  }

  @Override
  public ValueFormatter formatter() {
    return formatter;
  }
}
