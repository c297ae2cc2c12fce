package dev.sourced.resolve;

import dev.sourced.config.SiteConfig;
import dev.sourced.load.StaticFile;
import dev.sourced.model.Claim;
import dev.sourced.model.DeclarationKey;
import dev.sourced.model.Fact;
import dev.sourced.model.Source;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The whole site after resolving: every declaration by its global ID, each one's home, and who uses
 * what. Maps iterate in a stable order (declaration order for IDs, sorted for tags), so every page
 * and export is reproducible. Read-only after the resolve stage.
 *
 * @param pages published articles newest first, then pages without a date (ties by address)
 * @param factUsers for each fact, the articles that use it, in page order
 * @param sourceUsers for each source, the articles that cite it or use a fact or claim that does
 * @param sharedFacts the facts declared in data files, boxed on the facts page
 * @param staticFiles the files of static/, copied to the site's root as they are
 */
public record ResolvedSite(
    SiteConfig config,
    List<ResolvedPage> pages,
    Map<String, Source> sources,
    Map<String, Fact> facts,
    Map<String, Claim> claims,
    Map<DeclarationKey, Home> homes,
    Map<String, List<ResolvedPage>> factUsers,
    Map<String, List<ResolvedPage>> sourceUsers,
    Map<String, List<ResolvedPage>> claimUsers,
    SortedMap<String, List<ResolvedPage>> tags,
    List<String> sharedFacts,
    List<String> sharedClaims,
    List<StaticFile> staticFiles) {

  /**
   * The same site with one article's parsed file replaced by another of the same shape (same
   * front-matter, IDs used, links and headings: only its prose differs), as the preview server
   * needs after an edit of the prose. Only the lists that hold the page are copied.
   */
  public ResolvedSite withPage(ResolvedPage old, ResolvedPage neu) {
    return new ResolvedSite(
        config,
        swap(pages, old, neu),
        sources,
        facts,
        claims,
        homes,
        swapIn(factUsers, old.factsUsed(), old, neu),
        swapIn(sourceUsers, old.references(), old, neu),
        swapIn(claimUsers, old.claimsUsed(), old, neu),
        new TreeMap<>(swapIn(tags, old.frontMatter().tags(), old, neu)),
        sharedFacts,
        sharedClaims,
        staticFiles);
  }

  private static <K> Map<K, List<ResolvedPage>> swapIn(
      Map<K, List<ResolvedPage>> map, Collection<K> keys, ResolvedPage old, ResolvedPage neu) {
    Map<K, List<ResolvedPage>> out = new LinkedHashMap<>(map);
    for (K k : keys) {
      List<ResolvedPage> list = out.get(k);
      if (list != null) out.put(k, swap(list, old, neu));
    }
    return out;
  }

  private static List<ResolvedPage> swap(
      List<ResolvedPage> list, ResolvedPage old, ResolvedPage neu) {
    List<ResolvedPage> out = new ArrayList<>(list);
    for (int i = 0; i < out.size(); i++) if (out.get(i) == old) out.set(i, neu);
    return out;
  }

  /** The articles (pages with a date), newest first: what the home page and the feeds list. */
  public List<ResolvedPage> articles() {
    return pages.stream().filter(p -> p.parsed().isArticle()).toList();
  }

  /**
   * The articles of a section's page: those whose files are in its folder or below it (all of them
   * for the home page's own text), newest first. Files, not addresses, decide: a {@code slug:}
   * moves an article's address, not its section.
   */
  public List<ResolvedPage> sectionArticles(ResolvedPage section) {
    String folder = section.path().substring(0, section.path().lastIndexOf('/') + 1);
    return pages.stream()
        .filter(p -> p != section && p.parsed().isArticle() && p.path().startsWith(folder))
        .toList();
  }

  public Home factHome(String id) {
    return homes.get(DeclarationKey.fact(id));
  }

  public Home claimHome(String id) {
    return homes.get(DeclarationKey.claim(id));
  }
}
