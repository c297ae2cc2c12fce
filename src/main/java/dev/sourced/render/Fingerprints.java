package dev.sourced.render;

import dev.sourced.model.Correction;
import dev.sourced.resolve.ResolvedPage;
import dev.sourced.resolve.ResolvedSite;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each output depends on, as values that compare with {@code equals}, so that a rebuild can
 * reuse the bytes of every page whose inputs did not change (the preview server's incremental
 * rebuilds). A fingerprint must change whenever the page's bytes could: it over-approximates, never
 * under. Pages fall into three families:
 *
 * <ul>
 *   <li>an article depends on its own parsed file (by identity: the parse cache hands back the same
 *       object while the file is unchanged), its address, its translations' addresses and titles (a
 *       section's page: the lists too, as it lists articles), and every fact, source and claim it
 *       shows, with their homes and, for the facts it boxes, the articles that also cite them, and
 *       how its images are published (their sizes and copies);
 *   <li>lists (home, tags, feeds, sitemap, corrections) depend on every article's summary;
 *   <li>declaration pages (facts index, sources, open-data exports) depend on every fact, source
 *       and claim and who uses them, and on the images that rely on sources;
 *   <li>a source's own page depends on the source, the facts and claims citing it, the articles
 *       using it and its images ({@link SitePages#sourceFingerprint}).
 * </ul>
 *
 * A renderer's cache lives as long as its templates and settings; any change to those makes a new
 * renderer, and so a full render.
 */
final class Fingerprints {
  private Fingerprints() {}

  /** Compares by identity: for objects whose equality would be deep and slow. */
  record Ident(Object ref) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Ident i && i.ref == ref;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(ref);
    }
  }

  record Summary(
      String url,
      String title,
      String summary,
      LocalDate date,
      LocalDate updated,
      List<String> tags,
      List<String> authors,
      List<Correction> corrections) {}

  /**
   * @param translations the page in each language that has it (its language switcher and alternates
   *     name their addresses and titles)
   * @param lists the lists' fingerprint, which a section's page depends on (it lists articles)
   */
  static Object article(
      ResolvedSite site,
      ResolvedPage page,
      Object images,
      Map<String, ResolvedPage> translations,
      Object lists) {
    return article(site, page, images, translations, lists, id -> fact(site, id));
  }

  /**
   * @param facts what a fact contributes, by ID: {@link #fact}, or a token standing for it (a fact
   *     shared by many pages is then hashed once per render, not once per page)
   */
  static Object article(
      ResolvedSite site,
      ResolvedPage page,
      Object images,
      Map<String, ResolvedPage> translations,
      Object lists,
      java.util.function.Function<String, Object> facts) {
    List<Object> key = new ArrayList<>();
    key.add(new Ident(page.parsed()));
    key.add(images);
    key.add(page.url());
    if (page.parsed().section()) key.add(lists);
    for (var t : translations.entrySet()) {
      key.add(t.getKey());
      key.add(t.getValue().url());
      key.add(t.getValue().title());
      // The explainer pieces a translation declares show on this page too.
      if (t.getValue() != page && !t.getValue().frontMatter().explainers().isEmpty()) {
        key.add(new Ident(t.getValue().parsed()));
      }
    }
    key.add(page.references());
    for (String id : page.references()) key.add(site.sources().get(id));
    for (String id : page.factsUsed()) key.add(facts.apply(id));
    for (String id : page.ownFactsToBox()) key.add(facts.apply(id));
    for (String id : page.ownClaimsToBox()) key.add(site.claims().get(id));
    for (String id : page.claimsUsed()) {
      key.add(site.claims().get(id));
      key.add(site.claimHome(id));
    }
    return key;
  }

  /** What a page showing a fact depends on: the fact, its home, and the articles citing it. */
  static Object fact(ResolvedSite site, String id) {
    return List.of(
        java.util.Objects.requireNonNullElse((Object) site.facts().get(id), "none"),
        java.util.Objects.requireNonNullElse((Object) site.factHome(id), "none"),
        users(site.factUsers().get(id)));
  }

  static Object lists(ResolvedSite site) {
    List<Object> key = new ArrayList<>(site.pages().size());
    for (ResolvedPage p : site.pages()) {
      var fm = p.frontMatter();
      key.add(
          new Summary(
              p.url(),
              fm.title(),
              fm.summary(),
              fm.date(),
              fm.updated(),
              fm.tags(),
              fm.authors(),
              fm.corrections()));
    }
    return key;
  }

  static Object declarations(ResolvedSite site) {
    List<Object> key = new ArrayList<>();
    key.add(new ArrayList<>(site.facts().values()));
    key.add(new ArrayList<>(site.sources().values()));
    key.add(new ArrayList<>(site.claims().values()));
    key.add(site.homes());
    key.add(usersById(site.factUsers()));
    key.add(usersById(site.sourceUsers()));
    key.add(usersById(site.claimUsers()));
    key.add(site.sharedFacts());
    for (ResolvedPage p : site.pages()) {
      if (!p.frontMatter().images().isEmpty()) {
        key.add(p.url());
        key.add(p.title());
        key.add(p.frontMatter().images());
      }
    }
    return key;
  }

  private static Map<String, List<String>> usersById(Map<String, List<ResolvedPage>> users) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (var e : users.entrySet()) out.put(e.getKey(), users(e.getValue()));
    return out;
  }

  /** The articles using something, as address and title (what "also cited in" shows). */
  private static List<String> users(List<ResolvedPage> pages) {
    if (pages == null) return List.of();
    List<String> out = new ArrayList<>(pages.size() * 2);
    for (ResolvedPage p : pages) {
      out.add(p.url());
      out.add(p.title());
    }
    return out;
  }
}
