package dev.sourced.render;

import dev.sourced.config.SiteConfig;
import dev.sourced.resolve.OutputKind;
import dev.sourced.resolve.OutputPlan;
import dev.sourced.resolve.ResolvedPage;
import dev.sourced.resolve.ResolvedSite;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code sitemap.xml}: every page the output plan lists in the sitemap, each with its versions in
 * the other languages (hreflang). Past the sitemaps.org protocol's limits of one file (50,000
 * addresses, 50 MB) the plan splits it into {@code sitemap-1.xml}, {@code sitemap-2.xml}, ... of
 * {@link OutputPlan#sitemapPerFile()} addresses each, in the order of {@link #entries}, and {@code
 * sitemap.xml} is the sitemap index naming them. Dates come from the content (never the clock).
 */
final class Sitemaps {
  private Sitemaps() {}

  /**
   * One address of the sitemap.
   *
   * @param url relative to the site's root
   * @param lastChange the article's last change; null for the site's own pages
   * @param alternates the page in each language, relative to the root (empty in one language)
   */
  record Entry(String url, LocalDate lastChange, Map<String, String> alternates) {}

  /** How many files the sitemap is split into; 0 when sitemap.xml lists every address itself. */
  static int parts(OutputPlan plan) {
    int n = 0;
    for (OutputPlan.Output o : plan.outputs()) if (o.kind() == OutputKind.SITEMAP_PART) n++;
    return n;
  }

  /**
   * The sitemap's entries: the planned pages it lists, then every article with its date, each with
   * its versions in the other languages (none for a site in one language, nor for a page that only
   * one language has).
   */
  static List<Entry> entries(ResolvedSite site, LanguageViews views, OutputPlan plan) {
    SiteConfig config = site.config();
    List<Entry> out = new ArrayList<>();
    Set<String> present = new HashSet<>();
    for (OutputPlan.Output o : plan.outputs()) present.add(o.address());
    for (OutputPlan.Output o : plan.outputs()) {
      if (!o.kind().inSitemap() || o.kind() == OutputKind.ARTICLE) continue;
      Map<String, String> alt = new LinkedHashMap<>();
      if (config.multilingual()) {
        String own = o.address().substring(config.prefix(o.language()).length());
        for (String lang : config.languages()) {
          String there = config.prefix(lang) + own;
          if (present.contains(there)) alt.put(lang, there);
        }
        // A page in one language only (a list's later page, a tag) has no versions to name.
        if (alt.size() < 2) alt.clear();
      }
      out.add(new Entry(o.address(), null, alt));
    }
    for (ResolvedPage p : site.pages()) {
      Map<String, String> alt = new LinkedHashMap<>();
      if (config.multilingual()) {
        Map<String, ResolvedPage> t = views.translations(p);
        if (t.size() > 1) for (var e : t.entrySet()) alt.put(e.getKey(), e.getValue().url());
      }
      var fm = p.frontMatter();
      out.add(new Entry(p.url(), fm.updated() != null ? fm.updated() : fm.date(), alt));
    }
    return out;
  }

  /** A list of addresses; in several languages each lists its versions with hreflang. */
  static String urlset(SiteConfig config, List<Entry> entries) {
    StringBuilder x = new StringBuilder(4096);
    x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"");
    if (config.multilingual()) x.append(" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"");
    x.append(">\n");
    for (Entry e : entries) {
      x.append("  <url><loc>").append(Feeds.esc(config.permalink(e.url()))).append("</loc>");
      if (e.lastChange() != null) x.append("<lastmod>").append(e.lastChange()).append("</lastmod>");
      for (Map.Entry<String, String> a : e.alternates().entrySet()) {
        x.append("<xhtml:link rel=\"alternate\" hreflang=\"")
            .append(Feeds.esc(a.getKey()))
            .append("\" href=\"")
            .append(Feeds.esc(config.permalink(a.getValue())))
            .append("\"/>");
      }
      x.append("</url>\n");
    }
    return x.append("</urlset>\n").toString();
  }

  /** The sitemap index naming {@code sitemap-1.xml} to {@code sitemap-N.xml}. */
  static String index(SiteConfig config, int parts) {
    StringBuilder x = new StringBuilder(128 + parts * 80);
    x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.append("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (int i = 1; i <= parts; i++) {
      x.append("  <sitemap><loc>")
          .append(Feeds.esc(config.permalink(OutputKind.SITEMAP_PART.path(String.valueOf(i)))))
          .append("</loc></sitemap>\n");
    }
    return x.append("</sitemapindex>\n").toString();
  }
}
