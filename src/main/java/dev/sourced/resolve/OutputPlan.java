package dev.sourced.resolve;

import dev.sourced.config.SiteConfig;
import dev.sourced.load.Addresses;
import dev.sourced.load.ArticleFile;
import dev.sourced.load.StaticFile;
import dev.sourced.model.Source;
import dev.sourced.parse.ParsedPage;
import java.util.ArrayList;
import java.util.HashSet;
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
   * language it is in (the default language for the site's single files).
   */
  public record Output(OutputKind kind, String subject, String path, String language) {
    /** The address a link reaches it by: {@code tags/} for {@code tags/index.html}. */
    public String address() {
      if (path.equals("index.html")) return "";
      return path.endsWith("/index.html") ? path.substring(0, path.length() - 10) : path;
    }
  }

  private final List<Output> outputs;

  private OutputPlan(List<Output> outputs) {
    this.outputs = List.copyOf(outputs);
  }

  /**
   * The plan of a resolved site: its articles, then for each language (the default first) the
   * build's own pages of that language under its folder, with the site's single files among the
   * default language's, then the bundles' files, the alias redirect pages (each in its page's
   * language) and the files of {@code static/} (one for the whole site).
   */
  public static OutputPlan of(ResolvedSite site) {
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
      for (Map.Entry<String, List<ResolvedPage>> e : site.tags().entrySet()) {
        if (e.getValue().stream().noneMatch(p -> language(p, config).equals(lang))) continue;
        tags.computeIfAbsent(tagAddress(e.getKey()), k -> new ArrayList<>()).add(e.getKey());
      }
      for (OutputKind k : OutputKind.values()) {
        if (!k.perLanguage() && !prefix.isEmpty()) continue;
        String at = k.perLanguage() ? prefix : "";
        switch (k) {
          case ARTICLE, ASSET, BUNDLE_FILE, REDIRECT, STATIC_FILE -> {}
          case HOME -> {
            if (!ownHome.contains(lang)) out.add(output(k, null, at, lang));
          }
          case TAG -> {
            for (List<String> names : tags.values())
              out.add(output(k, slug(names.get(0)), at, lang));
          }
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
    return new OutputPlan(out);
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
