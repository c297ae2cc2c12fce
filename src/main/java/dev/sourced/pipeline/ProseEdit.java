package dev.sourced.pipeline;

import dev.sourced.diag.Diagnostic;
import dev.sourced.diag.Diagnostics;
import dev.sourced.model.Fact;
import dev.sourced.parse.BodyLink;
import dev.sourced.parse.BodyUse;
import dev.sourced.parse.ParsedPage;
import dev.sourced.render.RenderedPage;
import dev.sourced.render.SiteRenderer;
import dev.sourced.resolve.ResolvedPage;
import dev.sourced.resolve.ResolvedSite;
import dev.sourced.write.OutputSync;
import java.io.IOException;
import java.util.List;

/**
 * The quick way through an edit of one article's prose, for a {@link Pipeline} that keeps state:
 * when the saved file declares the same things, uses the same IDs, links and headings (only its
 * words changed) and the last run was written, nothing the rest of the site shows can have changed,
 * so the last resolved site is kept with the new file in it and only this article is rendered and
 * written. Anything else takes the whole way, which gives the same result (tested).
 */
final class ProseEdit {
  /** The last written run's resolved site, its resolve-stage diagnostics and file count. */
  private ResolvedSite lastSite;

  private List<Diagnostic> lastResolveDiagnostics = List.of();
  private int lastFiles;

  /** Remembers a whole run: its site when it was written (else null), for the next edit. */
  void remember(ResolvedSite written, List<Diagnostic> resolveDiagnostics, int files) {
    lastSite = written;
    lastResolveDiagnostics = resolveDiagnostics;
    lastFiles = files;
  }

  List<Diagnostic> resolveDiagnostics() {
    return lastResolveDiagnostics;
  }

  int files() {
    return lastFiles;
  }

  /**
   * Renders and writes the edited article alone when only its prose changed; returns the site now
   * written, or null when the edit must take the whole way.
   */
  ResolvedSite render(
      ParsedPage oldPage,
      ParsedPage newPage,
      List<Diagnostic> newDiagnostics,
      boolean strict,
      SiteRenderer renderer,
      OutputSync output)
      throws IOException {
    if (lastSite == null || oldPage == null || newPage == null) return null;
    if (oldPage.frontMatter().draft() || !sameShape(oldPage, newPage)) return null;
    for (Diagnostic d : newDiagnostics) {
      if (d.isError() || strict) return null;
    }
    for (Diagnostic d : lastResolveDiagnostics) {
      if (d.position().path().equals(newPage.path())) return null;
    }
    ResolvedPage oldResolved = null;
    for (ResolvedPage r : lastSite.pages()) {
      if (r.parsed() == oldPage) {
        oldResolved = r;
        break;
      }
    }
    if (oldResolved == null) return null;
    ResolvedPage newResolved = oldResolved.withParsed(newPage);
    ResolvedSite site = lastSite.withPage(oldResolved, newResolved);
    Diagnostics renderDiagnostics = new Diagnostics();
    RenderedPage page = renderer.renderArticle(site, newResolved, renderDiagnostics);
    if (page == null || renderDiagnostics.hasErrors()) return null;
    output.write(page);
    // The search index holds the words of article bodies: it is rebuilt with the page.
    String prefix = site.config().prefix(newPage.language());
    output.writeGroup(
        path ->
            path.equals(prefix + "search.json")
                || path.startsWith(prefix + "search/t/")
                || path.startsWith(prefix + "search/d/"),
        renderer.renderSearch(site, newResolved));
    lastSite = site;
    return site;
  }

  /** Same declarations, IDs used, links, headings and files: only the prose can differ. */
  static boolean sameShape(ParsedPage a, ParsedPage b) {
    return a.frontMatter().equals(b.frontMatter()) && sameBesidesFrontMatter(a, b);
  }

  /**
   * The facts whose contents alone changed from {@code a} to {@code b} (their values, labels,
   * units, dates, notes), by ID, when that and the prose are all that changed: the same facts, in
   * the same order, each citing the same sources in the same order, and everything {@link
   * #sameShape} compares but the facts the same. Null when anything else changed.
   */
  static java.util.Set<String> changedFacts(ParsedPage a, ParsedPage b) {
    List<Fact> was = a.frontMatter().facts(), is = b.frontMatter().facts();
    if (was.size() != is.size()
        || !a.frontMatter().withFacts(List.of()).equals(b.frontMatter().withFacts(List.of()))
        || !sameBesidesFrontMatter(a, b)) {
      return null;
    }
    java.util.Set<String> changed = new java.util.LinkedHashSet<>();
    for (int i = 0; i < was.size(); i++) {
      Fact x = was.get(i), y = is.get(i);
      if (!x.id().equals(y.id()) || !x.sourceIds().equals(y.sourceIds())) return null;
      if (!x.equals(y)) changed.add(x.id());
    }
    return changed;
  }

  private static boolean sameBesidesFrontMatter(ParsedPage a, ParsedPage b) {
    return a.slug().equals(b.slug())
        // Old addresses write redirects, a section lists others, unknown keys are reported
        // site-wide.
        && a.aliases().equals(b.aliases())
        && a.section() == b.section()
        && a.unknownKeys().equals(b.unknownKeys())
        && a.headingIds().equals(b.headingIds())
        && a.rejected().equals(b.rejected())
        && a.bundleFiles().equals(b.bundleFiles())
        && uses(a).equals(uses(b))
        && a.links().stream()
            .map(BodyLink::destination)
            .toList()
            .equals(b.links().stream().map(BodyLink::destination).toList());
  }

  private static List<Use> uses(ParsedPage p) {
    return p.uses().stream().map(u -> new Use(u.kind(), u.id(), u.directiveKind())).toList();
  }

  /** A use as the shape of a page sees it: what it names and how, not where. */
  private record Use(BodyUse.Kind kind, String id, String directive) {}
}
