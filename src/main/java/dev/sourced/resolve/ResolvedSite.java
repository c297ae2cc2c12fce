package dev.sourced.resolve;

import dev.sourced.config.SiteConfig;
import dev.sourced.model.Claim;
import dev.sourced.model.Fact;
import dev.sourced.model.Source;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The whole site after resolving: every declaration by its global ID, each one's home, and who
 * uses what. Maps iterate in a stable order (declaration order for IDs, sorted for tags), so
 * every page and export is reproducible. Read-only after the resolve stage.
 *
 * @param pages published articles, newest first (ties by address)
 * @param factUsers for each fact, the articles that use it, in page order
 * @param sourceUsers for each source, the articles that cite it or use a fact or claim that does
 * @param shared the facts declared in data files, boxed on the facts page
 */
public record ResolvedSite(
    SiteConfig config,
    List<ResolvedPage> pages,
    Map<String, Source> sources,
    Map<String, Fact> facts,
    Map<String, Claim> claims,
    Map<String, Home> homes,
    Map<String, List<ResolvedPage>> factUsers,
    Map<String, List<ResolvedPage>> sourceUsers,
    Map<String, List<ResolvedPage>> claimUsers,
    SortedMap<String, List<ResolvedPage>> tags,
    List<String> sharedFacts,
    List<String> sharedClaims) {

  /** The key of a fact's, source's or claim's home in {@link #homes}. */
  public static String key(String kind, String id) {
    return kind + ":" + id;
  }

  public Home factHome(String id) {
    return homes.get(key("fact", id));
  }

  public Home claimHome(String id) {
    return homes.get(key("claim", id));
  }
}
