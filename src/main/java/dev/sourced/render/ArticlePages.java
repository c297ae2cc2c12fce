package dev.sourced.render;

import com.ibm.icu.util.ULocale;
import dev.sourced.facts.Boxes;
import dev.sourced.facts.Json;
import dev.sourced.facts.ValueFormatter;
import dev.sourced.model.Correction;
import dev.sourced.model.FrontMatter;
import dev.sourced.resolve.PageFiles;
import dev.sourced.resolve.ResolvedPage;
import dev.sourced.resolve.ResolvedSite;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateHTMLOutputModel;
import freemarker.template.TemplateModelException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An article's or page's template model (a page has no date; a section's page also lists the
 * section's articles): the rendered body (as markup, so templates never need {@code ?no_esc}), the
 * boxes of the facts it declares and does not box itself, its numbered references, corrections, and
 * its JSON-LD.
 */
final class ArticlePages {
  private final ResolvedSite site;

  /** The site's locale, made once (not parsed from its tag for every page). */
  private final ULocale locale;

  private final Models models;
  private final ValueFormatter fmt;
  private final PageImages images;
  private final PageFiles pageFiles;

  /** Each page's translations in every language: pieces declared in one show in all. */
  private final Function<ResolvedPage, Collection<ResolvedPage>> translations;

  private final PageContext.ExplainerTemplate pieces;

  ArticlePages(
      ResolvedSite site,
      Models models,
      ValueFormatter fmt,
      PageImages images,
      PageFiles pageFiles,
      Function<ResolvedPage, Collection<ResolvedPage>> translations,
      PageContext.ExplainerTemplate pieces) {
    this.translations = translations;
    this.site = site;
    this.locale = site.config().uLocale();
    this.models = models;
    this.fmt = fmt;
    this.images = images;
    this.pageFiles = pageFiles;
    this.pieces = pieces;
  }

  Map<String, Object> model(ResolvedPage page) {
    FrontMatter fm = page.frontMatter();
    PageContext ctx =
        PageContext.of(site, page, fmt, pieces)
            .withImages(images.of(page.url()), fm, site.config().images().sizes())
            .withPageFiles(pageFiles, page)
            .withTranslations(translations.apply(page));
    String body = page.parsed().body().fill(ctx);
    String boxes = renderBoxes(page.ownFactsToBox(), page.ownClaimsToBox(), ctx);
    String description = description(fm, body);
    Map<String, Object> m =
        models.base(
            page.parsed().isArticle() ? "article" : "page",
            fm.title(),
            description,
            page.url(),
            page);
    Map<String, Object> a = models.summary(page);
    a.put("isArticle", page.parsed().isArticle());
    if (page.parsed().section()) {
      // A section's own page lists the articles below it (the home page's text: all of them).
      a.put("sectionArticles", LazyList.of(site.sectionArticles(page), models::summary));
    }
    a.put("body", markup(body));
    a.put("factBoxes", markup(boxes));
    a.put("hasFactBoxes", !boxes.isEmpty());
    a.put("references", models.references(page.references()));
    List<Map<String, Object>> corrections = new ArrayList<>();
    for (Correction declared : fm.corrections()) {
      Correction c = declared.in(site.config().language(), site.config().defaultLanguage());
      Map<String, Object> cm = new LinkedHashMap<>();
      models.putDate(cm, "date", c.date());
      cm.put("text", c.text());
      if (c.texts().fallback("text") != null) cm.put("textLang", c.texts().fallback("text"));
      corrections.add(cm);
    }
    a.put("corrections", corrections);
    a.put("hasClaims", !page.claimsUsed().isEmpty() || !page.ownClaimsToBox().isEmpty());
    a.put("jsonLd", markup(jsonLd(page, description)));
    m.put("article", a);
    return m;
  }

  /** Boxes for a list of facts, as the body writes them. */
  String renderBoxes(List<String> factIds, PageContext ctx) {
    return renderBoxes(factIds, List.of(), ctx);
  }

  /** Fact boxes, then claim boxes, as the body writes them. */
  String renderBoxes(List<String> factIds, List<String> claimIds, PageContext ctx) {
    return Boxes.html(factIds, claimIds, ctx);
  }

  /** The page's summary, or without one the first words of its text (see PageDescription). */
  private String description(FrontMatter fm, String body) {
    if (fm.summary() != null && !fm.summary().isBlank()) return fm.summary();
    return PageDescription.of(body, locale);
  }

  private String jsonLd(ResolvedPage page, String description) {
    FrontMatter fm = page.frontMatter();
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("@context", "https://schema.org");
    j.put("@type", page.parsed().isArticle() ? "Article" : "WebPage");
    j.put("headline", fm.title());
    if (description != null) j.put("description", description);
    j.put("url", site.config().permalink(page.url()));
    if (fm.date() != null) j.put("datePublished", fm.date().toString());
    if (fm.updated() != null || fm.date() != null)
      j.put("dateModified", (fm.updated() != null ? fm.updated() : fm.date()).toString());
    if (!fm.authors().isEmpty()) {
      List<Object> authors = new ArrayList<>();
      for (String name : fm.authors()) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("@type", "Person");
        a.put("name", name);
        authors.add(a);
      }
      j.put("author", authors);
    }
    Map<String, Object> publisher = new LinkedHashMap<>();
    publisher.put("@type", "Organization");
    publisher.put(
        "name", site.config().author() != null ? site.config().author() : site.config().title());
    j.put("publisher", publisher);
    if (!fm.tags().isEmpty()) j.put("keywords", String.join(", ", fm.tags()));
    j.put("inLanguage", site.config().language());
    return "<script type=\"application/ld+json\">" + Json.write(j, false) + "</script>";
  }

  static TemplateHTMLOutputModel markup(String html) {
    try {
      return HTMLOutputFormat.INSTANCE.fromMarkup(html);
    } catch (TemplateModelException e) {
      throw new IllegalStateException(e);
    }
  }
}
