package dev.sourced.resolve;

import dev.sourced.concurrent.Workers;
import dev.sourced.config.SiteConfig;
import dev.sourced.diag.Code;
import dev.sourced.diag.Diagnostic;
import dev.sourced.diag.Diagnostics;
import dev.sourced.diag.SourcePosition;
import dev.sourced.diag.Suggestions;
import dev.sourced.load.StaticFile;
import dev.sourced.model.Claim;
import dev.sourced.model.DeclarationKey;
import dev.sourced.model.Explainer;
import dev.sourced.model.Fact;
import dev.sourced.model.FactValue;
import dev.sourced.model.Source;
import dev.sourced.parse.BodyUse;
import dev.sourced.parse.ParsedData;
import dev.sourced.parse.ParsedPage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The resolve stage: gathers every page's and data file's sources, facts and claims into one
 * site-wide index of global IDs, gives each its home, numbers each page's references, finds who
 * uses what (the "also cited in" backlinks), and checks it all: unknown IDs (with the nearest known
 * one), IDs declared twice, boxes outside their own paragraph, two pages at one address, and the
 * warnings for unused, stale and unsourced declarations.
 *
 * <p>Algorithm: one pass registers declarations (data files, then articles, each sorted by path, so
 * "declared twice" always names the same two places); one walk per body collects uses in document
 * order; the rest is bookkeeping over those lists.
 */
public final class ReferenceResolver {
  /** The note given when the warnings about unused declarations wait for errors to be fixed. */
  public static final String UNUSED_WAIT =
      "unused sources, facts and claims are checked once the errors above are fixed";

  public static final String SHARED_HOME_URL = "facts/";
  public static final String SHARED_HOME_TITLE = "Facts and claims";

  private final SiteConfig config;
  private final Diagnostics diagnostics;
  private final LocalDate today;
  private final Map<String, Source> sources = new LinkedHashMap<>();
  private final Map<String, Fact> facts = new LinkedHashMap<>();
  private final Map<String, Claim> claims = new LinkedHashMap<>();
  private final Map<DeclarationKey, Home> homes = new HashMap<>();
  private final Map<DeclarationKey, SourcePosition> declared = new HashMap<>();

  /** The ID as first written, by the key it is declared under. */
  private final Map<DeclarationKey, String> declaredIds = new HashMap<>();

  /** Sources cited with [@ID] in any body, or named by any fact or claim. */
  private final Set<String> citedSources = new HashSet<>();

  /** Declarations reported invalid while parsing: their uses are not errors too. */
  private final Set<DeclarationKey> rejected = new HashSet<>();

  /** Whether an article could not be read: what it declares is unknown, so nothing looks unused. */
  private boolean partial;

  /** Whether an unknown ID's hint suggests a near known one (see {@link #resolvePart}). */
  private boolean suggest = true;

  private String hint(String id, java.util.Collection<String> known, String otherwise) {
    return suggest ? Suggestions.hint(id, known, otherwise) : otherwise;
  }

  /** Facts named in a misplaced box: reported there, so not also "never used". */
  private final Set<String> mentionedFacts = new HashSet<>();

  /** Claims shown by a {{claim:ID}} box somewhere. */
  private final Set<String> usedClaims = new HashSet<>();

  /** Each translation group's pages (see {@link #group}). */
  private final Map<String, List<ParsedPage>> translations = new HashMap<>();

  private final ExplainerResolver explainers;

  private ReferenceResolver(SiteConfig config, Diagnostics diagnostics, LocalDate today) {
    this.config = config;
    this.diagnostics = diagnostics;
    this.today = today;
    this.explainers = new ExplainerResolver(sources, facts, rejected, diagnostics);
  }

  /**
   * @param today the date stale facts are measured from (warnings only; output never depends on it)
   * @param partial whether some articles could not be parsed (reported already): then what they
   *     would have used looks unused, so no "unused" warnings are given
   */
  public static ResolvedSite resolve(
      SiteConfig config,
      List<ParsedData> data,
      List<ParsedPage> parsed,
      Diagnostics diagnostics,
      LocalDate today,
      boolean partial) {
    return resolve(config, data, parsed, List.of(), diagnostics, today, partial);
  }

