package dev.sourced.resolve;

import dev.sourced.config.SiteConfig;
import dev.sourced.diag.Diagnostics;
import dev.sourced.load.ArticleFile;
import dev.sourced.parse.BodyLink;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Warns about internal links in article bodies that lead nowhere: a page that the build does not
 * write, or an anchor that the target article does not have. Anchors are known without rendering:
 * heading ids come from the parse stage (generated as the heading-anchor extension does), and
 * boxes, claims and references have the ids the renderers give them.
 *
 * <p>Only relative and site-absolute links are checked; links with a scheme are external.
 */
final class LinkChecker {
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");

  private final SiteConfig config;
  private final Diagnostics diagnostics;
  /** For each page address ("slug/"), the anchors it has; null for pages without known anchors. */
  private final Map<String, Set<String>> anchors = new HashMap<>();
  private final Set<String> files = new HashSet<>();

  LinkChecker(SiteConfig config, Diagnostics diagnostics, Set<String> generatedPages) {
    this.config = config;
    this.diagnostics = diagnostics;
    for (String p : generatedPages) anchors.put(p, null);
  }

  void addPage(ResolvedPage page) {
    Set<String> ids = new HashSet<>(page.parsed().headingIds());
    page.boxedFacts().forEach(f -> ids.add("fact-" + f));
    page.ownFactsToBox().forEach(f -> ids.add("fact-" + f));
    page.claimsUsed().forEach(c -> ids.add("claim-" + c));
    page.ownClaimsToBox().forEach(c -> ids.add("claim-" + c));
    page.references().forEach(s -> ids.add("ref-" + s));
    anchors.put(page.url(), ids);
    for (ArticleFile.BundleFile f : page.parsed().bundleFiles()) {
      files.add(page.url() + f.relativeName());
    }
  }

  void check(ResolvedPage page) {
    for (BodyLink link : page.parsed().links()) check(page, link);
  }

  private void check(ResolvedPage page, BodyLink link) {
    String dest = link.destination();
    if (dest == null || dest.isEmpty() || dest.startsWith("//") || SCHEME.matcher(dest).matches()) {
      return;
    }
    int hash = dest.indexOf('#');
    URI resolved;
    try {
      resolved = new URI("http", "site", config.basePath() + page.url(), null)
          .resolve(new URI(null, null, hash < 0 ? dest : dest.substring(0, hash),
              hash < 0 ? null : dest.substring(hash + 1)));
    } catch (URISyntaxException | IllegalArgumentException e) {
      warn(link, "the link \"" + dest + "\" is not a valid address", "check the link's spelling");
      return;
    }
    String path = resolved.getPath() == null ? "" : resolved.getPath();
    if (!path.startsWith(config.basePath())) {
      warn(link, "the link \"" + dest + "\" leads outside the site",
          "internal links look like ../other-article/");
      return;
    }
    String target = path.substring(config.basePath().length());
    if (target.endsWith("index.html")) target = target.substring(0, target.length() - 10);
    if (files.contains(target)) return;
    if (!target.isEmpty() && !target.endsWith("/") && anchors.containsKey(target + "/")) {
      target = target + "/";
    }
    if (!anchors.containsKey(target)) {
      warn(link, "the link \"" + dest + "\" leads to no page of this site",
          "internal links look like ../other-article/ (the article's slug, then a slash)");
      return;
    }
    String fragment = resolved.getFragment();
    Set<String> known = anchors.get(target);
    if (fragment != null && !fragment.isEmpty() && known != null && !known.contains(fragment)) {
      warn(link, "the link \"" + dest + "\" names an anchor that page does not have",
          "anchors are headings (#a-heading-title), facts (#fact-ID), claims (#claim-ID)");
    }
  }

  private void warn(BodyLink link, String message, String hint) {
    diagnostics.warning(link.at(), "broken-link", message, hint);
  }
}
