package dev.sourced.config;

import dev.sourced.diag.Code;
import dev.sourced.diag.Diagnostics;
import dev.sourced.yaml.YamlMap;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * How {@code sourced check --links} talks to the network, from the {@code links:} mapping of {@code
 * sourced.yaml}. The defaults keep a site's check about as long as its slowest address: a
 * connection must open within 5 seconds, an address gets 15 seconds in all (redirects and retries
 * included), at most 4 requests go to one host at a time and 32 in all, and an address that
 * answered well is not asked again for 24 hours.
 *
 * @param connectTimeout how long opening a connection may take
 * @param timeout how long one address may take in all: every request, redirect and retry
 * @param perHost requests at once to one host (a host name and port)
 * @param concurrency requests at once in all
 * @param retries further tries after a 429 or 5xx answer (never after a timeout)
 * @param retryWait the first wait before a retry, doubled each time, when the server does not say
 *     (Retry-After)
 * @param cacheFor how long a good answer is remembered; zero turns the cache off
 * @param maxRedirects redirects followed before the address counts as looping
 * @param userAgent the User-Agent header sent
 */
public record LinkSettings(
    Duration connectTimeout,
    Duration timeout,
    int perHost,
    int concurrency,
    int retries,
    Duration retryWait,
    Duration cacheFor,
    int maxRedirects,
    String userAgent) {

  static final List<String> KEYS =
      List.of(
          "connect_timeout",
          "timeout",
          "per_host",
          "concurrency",
          "retries",
          "retry_wait",
          "cache_hours",
          "max_redirects",
          "user_agent");

  public static final String DEFAULT_USER_AGENT =
      "Mozilla/5.0 (compatible; sourced-link-check/0.1; checks the sources a site cites)";

  public static LinkSettings defaults() {
    return new LinkSettings(
        Duration.ofSeconds(5),
        Duration.ofSeconds(15),
        4,
        32,
        2,
        Duration.ofSeconds(1),
        Duration.ofHours(24),
        10,
        DEFAULT_USER_AGENT);
  }

  /** The same settings without the cache. */
  public LinkSettings withoutCache() {
    return new LinkSettings(
        connectTimeout,
        timeout,
        perHost,
        concurrency,
        retries,
        retryWait,
        Duration.ZERO,
        maxRedirects,
        userAgent);
  }

  /** Reads the {@code links:} mapping; absent or invalid fields keep their defaults (reported). */
  static LinkSettings parse(YamlMap m, Diagnostics diagnostics) {
    LinkSettings d = defaults();
    if (m == null) return d;
    String what = "links";
    m.warnUnknownKeys("links", KEYS);
    String agent = m.string("user_agent", false, what);
    return new LinkSettings(
        seconds(m, "connect_timeout", d.connectTimeout, false, diagnostics),
        seconds(m, "timeout", d.timeout, false, diagnostics),
        count(m, "per_host", d.perHost, 1, diagnostics),
        count(m, "concurrency", d.concurrency, 1, diagnostics),
        count(m, "retries", d.retries, 0, diagnostics),
        seconds(m, "retry_wait", d.retryWait, true, diagnostics),
        hours(m, d.cacheFor, diagnostics),
        count(m, "max_redirects", d.maxRedirects, 1, diagnostics),
        agent == null || agent.isEmpty() ? d.userAgent : agent);
  }

  private static Duration seconds(
      YamlMap m, String key, Duration fallback, boolean zeroAllowed, Diagnostics diagnostics) {
    BigDecimal n = m.number(key, false, "links");
    if (n == null) return fallback;
    if (n.signum() < 0 || (!zeroAllowed && n.signum() == 0)) {
      diagnostics.error(
          m.valueAt(key),
          Code.BAD_CONFIG,
          "links." + key + " must be a number of seconds above zero, not " + n.toPlainString(),
          "e.g. " + key + ": " + fallback.toSeconds());
      return fallback;
    }
    return Duration.ofNanos(n.movePointRight(9).longValue());
  }

  private static Duration hours(YamlMap m, Duration fallback, Diagnostics diagnostics) {
    BigDecimal n = m.number("cache_hours", false, "links");
    if (n == null) return fallback;
    if (n.signum() < 0) {
      diagnostics.error(
          m.valueAt("cache_hours"),
          Code.BAD_CONFIG,
          "links.cache_hours must be zero (no cache) or more, not " + n.toPlainString(),
          "e.g. cache_hours: 24");
      return fallback;
    }
    return Duration.ofSeconds(n.multiply(BigDecimal.valueOf(3600)).longValue());
  }

  private static int count(
      YamlMap m, String key, int fallback, int least, Diagnostics diagnostics) {
    Integer n = m.integer(key, false, "links");
    if (n == null) return fallback;
    if (n < least) {
      diagnostics.error(
          m.valueAt(key),
          Code.BAD_CONFIG,
          "links." + key + " must be at least " + least + ", not " + n,
          "e.g. " + key + ": " + fallback);
      return fallback;
    }
    return n;
  }
}
