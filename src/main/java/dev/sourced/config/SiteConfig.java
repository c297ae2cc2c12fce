package dev.sourced.config;

import java.util.Locale;

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
    String author) {

  public static final String FILE_NAME = "sourced.yaml";

  public Locale numberLocale() {
    return Locale.forLanguageTag(locale);
  }

  /** The locale as ICU takes it, for numbers, dates and plural rules. */
  public com.ibm.icu.util.ULocale uLocale() {
    return com.ibm.icu.util.ULocale.forLanguageTag(locale);
  }

  /** The site-absolute path of a page or file, e.g. {@code url("sky-ecc/")}. */
  public String url(String relative) {
    return basePath + relative;
  }

  /** The full address of a page or file, for feeds, sitemaps and canonical links. */
  public String permalink(String relative) {
    return baseUrl + relative;
  }
}
