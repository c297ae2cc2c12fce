package dev.sourced.config;

import dev.sourced.diag.Code;
import dev.sourced.diag.Diagnostics;
import dev.sourced.yaml.YamlMap;
import java.util.List;

/**
 * How long the pages and files that list the whole site may get, from the {@code paginate:}, {@code
 * feed:} and {@code sitemap:} sections of {@code sourced.yaml}. A list that grows with the site
 * (the home page, a tag's page, the facts and sources indexes, the tags index) is cut into pages of
 * a fixed number of entries, as Hugo's {@code pagerSize} and Zola's {@code paginate_by} do; feeds
 * carry only the newest entries, as jekyll-feed's {@code posts_limit} does; the sitemap is split
 * into files of at most {@code sitemapUrls} addresses (the sitemaps.org protocol allows 50,000 and
 * 50 MB per file), named from a sitemap index.
 *
 * @param articlesPerPage articles per page of the home page and of each tag's page
 * @param entriesPerPage rows per page of the facts index, the sources index and the tags index
 * @param feedEntries the newest entries each feed carries (articles, corrections)
 * @param sitemapUrls the most addresses one sitemap file lists
 */
public record ListSettings(
    int articlesPerPage, int entriesPerPage, int feedEntries, int sitemapUrls) {

  /** The sitemaps.org protocol's limit of addresses per sitemap file. */
  public static final int SITEMAP_MAX_URLS = 50_000;

  /** The sitemaps.org protocol's limit of one sitemap file's size, uncompressed. */
  public static final long SITEMAP_MAX_BYTES = 50L * 1024 * 1024;

  public static final ListSettings DEFAULTS = new ListSettings(20, 100, 10, SITEMAP_MAX_URLS);

  static final List<String> PAGINATE_KEYS = List.of("articles", "entries");
  static final List<String> FEED_KEYS = List.of("entries");
  static final List<String> SITEMAP_KEYS = List.of("max_urls");

  /** Reads the three sections; absent or invalid fields keep their defaults (reported). */
  static ListSettings read(
      YamlMap paginate, YamlMap feed, YamlMap sitemap, Diagnostics diagnostics) {
    ListSettings d = DEFAULTS;
    int articles = d.articlesPerPage, entries = d.entriesPerPage;
    int feedEntries = d.feedEntries, urls = d.sitemapUrls;
    if (paginate != null) {
      paginate.warnUnknownKeys("paginate", PAGINATE_KEYS);
      articles = count(paginate, "paginate", "articles", articles, Integer.MAX_VALUE, diagnostics);
      entries = count(paginate, "paginate", "entries", entries, Integer.MAX_VALUE, diagnostics);
    }
    if (feed != null) {
      feed.warnUnknownKeys("feed", FEED_KEYS);
      feedEntries = count(feed, "feed", "entries", feedEntries, Integer.MAX_VALUE, diagnostics);
    }
    if (sitemap != null) {
      sitemap.warnUnknownKeys("sitemap", SITEMAP_KEYS);
      urls = count(sitemap, "sitemap", "max_urls", urls, SITEMAP_MAX_URLS, diagnostics);
    }
    return new ListSettings(articles, entries, feedEntries, urls);
  }

  private static int count(
      YamlMap m, String section, String key, int fallback, int most, Diagnostics diagnostics) {
    Integer n = m.integer(key, false, section);
    if (n == null) return fallback;
    if (n < 1 || n > most) {
      diagnostics.error(
          m.valueAt(key),
          Code.BAD_CONFIG,
          section
              + "."
              + key
              + " must be a whole number from 1"
              + (most == Integer.MAX_VALUE ? " up" : " to " + most)
              + ", not "
              + n,
          "e.g. " + key + ": " + fallback);
      return fallback;
    }
    return n;
  }
}
