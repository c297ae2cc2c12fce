package dev.sourced.resolve;

/**
 * Where a fact, source or claim is declared: an article (by its address) or a data file, whose
 * declarations live on the site's shared pages (facts and claims on {@code /facts/}).
 *
 * @param url the site-relative address of the home page, e.g. {@code sky-ecc/} or {@code facts/}
 * @param title the home page's title, for links
 * @param article whether the home is an article (false for data files)
 */
public record Home(String url, String title, boolean article) {}
