package dev.sourced.resolve;

import dev.sourced.config.SiteConfig;
import dev.sourced.diag.Code;
import dev.sourced.diag.Diagnostics;
import dev.sourced.diag.Suggestions;
import dev.sourced.parse.BodyLink;
import dev.sourced.parse.MarkdownFileLinks;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Warns about internal links in article bodies that lead nowhere: a page or file that is not in the
 * {@link OutputPlan}, or an anchor that the target article does not have. Anchors are known without
 * rendering: heading ids come from the parse stage (generated as the heading-anchor extension
 * does), and boxes, claims and references have the ids the renderers give them.
 *
 * <p>Only relative and site-absolute links are checked; links with a scheme are external. A link to
 * a Markdown file ({@code other.md}) must name a published page's file ({@link PageFiles}).
 */
final class LinkChecker {
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");

  private final SiteConfig config;

  /** For each page address ("slug/"), the anchors it has; null for pages without known anchors. */
  private final Map<String, Set<String>> anchors = new HashMap<>();

  private final Set<String> files = new HashSet<>();

  private final PageFiles pageFiles;

  /** Every planned output is a target; articles' anchors are added by {@link #addPage}. */
  LinkChecker(SiteConfig config, OutputPlan plan, PageFiles pageFiles) {
    this.config = config;
    this.pageFiles = pageFiles;
    for (OutputPlan.Output o : plan.outputs()) {
      if (o.kind() == OutputKind.BUNDLE_FILE || o.kind() == OutputKind.STATIC_FILE) {
        files.add(o.path());
        if (o.path().endsWith("index.html")) anchors.put(o.address(), null);
      } else {
        anchors.put(o.address(), null);
      }
    }
  }

  /** Adds a page with its anchors (see {@link #anchors}). */
  void addPage(ResolvedPage page, Set<String> ids) {
    anchors.put(page.url(), ids);
  }

  /** The anchors a page has: its headings, boxes, claims and references. */
  static Set<String> anchors(ResolvedPage page) {
    Set<String> ids = new HashSet<>(page.parsed().headingIds());
    page.boxedFacts().forEach(f -> ids.add("fact-" + f));
    page.ownFactsToBox().forEach(f -> ids.add("fact-" + f));
    page.claimsUsed().forEach(c -> ids.add("claim-" + c));
    page.ownClaimsToBox().forEach(c -> ids.add("claim-" + c));
    page.references().forEach(s -> ids.add("ref-" + s));
    return ids;
  }

  /**
   * Checks a page's links, warning into {@code diagnostics}; safe on several threads at once once
   * every page is added (the checker is only read).
   */
  void check(ResolvedPage page, Diagnostics diagnostics) {
    for (BodyLink link : page.parsed().links()) check(page, link, diagnostics);
  }

