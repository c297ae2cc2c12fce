package dev.sourced.resolve;

import dev.sourced.config.ListSettings;
import dev.sourced.config.SiteConfig;
import dev.sourced.load.Addresses;
import dev.sourced.load.ArticleFile;
import dev.sourced.load.StaticFile;
import dev.sourced.model.Source;
import dev.sourced.parse.ParsedPage;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The output plan: every file a build of a resolved site writes, in a stable order, each with its
 * {@link OutputKind kind} and subject. It is worked out once from the resolved site and read by
 * everything that needs to know what the build writes: the link checker (so a link to {@code
 * /search/} or {@code /tags/policing/} is known to lead somewhere), the renderer (which renders
 * exactly these outputs) and the sitemap (the planned pages it lists). The theme's hashed assets
 * and the parts of each language's search index are the exceptions: their names depend on their
 * bytes, so the plan reserves the {@code assets/} and {@code search/} folders and the renderer
 * names the files in them (and checks {@code static/} against them).
 *
 * <p>Tags that differ only by case or accents share one page ("Policing" and "policing").
 */
public final class OutputPlan {
  /**
   * One planned file: its kind, subject (null for single files), path in the output, and the
   * language it is in (the default language for the site's single files); for a list cut into
   * pages, which page of how many it is (1 of 1 for every other file).
   */
  public record Output(
      OutputKind kind, String subject, String path, String language, int page, int pages) {
    public Output(OutputKind kind, String subject, String path, String language) {
      this(kind, subject, path, language, 1, 1);
    }

    /** The address a link reaches it by: {@code tags/} for {@code tags/index.html}. */
    public String address() {
      if (path.equals("index.html")) return "";
      return path.endsWith("/index.html") ? path.substring(0, path.length() - 10) : path;
    }
  }

  private final List<Output> outputs;
  private final int sitemapPerFile;

  private OutputPlan(List<Output> outputs, int sitemapPerFile) {
    this.outputs = List.copyOf(outputs);
    this.sitemapPerFile = sitemapPerFile;
  }

  /**
   * The plan of a resolved site: its articles, then for each language (the default first) the
   * build's own pages of that language under its folder, with the site's single files among the
   * default language's, then the bundles' files, the alias redirect pages (each in its page's
   * language) and the files of {@code static/} (one for the whole site).
   */
  public static OutputPlan of(ResolvedSite site) {
    // The resolver checks links against the plan and the renderer renders it, for the same site:
    // the second asks for the plan the first made (some 60 ms at 10,000 articles).
    Planned last = lastPlanned;
    if (last != null && last.site().get() == site) return last.plan();
    OutputPlan plan = plan(site);
    lastPlanned = new Planned(new WeakReference<>(site), plan);
    return plan;
  }

  /** The site last planned (held weakly: a plan never keeps a site alive) and its plan. */
  private record Planned(WeakReference<ResolvedSite> site, OutputPlan plan) {}

  private static volatile Planned lastPlanned;

  private static OutputPlan plan(ResolvedSite site) {
    SiteConfig config = site.config();
    List<Output> out = new ArrayList<>();
    Set<String> ownHome = new HashSet<>();
    for (ResolvedPage p : site.pages()) {
      String lang = language(p, config);
      if (p.url().isEmpty()) {
        // The home page's own text (content/_index.md) takes the generated home page's place.
        ownHome.add(lang);
        out.add(new Output(OutputKind.ARTICLE, "", OutputKind.HOME.path(null), lang));
      } else {
        out.add(output(OutputKind.ARTICLE, p.url().substring(0, p.url().length() - 1), "", lang));
      }
    }
    for (String lang : config.languages()) {
      String prefix = config.prefix(lang);
      Map<String, List<String>> tags = new LinkedHashMap<>();
      // Each tag page's articles in this language, once each ("Policing" and "policing" are one).
      Map<String, Set<ResolvedPage>> tagged = new HashMap<>();
      for (Map.Entry<String, List<ResolvedPage>> e : site.tags().entrySet()) {
        if (e.getValue().stream().noneMatch(p -> language(p, config).equals(lang))) continue;
        tags.computeIfAbsent(tagAddress(e.getKey()), k -> new ArrayList<>()).add(e.getKey());
        Set<ResolvedPage> set =
            tagged.computeIfAbsent(
                tagAddress(e.getKey()), k -> Collections.newSetFromMap(new IdentityHashMap<>()));
        for (ResolvedPage p : e.getValue()) if (language(p, config).equals(lang)) set.add(p);
      }
      ListSettings lists = config.lists();
      int articles = 0;
      for (ResolvedPage p : site.pages())
        if (p.parsed().isArticle() && language(p, config).equals(lang)) articles++;
      for (OutputKind k : OutputKind.values()) {
        if (!k.perLanguage() && !prefix.isEmpty()) continue;
        String at = k.perLanguage() ? prefix : "";
        switch (k) {
          case ARTICLE, ASSET, BUNDLE_FILE, REDIRECT, STATIC_FILE -> {}
          case HOME -> {
            if (!ownHome.contains(lang))
              paged(out, k, null, at, lang, articles, lists.articlesPerPage());
          }
          case TAG -> {
            for (Map.Entry<String, List<String>> e : tags.entrySet()) {
              int count = tagged.get(e.getKey()).size();
              paged(out, k, slug(e.getValue().get(0)), at, lang, count, lists.articlesPerPage());
            }
          }
          case TAGS -> paged(out, k, null, at, lang, tags.size(), lists.entriesPerPage());
          case FACTS -> {
            int rows = site.facts().size() + site.claims().size();
            paged(out, k, null, at, lang, rows, lists.entriesPerPage());
          }
          case SOURCES ->
              paged(out, k, null, at, lang, site.sources().size(), lists.entriesPerPage());
          case CORRECTIONS -> {
            int corrections = 0;
            for (ResolvedPage p : site.pages())
              if (language(p, config).equals(lang))
                corrections += p.frontMatter().corrections().size();
            paged(out, k, null, at, lang, corrections, lists.entriesPerPage());
          }
          case SITEMAP_PART -> {} // planned below, once every address is known
          case SOURCE -> {
            for (Source s : site.sources().values()) out.add(output(k, s.id(), at, lang));
          }
          case FAVICON -> {
            // A site's own static/favicon.ico is copied in its place.
            boolean own =
                site.staticFiles().stream().anyMatch(f -> f.path().equalsIgnoreCase(k.path(null)));
            if (!own) out.add(output(k, null, at, lang));
          }
          default -> out.add(output(k, null, at, lang));
        }
      }
    }
    int perFile = sitemapPerFile(out, config);
    int listed = 0;
    for (Output o : out) if (o.kind().inSitemap()) listed++;
    if (listed > perFile) {
      int parts = (listed + perFile - 1) / perFile;
      for (int i = 1; i <= parts; i++) {
        out.add(
            new Output(
                OutputKind.SITEMAP_PART,
                String.valueOf(i),
                OutputKind.SITEMAP_PART.path(String.valueOf(i)),
                config.defaultLanguage(),
                i,
                parts));
      }
    }
    for (ResolvedPage p : site.pages()) {
      for (ArticleFile.BundleFile f : p.parsed().bundleFiles()) {
        out.add(
            output(OutputKind.BUNDLE_FILE, p.url() + f.relativeName(), "", language(p, config)));
      }
    }
    for (ResolvedPage p : site.pages()) {
      for (ParsedPage.Alias a : p.parsed().aliases()) {
        String path = Aliases.output(a.path());
        if (path != null) out.add(output(OutputKind.REDIRECT, path, "", language(p, config)));
      }
    }
    for (StaticFile f : site.staticFiles())
      out.add(output(OutputKind.STATIC_FILE, f.path(), "", config.defaultLanguage()));
    return new OutputPlan(out, perFile);
  }

