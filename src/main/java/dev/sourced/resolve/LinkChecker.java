package dev.sourced.resolve;

import dev.sourced.config.SiteConfig;
import dev.sourced.diag.Diagnostics;
import dev.sourced.load.ArticleFile;
import dev.sourced.parse.ParsedPage;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;

/**
 * Warns about internal links in article bodies that lead nowhere: a page that the build does not
 * write, or an anchor that the target article does not have. Anchors are known without rendering:
 * heading ids are generated the way the heading-anchor extension does (same generator, same
 * order), and boxes, claims and references have the ids the renderers give them.
 *
 * <p>Only relative and site-absolute links are checked; links with a scheme are external.
 */
final class LinkChecker {
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
    Set<String> ids = new HashSet<>(headingIds(page.parsed().body()));
    page.boxedFacts().forEach(f -> ids.add("fact-" + f));
    page.ownFactsToBox().forEach(f -> ids.add("fact-" + f));
    page.claimsUsed().forEach(c -> ids.add("claim-" + c));
    page.references().forEach(s -> ids.add("ref-" + s));
    anchors.put(page.url(), ids);
    for (ArticleFile.BundleFile f : page.parsed().file().bundleFiles()) {
      files.add(page.url() + f.relativeName());
    }
  }

  void check(ResolvedPage page) {
    ParsedPage p = page.parsed();
    p.body().accept(new AbstractVisitor() {
      @Override
      public void visit(Link link) {
        checkLink(page, link);
        visitChildren(link);
      }
    });
  }

  private void checkLink(ResolvedPage page, Link link) {
    String dest = link.getDestination();
    if (dest == null || dest.isEmpty() || dest.startsWith("//") || dest.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
      return;
    }
    URI resolved;
    try {
      resolved = new URI("http", "site", config.basePath() + page.url(), null)
          .resolve(new URI(null, null, dest.contains("#") ? dest.substring(0, dest.indexOf('#')) : dest,
              dest.contains("#") ? dest.substring(dest.indexOf('#') + 1) : null));
    } catch (URISyntaxException | IllegalArgumentException e) {
      warn(page, link, "the link \"" + dest + "\" is not a valid address", "check the link's spelling");
      return;
    }
    String path = resolved.getPath() == null ? "" : resolved.getPath();
    if (!path.startsWith(config.basePath())) {
      warn(page, link, "the link \"" + dest + "\" leads outside the site",
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
      warn(page, link, "the link \"" + dest + "\" leads to no page of this site",
          "internal links look like ../other-article/ (the article's slug, then a slash)");
      return;
    }
    String fragment = resolved.getFragment();
    Set<String> known = anchors.get(target);
    if (fragment != null && !fragment.isEmpty() && known != null && !known.contains(fragment)) {
      warn(page, link, "the link \"" + dest + "\" names an anchor that page does not have",
          "anchors are headings (#a-heading-title), facts (#fact-ID), claims (#claim-ID)");
    }
  }

  private void warn(ResolvedPage page, Link link, String message, String hint) {
    diagnostics.warning(BodyReferences.position(page.parsed(), link), "broken-link", message, hint);
  }

  /** Heading ids in document order, as the heading-anchor extension renders them. */
  static List<String> headingIds(Node body) {
    IdGenerator ids = IdGenerator.builder().build();
    List<String> out = new java.util.ArrayList<>();
    body.accept(new AbstractVisitor() {
      @Override
      public void visit(Heading heading) {
        StringBuilder text = new StringBuilder();
        heading.accept(new AbstractVisitor() {
          @Override
          public void visit(Text t) {
            text.append(t.getLiteral());
          }

          @Override
          public void visit(Code c) {
            text.append(c.getLiteral());
          }
        });
        out.add(ids.generateId(text.toString()));
      }
    });
    return out;
  }
}