  private void check(ResolvedPage page, BodyLink link, Diagnostics diagnostics) {
    String dest = link.destination();
    if (dest == null || dest.isEmpty() || dest.startsWith("//") || SCHEME.matcher(dest).matches()) {
      return;
    }
    if (MarkdownFileLinks.isFileLink(dest)) {
      checkFileLink(page, link, diagnostics);
      return;
    }
    int hash = dest.indexOf('#');
    String base = config.basePath() + page.url();
    String path = resolvePlain(base, hash < 0 ? dest : dest.substring(0, hash));
    String fragment = hash < 0 ? null : dest.substring(hash + 1);
    if (path == null || (fragment != null && !plain(fragment, false))) {
      URI resolved;
      try {
        resolved =
            new URI("http", "site", base, null)
                .resolve(new URI(null, null, hash < 0 ? dest : dest.substring(0, hash), fragment));
      } catch (URISyntaxException | IllegalArgumentException e) {
        warn(
            diagnostics,
            link,
            "the link \"" + dest + "\" is not a valid address",
            "check the link's spelling");
        return;
      }
      path = resolved.getPath() == null ? "" : resolved.getPath();
      fragment = resolved.getFragment();
    }
    if (!path.startsWith(config.basePath())) {
      warn(
          diagnostics,
          link,
          "the link \"" + dest + "\" leads outside the site",
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
      warn(
          diagnostics,
          link,
          "the link \"" + dest + "\" leads to no page of this site",
          "internal links look like ../other-article/ (the article's slug, then a slash)");
      return;
    }
    Set<String> known = anchors.get(target);
    if (fragment != null && !fragment.isEmpty() && known != null && !known.contains(fragment)) {
      warn(
          diagnostics,
          link,
          "the link \"" + dest + "\" names an anchor that page does not have",
          "anchors are headings (#a-heading-title), facts (#fact-ID), claims (#claim-ID)");
    }
  }

  /** A link to a Markdown file: the file must be a published page, and have the anchor named. */
  private void checkFileLink(ResolvedPage page, BodyLink link, Diagnostics diagnostics) {
    String dest = link.destination();
    ResolvedPage target = pageFiles.target(page, dest);
    if (target == null) {
      String file = PageFiles.file(page, dest);
      warn(
          diagnostics,
          link,
          "the link \""
              + dest
              + "\" names "
              + (file == null ? "a file outside content/" : file)
              + ", which is not a page of this site",
          file == null
              ? "a link to a page's Markdown file is relative to this file (../posts/other.md)"
              : Suggestions.hint(
                  file,
                  pageFiles.files(),
                  "a link to a page's Markdown file is relative to this file (../posts/other.md);"
                      + " a draft has no page"));
      return;
    }
    String fragment = MarkdownFileLinks.fragment(dest);
    Set<String> known = anchors.get(target.url());
    if (fragment.length() > 1 && known != null && !known.contains(fragment.substring(1))) {
      warn(
          diagnostics,
          link,
          "the link \"" + dest + "\" names an anchor that page does not have",
          "anchors are headings (#a-heading-title), facts (#fact-ID), claims (#claim-ID)");
    }
  }

  /**
   * The path a link leads to from a page at {@code base} ("/", "/slug/"), worked out without {@link
   * URI} (whose parsing is most of this check's cost) for the common case: a path of plain
   * characters, made of names and {@code ..}, that stays inside the root. Null for anything else
   * (escapes, queries, {@code .} or empty segments, climbing above the root, dot segments in a
   * site-absolute reference), which {@link URI} resolves; where both answer, they agree (tested
   * against it on random paths).
   */
  static String resolvePlain(String base, String ref) {
    if (!plain(base, true) || !plain(ref, true) || !base.startsWith("/") || !base.endsWith("/")) {
      return null;
    }
    ArrayDeque<String> segments = new ArrayDeque<>();
    if (base.length() > 1) {
      for (String s : base.substring(1, base.length() - 1).split("/", -1)) {
        if (s.isEmpty() || s.equals(".") || s.equals("..")) return null;
        segments.addLast(s);
      }
    }
    if (ref.isEmpty()) return base;
    // URI leaves the dot segments of a site-absolute reference as they are: so does this, by
    // leaving such references to it.
    if (ref.startsWith("/")) {
      if (("/" + ref + "/").contains("/../") || ("/" + ref + "/").contains("/./")) return null;
      segments.clear();
    }
    String rest = ref.startsWith("/") ? ref.substring(1) : ref;
    String[] parts = rest.split("/", -1);
    for (int i = 0; i < parts.length; i++) {
      String s = parts[i];
      boolean last = i == parts.length - 1;
      if (s.isEmpty() && !last) return null;
      if (s.equals(".")) return null;
      if (s.equals("..")) {
        if (segments.isEmpty()) return null;
        segments.removeLast();
        if (last) return null;
      } else if (!s.isEmpty()) {
        segments.addLast(s);
      }
    }
    StringBuilder out = new StringBuilder("/");
    for (String s : segments) out.append(s).append('/');
    if (!rest.endsWith("/") && !segments.isEmpty()) out.setLength(out.length() - 1);
    return out.toString();
  }

  /** Letters, digits and {@code - . _ ~}, and {@code /} where a path is allowed. */
  private static boolean plain(String s, boolean slashes) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '.'
              || c == '_'
              || c == '~'
              || (slashes && c == '/');
      if (!ok) return false;
    }
    return true;
  }

  private static void warn(Diagnostics diagnostics, BodyLink link, String message, String hint) {
    diagnostics.warning(link.at(), Code.BROKEN_LINK, message, hint);
  }
}
