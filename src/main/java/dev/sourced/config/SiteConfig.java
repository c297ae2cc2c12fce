package dev.sourced.config;

import java.util.Locale;

/**
 * Site settings from {@code sourced.yaml}.
 *
 * @param baseUrl the public address, always ending in {@code /} (e.g.
 *     https://example.org/explainers/)
 * @param basePath the path part of {@code baseUrl}, always starting and ending in {@code /}; every
 *     internal link starts with it, so the site works under a sub-path
 * @param locale the number locale: "en" (70,000) or "nl" (70.000)
 * @param staleAfterDays facts older than this many days get a warning; 0 turns the check off
 * @param rawHtml whether raw HTML in Markdown passes through (off by default)
 * @param requireArchive whether every source must name an archived copy (a warning without one, so
 *     {@code --strict} fails on it)
 * @param links how {@code sourced check --links} checks addresses
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
    LinkSettings links) {

  public static final String FILE_NAME = "sourced.yaml";

  public Locale numberLocale() {
    return Locale.forLanguageTag(locale);
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
