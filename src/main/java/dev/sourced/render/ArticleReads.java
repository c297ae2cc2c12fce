package dev.sourced.render;

import dev.sourced.model.DeclarationKey;
import dev.sourced.parse.BodyLink;
import dev.sourced.resolve.Home;
import dev.sourced.resolve.PageFiles;
import dev.sourced.resolve.ResolvedPage;
import dev.sourced.resolve.ResolvedSite;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an article's page was made from besides its own parse, as a whole render found it, for the
 * build cache to keep: the page's path in the site, its language's folder, its number among the
 * documents of that language's search index, and the other articles whose parses the page shows
 * something of. With these, a build after an edit of some articles' prose alone renders their pages
 * in a site made of them and those articles only ({@link SiteRenderer#renderEdits}).
 *
 * <p>The articles read are those {@link Fingerprints#article} names and more: the page's
 * translations; for each fact, source and claim it shows, the article declaring it (and that
 * article's translations, where the page's language moves the home), and the articles using it; and
 * the articles its Markdown links lead to. A page that also shows another list (a section's page)
 * is not recorded: it is made from every article it lists.
 *
 * @param output the page's path in the site ({@code sky-ecc/index.html})
 * @param prefix its language's folder ({@code ""} or {@code en/})
 * @param document its number among its language's search documents
 * @param reads the paths of the other articles, in no meaningful order
 */
public record ArticleReads(String output, String prefix, int document, List<String> reads) {

  /**
   * What {@code page}'s page is made from besides the list a section's page also shows (which a
   * build after an edit of some articles never makes again within a smaller site: a section's page
   * rendered there lacks it, and so does its fingerprint).
   */
  static ArticleReads of(
      ResolvedSite site,
      LanguageViews views,
      PageFiles files,
      Map<String, ResolvedPage> byUrl,
      ResolvedPage page,
      String prefix,
      int document) {
    Set<String> reads = new LinkedHashSet<>();
    for (ResolvedPage t : views.translations(page).values()) reads.add(t.path());
    List<String> facts = new ArrayList<>(page.factsUsed());
    facts.addAll(page.ownFactsToBox());
    facts.addAll(page.boxedFacts());
    for (String id : facts) {
      home(site.factHome(id), views, byUrl, reads);
      users(site.factUsers().get(id), reads);
    }
    for (String id : page.references()) {
      home(site.homes().get(DeclarationKey.source(id)), views, byUrl, reads);
      users(site.sourceUsers().get(id), reads);
    }
    List<String> claims = new ArrayList<>(page.claimsUsed());
    claims.addAll(page.ownClaimsToBox());
    for (String id : claims) {
      home(site.claimHome(id), views, byUrl, reads);
      users(site.claimUsers().get(id), reads);
    }
    for (BodyLink link : page.parsed().links()) {
      String file = PageFiles.file(page, link.destination());
      if (file != null) reads.add(file);
      ResolvedPage target = files.target(page, link.destination());
      if (target != null) reads.add(target.path());
    }
    reads.remove(page.path());
    return new ArticleReads(page.url() + "index.html", prefix, document, List.copyOf(reads));
  }

  static void home(
      Home home, LanguageViews views, Map<String, ResolvedPage> byUrl, Set<String> reads) {
    if (home == null || !home.article()) return;
    ResolvedPage p = byUrl.get(home.url());
    if (p == null) return;
    for (ResolvedPage t : views.translations(p).values()) reads.add(t.path());
  }

  static void users(Collection<ResolvedPage> users, Set<String> reads) {
    if (users == null) return;
    for (ResolvedPage u : users) reads.add(u.path());
  }
}
