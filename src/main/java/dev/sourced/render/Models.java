package dev.sourced.render;

import dev.sourced.config.SiteConfig;
import dev.sourced.facts.ValueFormatter;
import dev.sourced.model.Fact;
import dev.sourced.model.FactValue;
import dev.sourced.model.Source;
import dev.sourced.resolve.OutputPlan;
import dev.sourced.resolve.ResolvedPage;
import dev.sourced.resolve.ResolvedSite;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the maps templates see. This is the one place where records become {@code
 * Map<String,Object>}; every key is documented in {@code docs/templates.md}. Absent values are left
 * out of the map (templates test them with {@code ??}).
 */
final class Models {
  private final ResolvedSite site;
  private final SiteConfig config;
  private final ValueFormatter fmt;
  private final Map<String, String> assets;

  Models(ResolvedSite site, ValueFormatter fmt, Map<String, String> assets) {
    this.site = site;
    this.config = site.config();
    this.fmt = fmt;
    this.assets = assets;
  }

  /** The keys every template gets: site, page, assets. */
  Map<String, Object> base(String kind, String title, String description, String url) {
    Map<String, Object> m = new LinkedHashMap<>();
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("title", config.title());
    s.put("description", config.description());
    s.put("baseUrl", config.baseUrl());
    s.put("basePath", config.basePath());
    s.put("language", config.language());
    put(s, "author", config.author());
    s.put("feedUrl", config.url("feed.xml"));
    s.put("homeUrl", config.url(""));
    m.put("site", s);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("kind", kind);
    p.put("title", title);
    p.put(
        "description",
        description == null || description.isEmpty() ? config.description() : description);
    p.put("url", config.url(url));
    p.put("permalink", config.permalink(url));
    m.put("page", p);
    m.put("assets", assets);
    m.put(
        "nav",
        List.of(
            link("Articles", config.url("")),
            link("Facts and claims", config.url("facts/")),
            link("Sources", config.url("sources/")),
            link("Tags", config.url("tags/")),
            link("How we rate claims", config.url("methodology/")),
            link("Corrections", config.url("corrections/"))));
    return m;
  }

  Map<String, Object> link(String title, String url) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", title);
    m.put("url", url);
    return m;
  }

  /** An article as lists show it. */
  Map<String, Object> summary(ResolvedPage p) {
    var fm = p.frontMatter();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", fm.title());
    put(m, "summary", fm.summary());
    m.put("url", config.url(p.url()));
    putDate(m, "date", fm.date());
    putDate(m, "updated", fm.updated());
    m.put("tags", tags(fm.tags()));
    m.put("authors", fm.authors());
    return m;
  }

  List<Map<String, Object>> tags(List<String> tags) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String t : tags) {
      Map<String, Object> m = link(t, config.url(tagUrl(t)));
      m.put("name", t);
      out.add(m);
    }
    return out;
  }

  static String tagUrl(String tag) {
    return OutputPlan.tagAddress(tag);
  }

  /** A source as a reference list shows it. */
  Map<String, Object> source(Source s, int number) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    if (number > 0) m.put("number", number);
    put(m, "title", s.title());
    if (s.isUntitled()) m.put("untitled", true);
    m.put("short", s.shortName());
    put(m, "publisher", s.publisher());
    putDate(m, "date", s.date());
    put(m, "url", s.url());
    putDate(m, "accessed", s.accessed());
    put(m, "archive", s.archive());
    put(m, "language", s.language());
    m.put("pageUrl", config.url("sources/" + s.id() + "/"));
    return m;
  }

  /**
   * What one source gives for a fact, as its page and export show it: {@code value} (with unit),
   * {@code scope}, {@code asOf}/{@code asOfText} when the value has its own date, and {@code used}
   * when this very figure is the one the article's text uses. Never the article's figure when the
   * source did not give it: the values come from {@link Fact#valuesFrom}.
   */
  List<Map<String, Object>> valuesFrom(Fact f, String sourceId) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (FactValue v : f.valuesFrom(sourceId)) {
      Map<String, Object> vm = new LinkedHashMap<>();
      vm.put("value", fmt.withUnitAndCaveat(f, v));
      put(vm, "scope", v.scope());
      putDate(vm, "asOf", v.asOf());
      // Only worth saying where sources disagree: a fact with one value has nothing to choose.
      vm.put("used", f.values().size() > 1 && v == f.usedInText());
      out.add(vm);
    }
    return out;
  }

  List<Map<String, Object>> references(List<String> ids) {
    List<Map<String, Object>> out = new ArrayList<>();
    int n = 1;
    for (String id : ids) out.add(source(site.sources().get(id), n++));
    return out;
  }

  /** A date that may stop at the month or year: {@code 2020-07} and "July 2020". */
  void putDate(Map<String, Object> m, String key, dev.sourced.model.PartialDate d) {
    if (d == null) return;
    m.put(key, d.toString());
    m.put(key + "Text", fmt.date(d));
  }

  void putDate(Map<String, Object> m, String key, LocalDate d) {
    if (d == null) return;
    m.put(key, d.toString());
    m.put(key + "Text", fmt.date(d));
  }

  static void put(Map<String, Object> m, String key, Object value) {
    if (value != null) m.put(key, value);
  }
}
