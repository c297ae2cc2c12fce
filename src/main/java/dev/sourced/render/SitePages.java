package dev.sourced.render;

import dev.sourced.facts.ValueFormatter;
import dev.sourced.images.ImageNames;
import dev.sourced.model.Claim;
import dev.sourced.model.Correction;
import dev.sourced.model.Fact;
import dev.sourced.model.ImageCredit;
import dev.sourced.model.Source;
import dev.sourced.model.Verdict;
import dev.sourced.resolve.Home;
import dev.sourced.resolve.ResolvedPage;
import dev.sourced.resolve.ResolvedSite;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Template models of the pages the build makes itself: the home page, tags, the index of facts and
 * claims (home of the shared facts' boxes), the source pages, the methodology page and the
 * corrections page. Each method returns the model; {@link SiteRenderer} picks the template.
 */
final class SitePages {
  private final ResolvedSite site;
  private final Models models;
  private final ValueFormatter fmt;
  private final ArticlePages articles;

  /** For each source, the facts and claims that name it, in declaration order. */
  private final Map<String, List<Fact>> factsBySource = new HashMap<>();

  private final Map<String, List<Claim>> claimsBySource = new HashMap<>();

  /** For each source, the images that come from it, as the template lists them. */
  private final Map<String, List<Map<String, Object>>> imagesBySource = new HashMap<>();

  /**
   * Every fact, claim and source, in declaration order: the rows of the indexes cut into pages,
   * listed once for all their pages (hundreds at 10,000 articles), not once per page.
   */
  private final List<Fact> allFacts;

  private final List<Claim> allClaims;
  private final List<Source> allSources;

  SitePages(ResolvedSite site, Models models, ValueFormatter fmt, ArticlePages articles) {
    this.site = site;
    this.models = models;
    this.fmt = fmt;
    this.articles = articles;
    this.allFacts = List.copyOf(site.facts().values());
    this.allClaims = List.copyOf(site.claims().values());
    this.allSources = List.copyOf(site.sources().values());
    for (Fact f : site.facts().values()) {
      for (String s : f.sourceIds())
        factsBySource.computeIfAbsent(s, k -> new ArrayList<>()).add(f);
    }
    for (Claim c : site.claims().values()) {
      for (String s : c.sources()) claimsBySource.computeIfAbsent(s, k -> new ArrayList<>()).add(c);
    }
    for (ResolvedPage p : site.pages()) {
      for (ImageCredit img : p.frontMatter().images()) {
        if (img.sourceId() == null) continue;
        Map<String, Object> im = new LinkedHashMap<>();
        im.put("name", img.name());
        im.put("url", site.config().url(p.url() + ImageNames.href(img.name())));
        im.put("credit", img.credit() == null ? "" : img.credit());
        Models.put(im, "licence", img.licence());
        im.put("article", models.link(p.title(), site.config().url(p.url())));
        imagesBySource.computeIfAbsent(img.sourceId(), k -> new ArrayList<>()).add(im);
      }
    }
  }

  /** Every fact, in declaration order (the first rows of the index of facts). */
  List<Fact> factList() {
    return allFacts;
  }

  /** Every claim, in declaration order (the rows after the facts). */
  List<Claim> claimList() {
    return allClaims;
  }

  /** One page of the home page's list of articles, newest first. */
  Map<String, Object> home(Pager pager) {
    List<ResolvedPage> all = site.articles();
    Map<String, Object> m =
        models.paged("home", site.config().title(), site.config().description(), pager, all.size());
    m.put("articles", summaries(pager.slice(all)));
    return m;
  }

  /** Tags grouped by address, so "Policing" and "policing" are one tag. */
  Map<String, List<ResolvedPage>> tagGroups() {
    Map<String, Set<ResolvedPage>> bySlug = new TreeMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (var e : site.tags().entrySet()) {
      String url = Models.tagUrl(e.getKey());
      names.putIfAbsent(url, e.getKey());
      bySlug
          .computeIfAbsent(url, k -> Collections.newSetFromMap(new IdentityHashMap<>()))
          .addAll(e.getValue());
    }
    // Each tag's pages in the site's order (newest first), by their place in the site's list:
    // one pass over the site, not one per tag.
    Map<ResolvedPage, Integer> place = new IdentityHashMap<>();
    for (ResolvedPage p : site.pages()) place.putIfAbsent(p, place.size());
    Map<String, List<ResolvedPage>> byName = new LinkedHashMap<>();
    for (var e : bySlug.entrySet()) {
      List<ResolvedPage> ordered = new ArrayList<>();
      for (ResolvedPage p : e.getValue()) if (place.containsKey(p)) ordered.add(p);
      ordered.sort(Comparator.comparingInt(place::get));
      byName.put(names.get(e.getKey()), ordered);
    }
    return byName;
  }

  /** One page of the index of tags, by name. */
  Map<String, Object> tags(Map<String, List<ResolvedPage>> groups, Pager pager) {
    Map<String, Object> m =
        models.paged("tags", models.text("tags.title"), null, pager, groups.size());
    List<Map<String, Object>> list = new ArrayList<>();
    for (var e : pager.slice(List.copyOf(groups.entrySet()))) {
      Map<String, Object> t =
          models.link(e.getKey(), site.config().languageUrl(Models.tagUrl(e.getKey())));
      t.put("name", e.getKey());
      t.put("count", e.getValue().size());
      list.add(t);
    }
    m.put("tags", list);
    return m;
  }

  /** One page of a tag's articles, newest first. */
  Map<String, Object> tag(String name, List<ResolvedPage> pages, Pager pager) {
    Map<String, Object> m =
        models.paged("tag", models.text("tag.title", "tag", name), null, pager, pages.size());
    Map<String, Object> t = models.link(name, site.config().languageUrl(Models.tagUrl(name)));
    t.put("name", name);
    m.put("tag", t);
    m.put("articles", summaries(pager.slice(pages)));
    return m;
  }

  /**
   * One page of the index of facts and claims. Its rows are every fact, then every claim, cut into
   * pages in that order; the boxes of the shared facts and claims (declared in data files) and
   * their references are on the first page, which is their home ({@code /facts/#fact-ID}), so every
   * link to them lands where they are.
   */
  Map<String, Object> facts(Pager pager) {
    int total = allFacts.size() + allClaims.size();
    List<Integer> rows = pager.slice(new Range(total));
    int from = rows.isEmpty() ? total : rows.get(0), to = from + rows.size();
    int facts = allFacts.size();
    return facts(
        pager,
        allFacts.subList(Math.min(from, facts), Math.min(to, facts)),
        allClaims.subList(Math.max(0, from - facts), Math.max(0, to - facts)),
        total);
  }

  /**
   * The page of the index of facts and claims that shows these rows, of {@code total}: what {@link
   * #facts(Pager)} shows of them, for a site that holds only the articles those rows need (their
   * homes and the articles citing them, see {@link FactsPageReads}).
   */
  Map<String, Object> facts(Pager pager, List<Fact> pageFacts, List<Claim> pageClaims, int total) {
    Map<String, Object> m =
        models.paged(
            "facts", models.text("facts.title"), models.text("facts.description"), pager, total);
    // This page's facts: made one at a time as the template lists them.
    m.put(
        "facts",
        LazyList.of(
            pageFacts,
            f -> {
              Map<String, Object> fm = new LinkedHashMap<>();
              fm.put("id", f.id());
              fm.put("label", TranslatedText.of(f.texts(), "label", f.label(), fmt.messages()));
              fm.put("value", fmt.withUnitAndCaveat(f, f.usedInText()));
              fm.put("status", models.text("fact.status." + f.status().key()));
              fm.put("disputed", f.isDisputed());
              Home home = site.factHome(f.id());
              fm.put(
                  "href",
                  (home.article() ? site.config().url(home.url()) : "") + "#fact-" + f.id());
              fm.put("home", models.link(homeTitle(home), site.config().url(home.url())));
              fm.put("usedIn", links(site.factUsers().getOrDefault(f.id(), List.of())));
              return fm;
            }));
    m.put(
        "claims",
        LazyList.of(
            pageClaims,
            c -> {
              Map<String, Object> cm = new LinkedHashMap<>();
              cm.put("id", c.id());
              cm.put("claim", TranslatedText.of(c.texts(), "claim", c.claim(), fmt.messages()));
              cm.put(
                  "claimant",
                  TranslatedText.of(c.texts(), "claimant", c.claimant(), fmt.messages()));
              cm.put("verdict", c.verdict().key());
              cm.put("verdictLabel", models.text(c.verdict().messageKey()));
              Home home = site.claimHome(c.id());
              cm.put("href", site.config().url(home.url()) + "#claim-" + c.id());
              cm.put("home", models.link(homeTitle(home), site.config().url(home.url())));
              cm.put("usedIn", links(site.claimUsers().getOrDefault(c.id(), List.of())));
              return cm;
            }));
    if (pager.number() > 1) {
      m.put("sharedBoxes", ArticlePages.markup(""));
      m.put("references", List.of());
      return m;
    }
    Set<String> refs = new LinkedHashSet<>();
    for (String id : site.sharedFacts()) refs.addAll(site.facts().get(id).sourceIds());
    for (String id : site.sharedClaims()) refs.addAll(site.claims().get(id).sources());
    List<String> references = List.copyOf(refs);
    PageContext ctx =
        new PageContext(site, "facts/", references, Set.copyOf(site.sharedFacts()), fmt);
    m.put(
        "sharedBoxes",
        ArticlePages.markup(articles.renderBoxes(site.sharedFacts(), site.sharedClaims(), ctx)));
    m.put("references", models.references(references));
    return m;
  }

  /** One page of the index of sources. */
  Map<String, Object> sources(Pager pager) {
    List<Source> all = allSources;
    Map<String, Object> m =
        models.paged(
            "sources",
            models.text("sources.title"),
            models.text("sources.description"),
            pager,
            all.size());
    m.put(
        "sources",
        LazyList.of(
            pager.slice(all),
            s -> {
              Map<String, Object> sm = models.source(s, 0);
              sm.put("articleCount", site.sourceUsers().getOrDefault(s.id(), List.of()).size());
              sm.put("imageCount", imagesBySource.getOrDefault(s.id(), List.of()).size());
              return sm;
            }));
    return m;
  }

  Map<String, Object> source(Source s) {
    // An untitled source's page is named by its publisher and date, never by a made-up title.
    String name =
        s.isUntitled()
            ? s.publisher() + (s.date() == null ? "" : ", " + fmt.date(s.date()))
            : s.title();
    Map<String, Object> m = models.base("source", name, null, "sources/" + s.id() + "/");
    m.put("source", models.source(s, 0));
    List<Map<String, Object>> facts = new ArrayList<>();
    for (Fact f : factsBySource.getOrDefault(s.id(), List.of())) {
      Home home = site.factHome(f.id());
      Map<String, Object> fm =
          models.link(f.label(), site.config().url(home.url()) + "#fact-" + f.id());
      fm.put("shown", TranslatedText.of(f.texts(), "label", f.label(), fmt.messages()));
      fm.put("values", models.valuesFrom(f, s.id()));
      facts.add(fm);
    }
    m.put("facts", facts);
    List<Map<String, Object>> claims = new ArrayList<>();
    for (Claim c : claimsBySource.getOrDefault(s.id(), List.of())) {
      Home home = site.claimHome(c.id());
      Map<String, Object> cm =
          models.link(c.claim(), site.config().url(home.url()) + "#claim-" + c.id());
      cm.put("shown", TranslatedText.of(c.texts(), "claim", c.claim(), fmt.messages()));
      cm.put("verdict", c.verdict().key());
      cm.put("verdictLabel", models.text(c.verdict().messageKey()));
      claims.add(cm);
    }
    m.put("claims", claims);
    m.put("articles", links(site.sourceUsers().getOrDefault(s.id(), List.of())));
    m.put("images", imagesBySource.getOrDefault(s.id(), List.of()));
    return m;
  }

  /**
   * What a source's page shows (its {@link Fingerprints fingerprint}): the source, the facts and
   * claims that cite it with their homes, the articles that use it and the images it is behind.
   * Everything {@link #source} reads, so an edit elsewhere leaves the page as it is.
   */
  Object sourceFingerprint(Source s) {
    List<Object> key = new ArrayList<>();
    key.add(s);
    for (Fact f : factsBySource.getOrDefault(s.id(), List.of())) {
      key.add(f);
      key.add(site.factHome(f.id()));
    }
    for (Claim c : claimsBySource.getOrDefault(s.id(), List.of())) {
      key.add(c);
      key.add(site.claimHome(c.id()));
    }
    for (ResolvedPage p : site.sourceUsers().getOrDefault(s.id(), List.of())) {
      key.add(p.url());
      key.add(p.title());
    }
    key.add(imagesBySource.getOrDefault(s.id(), List.of()));
    return key;
  }

  Map<String, Object> methodology() {
    Map<String, Object> m =
        models.base(
            "methodology",
            models.text("methodology.title"),
            models.text("methodology.description"),
            "methodology/");
    List<Map<String, Object>> verdicts = new ArrayList<>();
    for (Verdict v : Verdict.values()) {
      Map<String, Object> vm = new LinkedHashMap<>();
      vm.put("key", v.key());
      vm.put("label", models.text(v.messageKey()));
      vm.put("rating", v.rating());
      vm.put("best", Verdict.BEST);
      vm.put("meaning", models.text(v.messageKey() + ".meaning"));
      verdicts.add(vm);
    }
    m.put("verdicts", verdicts);
    return m;
  }

  /** Every correction of every article, newest first. */
  List<Map<String, Object>> correctionList() {
    List<Map<String, Object>> list = new ArrayList<>();
    for (ResolvedPage p : site.pages()) {
      List<Correction> all = p.frontMatter().corrections();
      for (int i = 0; i < all.size(); i++) {
        Correction c = all.get(i).in(site.config().language(), site.config().defaultLanguage());
        Map<String, Object> cm = new LinkedHashMap<>();
        // Counted from the oldest, so adding a newer correction never renumbers older ones.
        cm.put(
            "feedId",
            site.config().permalink(p.url())
                + "#correction-"
                + c.date()
                + "-"
                + (all.size() - 1 - i));
        models.putDate(cm, "date", c.date());
        cm.put("text", c.text());
        if (c.texts().fallback("text") != null) cm.put("textLang", c.texts().fallback("text"));
        cm.put("article", models.link(p.title(), site.config().url(p.url())));
        cm.put("articlePermalink", site.config().permalink(p.url()));
        list.add(cm);
      }
    }
    list.sort((a, b) -> ((String) b.get("date")).compareTo((String) a.get("date")));
    return list;
  }

  /** One page of every correction of this language's articles, newest first. */
  Map<String, Object> corrections(Pager pager) {
    List<Map<String, Object>> all = correctionList();
    Map<String, Object> m =
        models.paged(
            "corrections",
            models.text("corrections.title"),
            models.text("corrections.description"),
            pager,
            all.size());
    m.put("corrections", pager.slice(all));
    m.put("correctionsFeedUrl", site.config().languageUrl("corrections.xml"));
    return m;
  }

  /**
   * The 404 page of this language; {@code others}, the site's other languages with their own words,
   * follow it (see {@code docs/templates.md}).
   */
  Map<String, Object> notFound(List<Map<String, Object>> others) {
    Map<String, Object> m = models.base("404", models.text("not_found.title"), null, "404.html");
    m.put("otherLanguages", others);
    return m;
  }

  /** The numbers 0 to size - 1, for cutting two lists into pages as one. */
  private static final class Range extends java.util.AbstractList<Integer>
      implements java.util.RandomAccess {
    private final int size;

    Range(int size) {
      this.size = size;
    }

    @Override
    public Integer get(int i) {
      return i;
    }

    @Override
    public int size() {
      return size;
    }
  }

  /** Article summaries, made one at a time as the template lists them. */
  private List<Object> summaries(List<ResolvedPage> pages) {
    return LazyList.of(pages, models::summary);
  }

  private List<Map<String, Object>> links(List<ResolvedPage> pages) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (ResolvedPage p : pages) out.add(models.link(p.title(), site.config().url(p.url())));
    return out;
  }

  /** A home's title: the article's, or the facts page's in this language. */
  private String homeTitle(Home home) {
    return home.article() ? home.title() : models.text("facts.title");
  }
}
