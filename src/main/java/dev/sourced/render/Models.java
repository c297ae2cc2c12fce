package dev.sourced.render;

import com.ibm.icu.util.ULocale;
import dev.sourced.config.SiteConfig;
import dev.sourced.facts.ValueFormatter;
import dev.sourced.model.Fact;
import dev.sourced.model.FactValue;
import dev.sourced.model.PartialDate;
import dev.sourced.model.Source;
import dev.sourced.resolve.OutputKind;
import dev.sourced.resolve.OutputPlan;
import dev.sourced.resolve.ResolvedPage;
import dev.sourced.resolve.ResolvedSite;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
  private final MessageMethod messageMethod;
  private final Alternates alternates;

  /**
   * Dates as the text shows them, each written once: an article's date is shown on its page and in
   * every list it is in, and the locale's date format is shared by the rendering threads.
   */
  private final Map<LocalDate, String> dateTexts = new ConcurrentHashMap<>();

  Models(ResolvedSite site, ValueFormatter fmt, Map<String, String> assets) {
    this(site, fmt, assets, new Alternates(new LanguageViews(site), site.config()));
  }

  Models(ResolvedSite site, ValueFormatter fmt, Map<String, String> assets, Alternates alternates) {
    this.alternates = alternates;
    this.site = site;
    this.config = site.config();
    this.fmt = fmt;
    this.assets = assets;
    this.messageMethod = new MessageMethod(fmt.messages());
  }

  SiteConfig config() {
    return config;
  }

  /**
   * The keys every template gets: site, page, assets, nav, languages, t.
   *
   * @param url the page's address relative to this language's part of the site ("facts/"), or an
   *     article's own address
   */
  Map<String, Object> base(String kind, String title, String description, String url) {
    return base(kind, title, description, url, null);
  }

  /** As {@link #base(String, String, String, String)} for an article, whose translations count. */
  Map<String, Object> base(
      String kind, String title, String description, String url, ResolvedPage page) {
    if (page == null) url = config.prefix(config.language()) + url;
    Map<String, Object> m = new LinkedHashMap<>();
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("title", config.title());
    s.put("description", config.description());
    s.put("baseUrl", config.baseUrl());
    s.put("basePath", config.basePath());
    s.put("language", config.language());
    put(s, "author", config.author());
    s.put("feedUrl", config.languageUrl("feed.xml"));
    s.put("homeUrl", config.languageUrl(""));
    s.put("faviconUrl", config.url(OutputKind.FAVICON.path(null)));
    s.put("languagePath", config.languageUrl(""));
    s.put("locale", config.locale());
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
    m.put("t", messageMethod);
    m.put(
        "nav",
        List.of(
            link(text("nav.articles"), config.languageUrl("")),
            link(text("nav.facts"), config.languageUrl("facts/")),
            link(text("nav.sources"), config.languageUrl("sources/")),
            link(text("nav.tags"), config.languageUrl("tags/")),
            link(text("nav.methodology"), config.languageUrl("methodology/")),
            link(text("nav.corrections"), config.languageUrl("corrections/"))));
    // The page in every language that has it (for hreflang), and the switcher's entries.
    List<Map<String, Object>> versions = alternates.of(kind, url, page, config.language());
    p.put("alternates", versions.size() > 1 ? versions : List.of());
    m.put("languages", alternates.switcher(kind, url, page, config.language()));
    return m;
  }

  /** A word of the theme in the site's language. */
  String text(String key) {
    return fmt.messages().text(key);
  }

  /** A text of the theme with arguments, in the site's language. */
  String text(String key, String name, Object value) {
    return fmt.messages().format(key, name, value);
  }

  /** A text of the theme with several arguments, in the site's language. */
  String text(String key, Map<String, ?> args) {
    return fmt.messages().format(key, args);
  }

  /**
   * As {@link #base(String, String, String, String)} for one page of a list cut into pages: its own
   * address and, after the first, its number in the title; {@code pager} for the template.
   */
  Map<String, Object> paged(String kind, String title, String description, Pager pager, int total) {
    Map<String, Object> m = base(kind, pager.title(this, title), description, pager.own());
    m.put("pager", pager.model(config, total));
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
      Map<String, Object> m = link(t, config.languageUrl(tagUrl(t)));
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
    if (s.publisher() != null) {
      m.put("publisher", TranslatedText.of(s.texts(), "publisher", s.publisher(), fmt.messages()));
    }
    putDate(m, "date", s.date());
    put(m, "url", s.url());
    putDate(m, "accessed", s.accessed());
    put(m, "archive", s.archive());
    putDate(m, "archived", s.archived());
    put(m, "language", s.language());
    m.put("pageUrl", config.languageUrl("sources/" + s.id() + "/"));
    if (s.language() != null) {
      // As running text writes it: "(in Dutch)", "(in het Nederlands)", "(en néerlandais)".
      m.put("languageName", ULocale.forLanguageTag(s.language()).getDisplayName(config.uLocale()));
    }
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
  void putDate(Map<String, Object> m, String key, PartialDate d) {
    if (d == null) return;
    m.put(key, d.toString());
    m.put(key + "Text", fmt.date(d));
  }

  void putDate(Map<String, Object> m, String key, LocalDate d) {
    if (d == null) return;
    m.put(key, d.toString());
    m.put(key + "Text", dateTexts.computeIfAbsent(d, fmt::date));
  }

  static void put(Map<String, Object> m, String key, Object value) {
    if (value != null) m.put(key, value);
  }
}
