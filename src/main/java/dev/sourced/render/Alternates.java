package dev.sourced.render;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.util.ULocale;
import dev.sourced.config.SiteConfig;
import dev.sourced.resolve.ResolvedPage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A page's versions in the site's languages, for the language switcher and the {@code hreflang}
 * alternates: an article's translations; for the pages every language has (home, facts, sources, a
 * source's page, methodology, corrections, search), the same page in each language; a tag's page in
 * the languages that have articles with that tag. A site in one language has none.
 *
 * <p>Language names are the languages' own names from CLDR ("Nederlands", "English", "Deutsch"), so
 * a reader finds their language whatever language the page is in.
 */
final class Alternates {
  private final LanguageViews views;
  private final SiteConfig config;
  private final Map<String, Set<String>> tagsByLanguage = new LinkedHashMap<>();

  Alternates(LanguageViews views, SiteConfig config) {
    this.views = views;
    this.config = config;
  }

  /**
   * The addresses the build writes (relative to the root), so a version that is not is left out.
   */
  private Set<String> planned;

  /**
   * Names only versions the build writes: a list's second page in one language may have no second
   * page in another.
   */
  Alternates withPlanned(Set<String> addresses) {
    this.planned = addresses;
    return this;
  }

  Alternates withTags(String lang, Set<String> tagUrls) {
    tagsByLanguage.put(lang, new HashSet<>(tagUrls));
    return this;
  }

  /**
   * The language switcher: for each language, the page in that language, or (where the page has no
   * translation) that language's home, marked {@code translated: false}. The not-found page is in
   * every language, but has no address of its own to switch to: its own language is the current
   * one, and every other leads to that language's home (not marked untranslated: what is missing is
   * the page the reader asked for, in any language).
   *
   * @param here the page's language
   */
  List<Map<String, Object>> switcher(String kind, String url, ResolvedPage page, String here) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (!config.multilingual()) return out;
    if ("404".equals(kind)) {
      for (String lang : config.languages()) {
        Map<String, Object> v = entry(lang, config.prefix(lang), lang.equals(here));
        v.put("translated", true);
        out.add(v);
      }
      return out;
    }
    Map<String, Map<String, Object>> versions = new LinkedHashMap<>();
    for (Map<String, Object> v : of(kind, url, page, here)) {
      versions.put((String) v.get("language"), v);
    }
    for (String lang : config.languages()) {
      Map<String, Object> v = versions.get(lang);
      if (v == null) {
        v = entry(lang, config.prefix(lang), false);
        v.put("translated", false);
        // As the page's own language names it in a sentence: "Engels" on a Dutch page.
        v.put(
            "nameHere",
            ULocale.forLanguageTag(lang)
                .getDisplayName(ULocale.forLanguageTag(config.in(here).locale())));
      } else {
        v.put("translated", true);
      }
      out.add(v);
    }
    return out;
  }

  /**
   * @param url the page's address relative to the site's root
   * @param page the article, or null for the site's own pages
   * @param here the page's language
   * @return each version as {language, name, url, permalink, current}; empty in one language
   */
  List<Map<String, Object>> of(String kind, String url, ResolvedPage page, String here) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (!config.multilingual() || "404".equals(kind)) return out;
    if (page != null) {
      for (Map.Entry<String, ResolvedPage> e : views.translations(page).entrySet()) {
        out.add(entry(e.getKey(), e.getValue().url(), e.getKey().equals(here)));
      }
      return out;
    }
    String own = config.prefix(here);
    String relative = url.startsWith(own) ? url.substring(own.length()) : url;
    for (String lang : config.languages()) {
      if ("tag".equals(kind)) {
        Set<String> tags = tagsByLanguage.get(lang);
        if (tags == null || !tags.contains(relative)) continue;
      }
      if (planned != null && !planned.contains(config.prefix(lang) + relative)) continue;
      out.add(entry(lang, config.prefix(lang) + relative, lang.equals(here)));
    }
    return out;
  }

  private Map<String, Object> entry(String lang, String url, boolean current) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("language", lang);
    m.put("name", languageName(lang, ULocale.forLanguageTag(lang)));
    m.put("url", config.url(url));
    m.put("permalink", config.permalink(url));
    m.put("current", current);
    return m;
  }

  /** A language's name in a locale, capitalised as a menu item: "Nederlands", "Engels". */
  static String languageName(String lang, ULocale in) {
    String name = ULocale.forLanguageTag(lang).getDisplayName(in);
    return UCharacter.toTitleCase(in, name, null, UCharacter.TITLECASE_NO_LOWERCASE);
  }
}
