package dev.sourced.config;

import com.ibm.icu.util.ULocale;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Site settings from {@code sourced.yaml}.
 *
 * @param baseUrl the public address, always ending in {@code /} (e.g.
 *     https://example.org/explainers/)
 * @param basePath the path part of {@code baseUrl}, always starting and ending in {@code /}; every
 *     internal link starts with it, so the site works under a sub-path
 * @param language the site's language as a BCP 47 tag ("en", "nl"): its message files and {@code
 *     <html lang>}
 * @param locale the locale numbers and dates are written in (a BCP 47 tag: "en-GB" writes 9 March
 *     2021, "en" March 9, 2021); the language unless set
 * @param staleAfterDays facts older than this many days get a warning; 0 turns the check off
 * @param rawHtml whether raw HTML in Markdown passes through (off by default)
 * @param requireArchive whether every source must name an archived copy (a warning without one, so
 *     {@code --strict} fails on it)
 * @param links how {@code sourced check --links} checks addresses
 * @param images how bundle images are published (sizes made, metadata kept)
 * @param languages every language of the site, the default first (just {@code language} for a site
 *     in one language); the default's pages are at the root, the others' under {@code /LANG/}
 * @param locales each language's locale
 * @param titles each language's site title
 * @param descriptions each language's site description
 * @param lists how many entries a page of a list, a feed and a sitemap file hold
 */
public record SiteConfig(
    String title,
    String description,
    String baseUrl,
    String basePath,
    String language,
    String locale,
    int staleAfterDays,
    boolean rawHtml,
    String author,
    boolean requireArchive,
    LinkSettings links,
    ImageSettings images,
    List<String> languages,
    Map<String, String> locales,
    Map<String, String> titles,
    Map<String, String> descriptions,
    ListSettings lists) {

  public static final String FILE_NAME = "sourced.yaml";

  /** The site in one language: {@code language}, {@code locale}, title and description as given. */
  public SiteConfig(
      String title,
      String description,
      String baseUrl,
      String basePath,
      String language,
      String locale,
      int staleAfterDays,
      boolean rawHtml,
      String author,
      boolean requireArchive,
      LinkSettings links,
      ImageSettings images) {
    this(
        title,
        description,
        baseUrl,
        basePath,
        language,
        locale,
        staleAfterDays,
        rawHtml,
        author,
        requireArchive,
        links,
        images,
        List.of(language),
        Map.of(language, locale),
        Map.of(language, title),
        Map.of(language, description),
        ListSettings.DEFAULTS);
  }

  /**
   * The language of pages without a language in their file name: the first of {@code languages}.
   */
  public String defaultLanguage() {
    return languages.get(0);
  }

  public boolean multilingual() {
    return languages.size() > 1;
  }

  /**
   * Where a language's pages live, relative to the site's root: "" for the default language, "en/"
   * for the others. Every page of the language, the fixed ones too (facts/, sources/, search/), is
   * under it.
   */
  public String prefix(String lang) {
    return lang == null || lang.isEmpty() || lang.equals(defaultLanguage()) ? "" : lang + "/";
  }

  /**
   * The settings as one language sees them: its language, locale, title and description; addresses
   * are unchanged (they are relative to the site's root).
   */
  public SiteConfig in(String lang) {
    return new SiteConfig(
        titles.getOrDefault(lang, title),
        descriptions.getOrDefault(lang, description),
        baseUrl,
        basePath,
        lang,
        locales.getOrDefault(lang, locale),
        staleAfterDays,
        rawHtml,
        author,
        requireArchive,
        links,
        images,
        languages,
        locales,
        titles,
        descriptions,
        lists);
  }

  public Locale numberLocale() {
    return Locale.forLanguageTag(locale);
  }

  /** The locale as ICU takes it, for numbers, dates and plural rules. */
  public ULocale uLocale() {
    return ULocale.forLanguageTag(locale);
  }

  /** The site-absolute path of a page or file, e.g. {@code url("sky-ecc/")}. */
  public String url(String relative) {
    return basePath + relative;
  }

  /**
   * The address of a page of this language's part of the site: {@code languageUrl("facts/")} is
   * {@code /facts/} in the default language and {@code /en/facts/} in English.
   */
  public String languageUrl(String relative) {
    return url(prefix(language) + relative);
  }

  /** The full address of a page or file, for feeds, sitemaps and canonical links. */
  public String permalink(String relative) {
    return baseUrl + relative;
  }
}