  /** The pages of a list of {@code count} entries, {@code per} to a page (one page when empty). */
  private static void paged(
      List<Output> out,
      OutputKind kind,
      String subject,
      String prefix,
      String language,
      int count,
      int per) {
    int pages = Math.max(1, (count + per - 1) / per);
    for (int i = 1; i <= pages; i++)
      out.add(new Output(kind, subject, prefix + kind.path(subject, i), language, i, pages));
  }

  /**
   * How many addresses one sitemap file lists: the site's {@code sitemap.max_urls} (the protocol's
   * 50,000 unless set lower), fewer when even that many of the site's longest entries could pass
   * the protocol's 50 MB. An entry is at most its address and, in several languages, one alternate
   * per language, each no longer than the site's longest address, so the bound holds whatever
   * entries a file gets.
   */
  private static int sitemapPerFile(List<Output> out, SiteConfig config) {
    long longest = 0;
    for (Output o : out) {
      if (o.kind().inSitemap())
        longest = Math.max(longest, xmlBytes(config.permalink(o.address())));
    }
    int tag = 0;
    for (String lang : config.languages()) tag = Math.max(tag, lang.length());
    // <url><loc>..</loc><lastmod>YYYY-MM-DD</lastmod>..</url>, and per language
    // <xhtml:link rel="alternate" hreflang=".." href=".."/>
    long entry = 60 + longest;
    if (config.multilingual()) entry += config.languages().size() * (50L + tag + longest);
    long fits = (ListSettings.SITEMAP_MAX_BYTES - 1024) / entry;
    return (int) Math.max(1, Math.min(config.lists().sitemapUrls(), fits));
  }

  /** An address's size in the sitemap's UTF-8, with XML's escapes. */
  private static long xmlBytes(String s) {
    long n = s.getBytes(StandardCharsets.UTF_8).length;
    for (int i = 0; i < s.length(); i++) {
      switch (s.charAt(i)) {
        case '&' -> n += 4;
        case '<', '>' -> n += 3;
        case '"', '\'' -> n += 5;
        default -> {}
      }
    }
    return n;
  }

  /**
   * How many of the sitemap's addresses each of its files lists; more addresses than that make
   * {@code sitemap.xml} an index of {@link OutputKind#SITEMAP_PART parts}, in the order the
   * addresses are listed.
   */
  public int sitemapPerFile() {
    return sitemapPerFile;
  }

  /** A page's language; a page parsed without the site's languages is in the default one. */
  public static String language(ResolvedPage p, SiteConfig config) {
    String l = p.parsed().language();
    return l == null || l.isEmpty() ? config.defaultLanguage() : l;
  }

  private static Output output(OutputKind kind, String subject, String prefix, String language) {
    return new Output(kind, subject, prefix + kind.path(subject), language);
  }

  /**
   * Every planned output: articles and pages first, then the build's own pages and files, then
   * bundles' files, redirects and static files.
   */
  public List<Output> outputs() {
    return outputs;
  }

  /** A tag page's address, {@code tags/<slug>/}. */
  public static String tagAddress(String tag) {
    return OutputKind.TAG.path(slug(tag)).replace("index.html", "");
  }

  /** A tag's address-safe form, by the address rule ({@link Addresses#tag}). */
  static String slug(String name) {
    return Addresses.tag(name);
  }
}
