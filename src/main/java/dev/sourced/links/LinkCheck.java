package dev.sourced.links;

import dev.sourced.config.LinkSettings;
import dev.sourced.diag.Diagnostic;
import dev.sourced.model.Source;
import dev.sourced.parse.BodyLink;
import dev.sourced.resolve.ResolvedPage;
import dev.sourced.resolve.ResolvedSite;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code sourced check --links}: asks every external address a resolved site names (each source's
 * {@code url} and {@code archive}, each link in article text) whether it still answers, and turns
 * the answers into diagnostics at the places that name them. Runs only when asked: a build never
 * touches the network, so it stays offline and reproducible.
 *
 * <p>Each address is asked once however often it is named, at most {@code concurrency} at once and
 * {@code per_host} at once to one host ({@link HostPool}); good answers come from the cache ({@link
 * LinkCache}) while they are fresh.
 */
public final class LinkCheck {
  /** The site-relative file that holds the cache. */
  public static final String CACHE_FILE = ".sourced/link-cache.tsv";

  /** Told how many addresses are done, of how many. */
  public interface Progress {
    void update(int done, int total);
  }

  /** What the check found, for the summary line. */
  public record Summary(
      int addresses, int fromCache, int dead, int moved, int failing, int looping, long millis) {}

  /** The diagnostics (sorted) and the summary. */
  public record Result(List<Diagnostic> diagnostics, Summary summary) {}

  private LinkCheck() {}

  /**
   * Checks the site's addresses.
   *
   * @param cacheFile where good answers are kept; null for no cache
   * @param useCache whether to take answers from the cache (they are saved to it either way)
   */
  public static Result run(
      ResolvedSite site, LinkSettings settings, Path cacheFile, boolean useCache, Progress progress)
      throws IOException {
    long start = System.nanoTime();
    List<LinkTarget> targets = targets(site);
    Map<String, List<LinkTarget>> byAddress = new LinkedHashMap<>();
    for (LinkTarget t : targets) byAddress.computeIfAbsent(t.key(), k -> new ArrayList<>()).add(t);

    LinkCache cache = LinkCache.open(cacheFile, settings.cacheFor());
    Instant now = Instant.now();
    Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
    List<HostPool.Task> tasks = new ArrayList<>();
    AtomicInteger done = new AtomicInteger();
    int total = byAddress.size();
    AddressProber prober = new AddressProber(settings);
    for (String address : byAddress.keySet()) {
      Outcome cached = useCache ? cache.get(address, now) : null;
      if (cached != null) {
        outcomes.put(address, cached);
        done.incrementAndGet();
        continue;
      }
      tasks.add(
          new HostPool.Task(
              host(address),
              () -> {
                Outcome o = prober.probe(address);
                outcomes.put(address, o);
                cache.put(address, o, Instant.now());
                progress.update(done.incrementAndGet(), total);
              }));
    }
    progress.update(done.get(), total);
    try {
      new HostPool(settings.concurrency(), settings.perHost()).runAll(tasks);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("the link check was interrupted", e);
    }
    cache.save(Instant.now());

    List<Diagnostic> diagnostics = new LinkReport(site, outcomes).diagnostics(targets);
    int fromCache = 0, dead = 0, moved = 0, failing = 0, looping = 0;
    for (Outcome o : outcomes.values()) {
      if (o.fromCache()) fromCache++;
      switch (o.kind()) {
        case DEAD -> dead++;
        case MOVED -> moved++;
        case FAILING -> failing++;
        case LOOPING -> looping++;
        case OK -> {}
      }
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new Result(
        diagnostics, new Summary(total, fromCache, dead, moved, failing, looping, millis));
  }

  /** Every place that names an external address: sources first, then article text. */
  static List<LinkTarget> targets(ResolvedSite site) {
    List<LinkTarget> out = new ArrayList<>();
    for (Source s : site.sources().values()) {
      if (s.url() != null) {
        out.add(new LinkTarget(s.url(), s.urlAt(), LinkTarget.Role.SOURCE_URL, s.id()));
      }
      if (s.archive() != null) {
        out.add(new LinkTarget(s.archive(), s.archiveAt(), LinkTarget.Role.SOURCE_ARCHIVE, s.id()));
      }
    }
    for (ResolvedPage p : site.pages()) {
      for (BodyLink l : p.parsed().links()) {
        String d = l.destination();
        if (d == null) continue;
        String lower = d.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
          out.add(new LinkTarget(d, l.at(), LinkTarget.Role.TEXT, null));
        }
      }
    }
    return out;
  }

  /** The host and port an address talks to, the key of the per-host bound. */
  static String host(String address) {
    URI u = AddressProber.uri(address);
    if (u == null) return "";
    int port = u.getPort() >= 0 ? u.getPort() : u.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    return u.getHost().toLowerCase(Locale.ROOT) + ":" + port;
  }
}
