package dev.sourced.render;

import dev.sourced.config.SiteConfig;
import dev.sourced.model.DeclarationKey;
import dev.sourced.resolve.Home;
import dev.sourced.resolve.OutputPlan;
import dev.sourced.resolve.ResolvedPage;
import dev.sourced.resolve.ResolvedSite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A site in several languages as each language renders it. The resolve stage sees one site: every
 * article of every language, and every source, fact and claim once, so a correction or a new source
 * is checked once and shows in every language in the same build. Rendering goes one language at a
 * time through a view of that site: the language's own articles, its lists (who uses a fact, a
 * tag's articles), its settings ({@link SiteConfig#in}), and homes moved to the language's
 * translation of the declaring article where there is one (else they stay in the language that has
 * it).
 *
 * <p>It also knows which pages translate each other (the same file name without the language:
 * {@code users.nl.md} and {@code users.en.md}), for the language switcher, {@code hreflang}
 * alternates and the sitemap.
 */
final class LanguageViews {
  private final ResolvedSite site;
  private final SiteConfig config;

  /** For each translation key, its pages by language, in the order of the site's languages. */
  private final Map<String, Map<String, ResolvedPage>> translations = new HashMap<>();

  private final Map<String, ResolvedPage> byUrl = new HashMap<>();

  LanguageViews(ResolvedSite site) {
    this.site = site;
    this.config = site.config();
    for (ResolvedPage p : site.pages()) {
      byUrl.put(p.url(), p);
      translations
          .computeIfAbsent(p.parsed().translationKey(), k -> new TreeMap<>())
          .put(language(p), p);
    }
  }

  /** A page's language; pages parsed without the site's languages are in the default one. */
  String language(ResolvedPage p) {
    return OutputPlan.language(p, config);
  }

  /** The page in each language that has it, in the order of the site's languages. */
  Map<String, ResolvedPage> translations(ResolvedPage p) {
    Map<String, ResolvedPage> found =
        translations.getOrDefault(p.parsed().translationKey(), Map.of());
    Map<String, ResolvedPage> out = new LinkedHashMap<>();
    for (String lang : config.languages()) {
      ResolvedPage t = found.get(lang);
      if (t != null) out.put(lang, t);
    }
    return out;
  }

  /** The site as one language renders it. A site in one language is its own view. */
  ResolvedSite view(String lang) {
    if (!config.multilingual()) return site;
    Predicate<ResolvedPage> mine = p -> language(p).equals(lang);
    List<ResolvedPage> pages = site.pages().stream().filter(mine).toList();
    Map<DeclarationKey, Home> homes = new HashMap<>();
    for (Map.Entry<DeclarationKey, Home> e : site.homes().entrySet()) {
      homes.put(e.getKey(), home(e.getValue(), lang));
    }
    TreeMap<String, List<ResolvedPage>> tags = new TreeMap<>();
    for (Map.Entry<String, List<ResolvedPage>> e : site.tags().entrySet()) {
      List<ResolvedPage> list = e.getValue().stream().filter(mine).toList();
      if (!list.isEmpty()) tags.put(e.getKey(), list);
    }
    return new ResolvedSite(
        config.in(lang),
        pages,
        inLanguage(site.sources(), s -> s.in(lang, config.defaultLanguage())),
        inLanguage(site.facts(), f -> f.in(lang, config.defaultLanguage())),
        inLanguage(site.claims(), c -> c.in(lang, config.defaultLanguage())),
        homes,
        filter(site.factUsers(), mine),
        filter(site.sourceUsers(), mine),
        filter(site.claimUsers(), mine),
        tags,
        site.sharedFacts(),
        site.sharedClaims(),
        site.staticFiles());
  }

  /** A declaration's home as a language sees it: its translation, or its language's facts page. */
  private Home home(Home h, String lang) {
    if (!h.article()) return new Home(config.prefix(lang) + h.url(), h.title(), false);
    ResolvedPage page = byUrl.get(h.url());
    if (page == null) return h;
    ResolvedPage t = translations(page).get(lang);
    return t == null ? h : new Home(t.url(), t.title(), true);
  }

  /** Declarations with their words in one language; the figures are the same objects' figures. */
  private static <T> Map<String, T> inLanguage(Map<String, T> declared, UnaryOperator<T> in) {
    Map<String, T> out = new LinkedHashMap<>();
    for (Map.Entry<String, T> e : declared.entrySet()) out.put(e.getKey(), in.apply(e.getValue()));
    return out;
  }

  private static <K> Map<K, List<ResolvedPage>> filter(
      Map<K, List<ResolvedPage>> map, Predicate<ResolvedPage> keep) {
    Map<K, List<ResolvedPage>> out = new LinkedHashMap<>();
    for (Map.Entry<K, List<ResolvedPage>> e : map.entrySet()) {
      out.put(e.getKey(), new ArrayList<>(e.getValue().stream().filter(keep).toList()));
    }
    return out;
  }
}
