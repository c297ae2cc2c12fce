package dev.sourced.resolve;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Every kind of file a build writes, with where it goes, the theme template that makes it (if any)
 * and whether the sitemap lists it. This enum is the one list of what the build writes itself: the
 * reserved-address check, the link checker (through {@link OutputPlan}), the renderer (an
 * exhaustive switch over these constants), the sitemap and the theme's template list all read it,
 * so none of them can forget a page the others know.
 *
 * <p>A path holds {@code {}} where the output's subject goes (an article's slug, a tag's slug, a
 * source's ID, an asset's or a bundle file's name).
 */
public enum OutputKind {
  ARTICLE("{}/index.html", "article.ftlh", true),
  HOME("index.html", "index.ftlh", true),
  FACTS("facts/index.html", "facts.ftlh", true),
  SOURCES("sources/index.html", "sources.ftlh", true),
  TAGS("tags/index.html", "tags.ftlh", true),
  METHODOLOGY("methodology/index.html", "methodology.ftlh", true),
  CORRECTIONS("corrections/index.html", "corrections.ftlh", true),
  TAG("tags/{}/index.html", "tag.ftlh", true),
  SOURCE("sources/{}/index.html", "source.ftlh", true),
  SEARCH("search/index.html", "search.ftlh", false),
  NOT_FOUND("404.html", "404.ftlh", false),
  SEARCH_INDEX("search.json", null, false),
  FEED("feed.xml", null, false),
  CORRECTIONS_FEED("corrections.xml", null, false),
  /**
   * The sitemap: the list of the site's addresses, or, past one file's limits, the sitemap index
   * naming the {@link #SITEMAP_PART parts}.
   */
  SITEMAP("sitemap.xml", null, false),
  /** One file of a sitemap split past the protocol's limits, numbered from 1. */
  SITEMAP_PART("sitemap-{}.xml", null, false),
  FACTS_JSON("facts.json", null, false),
  SOURCES_JSON("sources.json", null, false),
  CLAIMS_JSON("claims.json", null, false),
  /**
   * The site's icon at the address browsers ask for by themselves: the theme's ({@code
   * favicon.ico}, with {@code assets/favicon.svg} linked from every page), unless {@code
   * static/favicon.ico} or the site's {@code templates/favicon.ico} gives the site's own.
   */
  FAVICON("favicon.ico", null, false),
  /** The theme's static files, under hashed names the renderer gives them. */
  ASSET("assets/{}", null, false),
  /** A file beside a bundle's index.md, copied next to its page ({@code slug/name}). */
  BUNDLE_FILE("{}", null, false),
  /** A page's old address ({@code aliases:}), a redirect to the page (the alias's file). */
  REDIRECT("{}", "redirect.ftlh", false),
  /** A file of static/, copied as it is to the same path under the site's root. */
  STATIC_FILE("{}", null, false);

  private final String pattern;
  private final String template;
  private final boolean inSitemap;

  OutputKind(String pattern, String template, boolean inSitemap) {
    this.pattern = pattern;
    this.template = template;
    this.inSitemap = inSitemap;
  }

  /** The output path for a subject (ignored by kinds with one fixed path). */
  public String path(String subject) {
    return pattern.replace("{}", subject == null ? "" : subject);
  }

  /** The theme template that renders this kind, or null for files made without one. */
  public String template() {
    return template;
  }

  public boolean inSitemap() {
    return inSitemap;
  }

  /**
   * Whether every language of the site has its own file of this kind, under its folder ({@code
   * en/facts/index.html}); the others (the sitemap, the open-data exports, assets) are one for the
   * whole site. The 404 page is per language for hosts that serve a folder's own {@code 404.html}
   * (Cloudflare Pages, nginx with a location per language); the root one, which every host serves,
   * speaks every language. Articles carry their language in their address already.
   */
  public boolean perLanguage() {
    return switch (this) {
      case HOME,
          FACTS,
          SOURCES,
          TAGS,
          METHODOLOGY,
          CORRECTIONS,
          TAG,
          SOURCE,
          SEARCH,
          SEARCH_INDEX,
          FEED,
          CORRECTIONS_FEED,
          NOT_FOUND ->
          true;
      case ARTICLE,
          SITEMAP,
          SITEMAP_PART,
          FACTS_JSON,
          SOURCES_JSON,
          CLAIMS_JSON,
          FAVICON,
          ASSET,
          BUNDLE_FILE,
          REDIRECT,
          STATIC_FILE ->
          false;
    };
  }

  /**
   * Whether a page of this kind lists entries that grow with the site, and so comes in numbered
   * pages ({@code facts/}, {@code facts/page/2/}, ...).
   */
  public boolean paginated() {
    return this == HOME
        || this == FACTS
        || this == SOURCES
        || this == TAGS
        || this == TAG
        || this == CORRECTIONS;
  }

  /**
   * The folder the second and later pages of a list are in, under the list's own address: {@code
   * facts/page/2/} (Hugo's addresses). It is reserved at the root too, for the home page's.
   */
  public static final String PAGE_FOLDER = "page";

  /** The path of page {@code page} (from 1) of a list of this kind; page 1 is the list's own. */
  public String path(String subject, int page) {
    String first = path(subject);
    if (page <= 1) return first;
    return first.substring(0, first.length() - "index.html".length())
        + PAGE_FOLDER
        + "/"
        + page
        + "/index.html";
  }

  /** Whether there is one file of this kind (its path has no subject). */
  public boolean single() {
    return !pattern.contains("{}");
  }

  /** The theme templates that make pages, in this list's order. */
  public static List<String> templates() {
    Set<String> names = new LinkedHashSet<>();
    for (OutputKind k : values()) if (k.template != null) names.add(k.template);
    return List.copyOf(names);
  }

  /**
   * The first path segments the build writes itself ({@code tags}, {@code feed.xml}, ...),
   * lowercase: an article's address cannot start with one.
   */
  public static Set<String> reservedSegments() {
    return RESERVED;
  }

  /** Made once: the resolve stage asks for every page and every alias. */
  private static final Set<String> RESERVED = reserved();

  private static Set<String> reserved() {
    Set<String> out = new LinkedHashSet<>();
    for (OutputKind k : values()) {
      String first = k.pattern.split("/", 2)[0];
      if (first.contains("{}")) continue;
      out.add(first.toLowerCase(Locale.ROOT));
    }
    out.add(PAGE_FOLDER);
    return Set.copyOf(out);
  }
}