  /**
   * Resolves a site made of some of a site's articles only (the small site of a quick build, see
   * the pipeline's ProseBuild): what it says of the references to the articles it lacks is noise to
   * its caller, so no near ID is looked for among the known ones to suggest for an unknown one (at
   * thousands of IDs, most of such a resolve's time).
   */
  public static ResolvedSite resolvePart(
      SiteConfig config,
      List<ParsedData> data,
      List<ParsedPage> parsed,
      Diagnostics diagnostics,
      LocalDate today) {
    ReferenceResolver r = new ReferenceResolver(config, diagnostics, today);
    r.suggest = false;
    return r.run(data, parsed, List.of());
  }

  /**
   * @param statics the files of static/, copied to the site's root (checked against the pages)
   */
  public static ResolvedSite resolve(
      SiteConfig config,
      List<ParsedData> data,
      List<ParsedPage> parsed,
      List<StaticFile> statics,
      Diagnostics diagnostics,
      LocalDate today,
      boolean partial) {
    ReferenceResolver r = new ReferenceResolver(config, diagnostics, today);
    r.partial = partial;
    return r.run(data, parsed, statics);
  }

  private ResolvedSite run(
      List<ParsedData> data, List<ParsedPage> parsed, List<StaticFile> statics) {
    UnknownKeys.report(parsed, diagnostics);
    List<String> sharedFacts = new ArrayList<>();
    List<String> sharedClaims = new ArrayList<>();
    Home shared = new Home(SHARED_HOME_URL, SHARED_HOME_TITLE, false);
    for (ParsedData d : data) {
      rejected.addAll(d.rejected());
      register(d.sources(), d.facts(), d.claims(), shared);
      d.facts().forEach(f -> sharedFacts.add(f.id()));
      d.claims().forEach(c -> sharedClaims.add(c.id()));
    }
    List<ParsedPage> published = new ArrayList<>();
    for (ParsedPage page : parsed) {
      if (page.frontMatter().draft()) continue;
      // The home page's own text (content/_index.md) without a title takes the site's.
      ParsedPage p = page.frontMatter().title() == null ? page.withTitle(config.title()) : page;
      published.add(p);
      rejected.addAll(p.rejected());
      var fm = p.frontMatter();
      register(fm.sources(), fm.facts(), fm.claims(), new Home(p.url(), fm.title(), true));
    }
    checkAddresses(published, statics);
    checkDeclaredSources();
    for (ParsedPage p : published) {
      for (var img : p.frontMatter().images()) {
        if (img.sourceId() != null) {
          checkSource(img.sourceId(), img.sourceAt(), "image \"" + img.name() + "\"");
          citedSources.add(img.sourceId());
        }
      }
    }
    // Articles newest first, then pages (no date), ties by address: the order of every list and
    // of "also cited in".
    published.sort(
        Comparator.comparing(
                (ParsedPage p) -> p.frontMatter().date(),
                Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(ParsedPage::slug));
    Map<String, String> claimBoxedAt = claimHomes(published);
    for (ParsedPage p : published) {
      translations.computeIfAbsent(groupOf(p), k -> new ArrayList<>()).add(p);
    }

    List<ResolvedPage> pages = new ArrayList<>();
    for (ParsedPage p : published) pages.add(resolvePage(p, claimBoxedAt));

    Map<String, List<ResolvedPage>> factUsers = new LinkedHashMap<>();
    Map<String, List<ResolvedPage>> sourceUsers = new LinkedHashMap<>();
    Map<String, List<ResolvedPage>> claimUsers = new LinkedHashMap<>();
    SortedMap<String, List<ResolvedPage>> tags = new TreeMap<>();
    for (ResolvedPage r : pages) {
      for (String f : r.factsUsed()) factUsers.computeIfAbsent(f, k -> new ArrayList<>()).add(r);
      for (String s : r.references()) sourceUsers.computeIfAbsent(s, k -> new ArrayList<>()).add(r);
      for (String c : r.claimsUsed()) claimUsers.computeIfAbsent(c, k -> new ArrayList<>()).add(r);
      for (String t : r.frontMatter().tags())
        tags.computeIfAbsent(t, k -> new ArrayList<>()).add(r);
    }
    warnStale();
    warnUnused(factUsers);
    ResolvedSite site =
        new ResolvedSite(
            config,
            List.copyOf(pages),
            sources,
            facts,
            claims,
            homes,
            factUsers,
            sourceUsers,
            claimUsers,
            tags,
            List.copyOf(sharedFacts),
            List.copyOf(sharedClaims),
            List.copyOf(statics));
    // The plan is the same for both checks: made once (it lists every output of the site).
    OutputPlan plan = OutputPlan.of(site);
    checkPlanned(site, plan);
    checkLinks(site, plan);
    return site;
  }

  /**
   * Where each claim's box is, so every link to a claim lands on it: the article that declares it
   * if that article shows it, else the first article (newest first) that shows it; a claim no
   * article shows gets its box at the end of the article that declares it.
   *
   * @return for each claim declared in an article, the address of the article that boxes it
   */
  private Map<String, String> claimHomes(List<ParsedPage> pages) {
    Map<String, String> boxedAt = new HashMap<>();
    for (ParsedPage p : pages) {
      for (BodyUse u : p.uses()) {
        if (u.kind() != BodyUse.Kind.CLAIM || !claims.containsKey(u.id())) continue;
        Home home = homes.get(DeclarationKey.claim(u.id()));
        if (!home.article()) continue;
        String current = boxedAt.get(u.id());
        if (current == null || (home.url().equals(p.url()) && !current.equals(p.url()))) {
          boxedAt.put(u.id(), p.url());
        }
      }
    }
    // The first page at each address, looked up per claim (a search of every page per claim made
    // a site with many claims quadratic).
    Map<String, ParsedPage> firstAt = new HashMap<>();
    for (ParsedPage p : pages) firstAt.putIfAbsent(p.url(), p);
    for (ParsedPage p : pages) {
      for (var c : p.frontMatter().claims()) {
        if (claims.get(c.id()) != c) continue;
        String at = boxedAt.computeIfAbsent(c.id(), k -> p.url());
        ParsedPage boxer = firstAt.getOrDefault(at, p);
        homes.put(DeclarationKey.claim(c.id()), new Home(at, boxer.frontMatter().title(), true));
      }
    }
    return boxedAt;
  }

  /**
   * Links in bodies must lead to a page or file of the output plan (and an anchor it has). Each
   * page's anchors and then its links are worked out on all cores (the checker is only read once
   * every page's anchors are in); the warnings are added in page order, as one thread gives them.
   */
  private void checkLinks(ResolvedSite site, OutputPlan plan) {
    LinkChecker links = new LinkChecker(config, plan, PageFiles.of(site));
    List<ResolvedPage> pages = site.pages();
    List<Set<String>> anchors = Workers.map(pages.size(), i -> LinkChecker.anchors(pages.get(i)));
    for (int i = 0; i < pages.size(); i++) links.addPage(pages.get(i), anchors.get(i));
    List<List<Diagnostic>> found =
        Workers.map(
            pages.size(),
            i -> {
              Diagnostics d = new Diagnostics();
              links.check(pages.get(i), d);
              return d.list();
            });
    for (List<Diagnostic> d : found) diagnostics.addAll(d);
  }

  private void register(List<Source> ss, List<Fact> fs, List<Claim> cs, Home home) {
    for (Source s : ss) {
      if (firstDeclaration(DeclarationKey.source(s.id()), s.declaredAt())) {
        sources.put(s.id(), s);
        if (config.requireArchive() && s.archive() == null) {
          diagnostics.warning(
              s.declaredAt(),
              Code.MISSING_ARCHIVE,
              "source \"" + s.id() + "\" has no archived copy (sourced.yaml has require_archive)",
              "add `archive:` with the address of a saved copy, e.g. from"
                  + " https://web.archive.org/save, and `archived:` with its date");
        }
      }
    }
    for (Fact f : fs) {
      if (firstDeclaration(DeclarationKey.fact(f.id()), f.declaredAt())) {
        facts.put(f.id(), f);
        homes.put(DeclarationKey.fact(f.id()), home);
      }
    }
    for (Claim c : cs) {
      if (firstDeclaration(DeclarationKey.claim(c.id()), c.declaredAt())) {
        claims.put(c.id(), c);
        homes.put(DeclarationKey.claim(c.id()), home);
      }
    }
  }

  private boolean firstDeclaration(DeclarationKey declaration, SourcePosition at) {
    DeclarationKey key = declaration.collisionKey();
    String id = declaration.id();
    SourcePosition first = declared.putIfAbsent(key, at);
    String firstId = declaredIds.putIfAbsent(key, id);
    if (first == null) return true;
    boolean sameCase = firstId.equals(id);
    if (!sameCase) rejected.add(declaration);
    diagnostics.error(
        at,
        Code.DUPLICATE_ID,
        declaration.kind().word()
            + " \""
            + id
            + "\" is declared twice: here and at "
            + first
            + (sameCase ? "" : " as \"" + firstId + "\" (IDs that differ only by case are one)"),
        "IDs are global to the site: rename one, or delete this one and use the other");
    return false;
  }

  /**
   * Two outputs at one address, also by case or Unicode normalisation (one file on macOS and
   * Windows): two pages, a page and a bundle's file, two files of bundles. Also a page at an
   * address the build writes itself.
   */
  private void checkAddresses(List<ParsedPage> pages, List<StaticFile> statics) {
    OutputPaths byKey = new OutputPaths();
    for (ParsedPage p : pages) {
      // A translation's address is under its language's folder: the fixed pages are there too.
      String prefix = config.prefix(p.language() == null ? config.defaultLanguage() : p.language());
      String own = p.slug().startsWith(prefix) ? p.slug().substring(prefix.length()) : p.slug();
      String first = own.split("/", 2)[0].toLowerCase(Locale.ROOT);
      SourcePosition at = p.slugAt();
      if (p.slug().isEmpty()) {
        // The home page's own text: it takes the place of the generated home page.
        byKey.claim("index.html", p.path());
        continue;
      }
      boolean languageFolder =
          prefix.isEmpty() && config.multilingual() && config.languages().contains(first);
      if (OutputKind.reservedSegments().contains(first) || languageFolder) {
        diagnostics.error(
            at,
            Code.RESERVED_SLUG,
            "the address /" + p.slug() + "/ is taken by a page the build writes itself",
            "set another `slug:` in the front-matter");
        continue;
      }
      String other = byKey.claim(p.slug() + "/index.html", p.path());
      if (other != null) {
        diagnostics.error(
            at,
            Code.DUPLICATE_ADDRESS,
            "this page and " + other + " would both be written to /" + p.slug() + "/",
            "give one of them another `slug:` or file name");
      }
    }
    for (ParsedPage p : pages) {
      String folder = p.path().substring(0, p.path().lastIndexOf('/') + 1);
      for (var f : p.bundleFiles()) {
        String output = p.url() + f.relativeName();
        String source = folder + f.relativeName();
        if (!config.rawHtml() && isActive(f.file())) {
          diagnostics.error(
              SourcePosition.file(source),
              Code.ACTIVE_FILE,
              "this file can run script in a reader's browser, and raw HTML is off",
              "publish it as an image or a link elsewhere, or set raw_html: true in sourced.yaml"
                  + " if you trust every author with the reader's browser");
        }
        String other = byKey.claim(output, source);
        if (other != null) {
          diagnostics.error(
              SourcePosition.file(source),
              Code.DUPLICATE_ADDRESS,
              "this file and " + other + " would both be written to /" + output,
              "rename one of them (names that differ only by case or accents are one file on"
                  + " some systems)");
        }
      }
    }
    Aliases.check(pages, byKey::claim, diagnostics);
    for (StaticFile f : statics) {
      String other = byKey.claim(f.path(), f.sourcePath());
      if (other != null) {
        diagnostics.error(
            SourcePosition.file(f.sourcePath()),
            Code.STATIC_CLASH,
            "this file and " + other + " would both be written to /" + f.path(),
            "rename or move the file in static/, or give the page another address");
      }
    }
  }

  /**
   * The files of static/ and the redirects against what the output plan says the build writes
   * itself (pages, bundles and each other were checked with the addresses): none may take the place
   * of a generated page or file.
   */
  private void checkPlanned(ResolvedSite site, OutputPlan plan) {
    Map<String, OutputPlan.Output> generated = new HashMap<>();
    for (OutputPlan.Output o : plan.outputs()) {
      switch (o.kind()) {
        case ARTICLE, BUNDLE_FILE, STATIC_FILE, REDIRECT, ASSET -> {}
        default -> generated.put(o.path().toLowerCase(Locale.ROOT), o);
      }
    }
    for (StaticFile f : site.staticFiles()) {
      if (generated.containsKey(f.path().toLowerCase(Locale.ROOT))) {
        diagnostics.error(
            SourcePosition.file(f.sourcePath()),
            Code.STATIC_CLASH,
            "this file would take the place of /" + f.path() + ", which the build writes itself",
            "rename or move the file in static/");
      }
    }
  }

  private static final Pattern ACTIVE_NAME =
      Pattern.compile(".*\\.(html?|xhtml|xht|js|mjs|xml|xsl)$");

  private static final Pattern SCRIPTED =
      Pattern.compile("(?i)<script|javascript:|\\son[a-z]+\\s*=|<foreignobject");

  /**
   * A bundle file a browser would run script from: an HTML or script file, or an SVG image that
   * carries script, event handlers or embedded HTML. (Images and other files are inert.)
   */
  static boolean isActive(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (ACTIVE_NAME.matcher(name).matches()) return true;
    if (!name.endsWith(".svg") && !name.endsWith(".svgz")) return false;
    try {
      if (Files.size(file) > (8 << 20)) return true;
      String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      return name.endsWith(".svgz") || SCRIPTED.matcher(text).find();
    } catch (IOException e) {
      return true;
    }
  }

  /**
   * Output paths claimed so far, compared in the form under which two paths are the same file
   * somewhere (case and Unicode normalisation folded). A file also clashes with a folder of the
   * same name (a page at b/pic.png/ against a bundle's b/pic.png).
   */
  static final class OutputPaths {
    private final Map<String, String> files = new HashMap<>();
    private final Map<String, String> folders = new HashMap<>();

    /** Claims a path for an owner; returns the owner it clashes with, or null. */
    String claim(String path, String owner) {
      String key = Normalizer.normalize(path, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
      String clash = files.get(key);
      if (clash == null) clash = folders.get(key);
      for (int i = key.indexOf('/'); clash == null && i >= 0; i = key.indexOf('/', i + 1)) {
        clash = files.get(key.substring(0, i));
      }
      if (clash != null) return clash;
      files.put(key, owner);
      for (int i = key.indexOf('/'); i >= 0; i = key.indexOf('/', i + 1)) {
        folders.putIfAbsent(key.substring(0, i), owner);
      }
      return null;
    }
  }

  /** Every source a fact or claim names must exist. */
  private void checkDeclaredSources() {
    for (Fact f : facts.values()) {
      for (FactValue v : f.values()) {
        for (String s : v.sources()) checkSource(s, v.declaredAt(), "fact \"" + f.id() + "\"");
      }
    }
    for (Claim c : claims.values()) {
      for (String s : c.sources()) checkSource(s, c.declaredAt(), "claim \"" + c.id() + "\"");
    }
  }

  private void checkSource(String id, SourcePosition at, String user) {
    if (sources.containsKey(id) || rejected.contains(DeclarationKey.source(id))) return;
    diagnostics.error(
        at,
        Code.UNKNOWN_SOURCE,
        user + " names unknown source \"" + id + "\"",
        hint(
            id,
            sources.keySet(),
            "declare it under `sources:` in an article or in content/_data/"));
  }

  /** What a page and its translations share; a page parsed without languages is its own group. */
  private static String groupOf(ParsedPage p) {
    return p.translationKey() == null ? p.path() : p.translationKey();
  }

  /**
   * A page and its translations, the page first: a translation shows the boxes and references of
   * what its translations declare, as the declaring page does, so the fact that a Dutch article
   * declares is boxed in its English translation too.
   */
  private List<ParsedPage> group(ParsedPage p) {
    List<ParsedPage> out = new ArrayList<>();
    out.add(p);
    for (ParsedPage q : translations.getOrDefault(groupOf(p), List.of())) if (q != p) out.add(q);
    return out;
  }

  /**
   * An article's uses, boxes and reference list. References are numbered by the first {@code
   * [@...]} citation of each source in the text; the sources that only a fact or a claim on the
   * page relies on follow, in order of first use, then the article's own declared sources that
   * nothing on it cites. So the first citation of an article reads [1], never [3, 1, 2].
   */
  private ResolvedPage resolvePage(ParsedPage p, Map<String, String> claimBoxedAt) {
    LinkedHashSet<String> refs = new LinkedHashSet<>();
    LinkedHashSet<String> used = new LinkedHashSet<>();
    List<ParsedPage> group = group(p);
    for (BodyUse u : p.uses()) {
      if (u.kind() == BodyUse.Kind.CITATION && sources.containsKey(u.id())) refs.add(u.id());
      // Explainer pieces show citation numbers where they stand, as [@...] does.
      if (u.kind() == BodyUse.Kind.EXPLAINER) explainers.use(group, u, refs, used, citedSources);
    }
    LinkedHashSet<String> boxed = new LinkedHashSet<>();
    LinkedHashSet<String> claimsUsed = new LinkedHashSet<>();
    for (BodyUse u : p.uses()) {
      switch (u.kind()) {
        case FACT, FACTBOX -> {
          Fact f = facts.get(u.id());
          if (f == null) {
            unknown(DeclarationKey.fact(u.id()), u.at(), facts.keySet());
            continue;
          }
          used.add(f.id());
          if (u.kind() == BodyUse.Kind.FACTBOX) boxed.add(f.id());
          refs.addAll(f.sourceIds());
        }
        case CLAIM -> {
          Claim c = claims.get(u.id());
          if (c == null) {
            unknown(DeclarationKey.claim(u.id()), u.at(), claims.keySet());
            continue;
          }
          claimsUsed.add(c.id());
          usedClaims.add(c.id());
          refs.addAll(c.sources());
        }
        case CITATION -> {
          if (!sources.containsKey(u.id())) {
            unknown(DeclarationKey.source(u.id()), u.at(), sources.keySet());
            continue;
          }
          refs.add(u.id());
          citedSources.add(u.id());
        }
        case DIRECTIVE -> directive(u);
        case EXPLAINER -> {} // counted with the citations above
      }
    }
    explainers.check(p, group);
    List<String> ownToBox = new ArrayList<>();
    Set<String> groupUrls = new HashSet<>();
    for (ParsedPage q : group) groupUrls.add(q.url());
    for (ParsedPage q : group) {
      for (Fact f : q.frontMatter().facts()) {
        if (facts.get(f.id()) != f) continue;
        if (!boxed.contains(f.id())) ownToBox.add(f.id());
        refs.addAll(f.sourceIds());
      }
    }
    List<String> ownClaimsToBox = new ArrayList<>();
    for (ParsedPage q : group) {
      for (var c : q.frontMatter().claims()) {
        if (claims.get(c.id()) != c || claimsUsed.contains(c.id())) continue;
        if (groupUrls.contains(claimBoxedAt.get(c.id()))) {
          ownClaimsToBox.add(c.id());
          refs.addAll(c.sources());
        }
      }
    }
    for (ParsedPage q : group) {
      for (Source s : q.frontMatter().sources()) {
        if (sources.get(s.id()) == s) refs.add(s.id());
      }
    }
    refs.retainAll(sources.keySet());
    if (refs.isEmpty() && p.isArticle()) {
      diagnostics.warning(
          new SourcePosition(p.path(), 1, 1),
          Code.NO_SOURCES,
          "this article cites no sources at all",
          "declare `sources:` and cite them with [@ID], or use facts that have sources");
    }
    return new ResolvedPage(
        p,
        p.url(),
        List.copyOf(refs),
        List.copyOf(used),
        Set.copyOf(boxed),
        List.copyOf(claimsUsed),
        List.copyOf(ownToBox),
        List.copyOf(ownClaimsToBox));
  }

  private void directive(BodyUse u) {
    String kind = u.directiveKind();
    if (kind.equals("factbox")) mentionedFacts.add(u.id());
    if (kind.equals("factbox")
        || kind.equals("claim")
        || Explainer.Kind.fromDirective(kind) != null) {
      diagnostics.error(
          u.at(),
          Code.BOX_NOT_ALONE,
          "{{" + kind + ":" + u.id() + "}} must stand alone in its own paragraph",
          kind.equals("factbox")
              ? "put blank lines before and after it, or use {{fact:"
                  + u.id()
                  + "}} inside a sentence"
              : "put blank lines before and after it");
      if (!kind.equals("factbox") && !kind.equals("claim")) return;
      if (kind.equals("factbox") && !facts.containsKey(u.id())) {
        unknown(DeclarationKey.fact(u.id()), u.at(), facts.keySet());
      } else if (kind.equals("claim") && !claims.containsKey(u.id())) {
        unknown(DeclarationKey.claim(u.id()), u.at(), claims.keySet());
      }
      return;
    }
    diagnostics.error(
        u.at(),
        Code.UNKNOWN_DIRECTIVE,
        "\"" + kind + "\" is not a kind of reference",
        Suggestions.hint(
            kind,
            List.of("fact", "factbox", "claim", "glance", "timeline", "compare", "unknowns"),
            "write {{fact:ID}}, {{factbox:ID}} or {{claim:ID}}; \\{{ writes literal braces"));
  }

  private void unknown(DeclarationKey use, SourcePosition at, Set<String> known) {
    if (rejected.contains(use)) return;
    String kind = use.kind().word();
    String id = use.id();
    diagnostics.error(
        at,
        use.kind().unknown(),
        "unknown " + kind + " \"" + id + "\"",
        hint(
            id,
            known,
            "declare it under `" + kind + "s:` in an article's front-matter or in content/_data/"));
  }

  /** Stale facts are checked whatever else is wrong: an error elsewhere never hides one. */
  private void warnStale() {
    if (config.staleAfterDays() <= 0) return;
    for (Fact f : facts.values()) {
      if (f.asOf() != null && f.asOf().end().plusDays(config.staleAfterDays()).isBefore(today)) {
        diagnostics.warning(
            f.declaredAt(),
            Code.STALE_FACT,
            "fact \""
                + f.id()
                + "\" is as of "
                + f.asOf()
                + ", older than stale_after ("
                + config.staleAfterDays()
                + " days)",
            "check for a newer figure and update `as_of`, or raise stale_after in sourced.yaml");
      }
    }
  }

  private void warnUnused(Map<String, List<ResolvedPage>> factUsers) {
    // With a declaration refused (or an article unreadable), what it would have used looks
    // unused: those warnings would be noise that goes away with the fix, so they wait, and one
    // note says so. Every other check has run.
    if (partial || !rejected.isEmpty()) {
      diagnostics.note(UNUSED_WAIT);
      return;
    }
    for (Fact f : facts.values()) citedSources.addAll(f.sourceIds());
    for (Claim c : claims.values()) citedSources.addAll(c.sources());
    for (Source s : sources.values()) {
      if (!citedSources.contains(s.id())) {
        diagnostics.warning(
            s.declaredAt(),
            Code.UNUSED_SOURCE,
            "source \"" + s.id() + "\" is declared but nothing cites it",
            "cite it with [@" + s.id() + "] or name it in a fact's `sources`, or remove it");
      }
    }
    for (Claim c : claims.values()) {
      if (!usedClaims.contains(c.id())) {
        diagnostics.warning(
            c.declaredAt(),
            Code.UNUSED_CLAIM,
            "claim \"" + c.id() + "\" is declared but no article shows it",
            "show it with {{claim:" + c.id() + "}} alone in a paragraph, or remove it");
      }
    }
    for (Fact f : facts.values()) {
      if (!factUsers.containsKey(f.id()) && !mentionedFacts.contains(f.id())) {
        diagnostics.warning(
            f.declaredAt(),
            Code.UNUSED_FACT,
            "fact \"" + f.id() + "\" is declared but no article uses it",
            "use it with {{fact:" + f.id() + "}} or {{factbox:" + f.id() + "}}, or remove it");
      }
    }
  }
}
