package dev.sourced.resolve;

import dev.sourced.load.ArticleFile;
import dev.sourced.model.Source;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The output plan: every file a build of a resolved site writes, in a stable order, each with its
 * {@link OutputKind kind} and subject. It is worked out once from the resolved site and read by
 * everything that needs to know what the build writes: the link checker (so a link to {@code
 * /search/} or {@code /tags/policing/} is known to lead somewhere), the renderer (which renders
 * exactly these outputs) and the sitemap (the planned pages it lists). The theme's hashed assets
 * are the one exception: their names depend on their bytes, so the plan reserves the {@code
 * assets/} folder and the renderer names the files in it.
 *
 * <p>Tags that differ only by case or accents share one page ("Policing" and "policing").
 */
public final class OutputPlan {
  /** One planned file: its kind, subject (null for single files) and path in the output. */
  public record Output(OutputKind kind, String subject, String path) {
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

  /** The plan of a resolved site. */
  public static OutputPlan of(ResolvedSite site) {
    List<Output> out = new ArrayList<>();
    for (ResolvedPage p : site.pages()) {
      out.add(output(OutputKind.ARTICLE, p.url().substring(0, p.url().length() - 1)));
    }
    Map<String, List<String>> tags = new LinkedHashMap<>();
    for (String t : site.tags().keySet()) {
      tags.computeIfAbsent(tagAddress(t), k -> new ArrayList<>()).add(t);
    }
    for (OutputKind k : OutputKind.values()) {
      switch (k) {
        case ARTICLE, ASSET, BUNDLE_FILE -> {}
        case TAG -> {
          for (List<String> names : tags.values()) out.add(output(k, slug(names.get(0))));
        }
        case SOURCE -> {
          for (Source s : site.sources().values()) out.add(output(k, s.id()));
        }
        default -> out.add(output(k, null));
      }
    }
    for (ResolvedPage p : site.pages()) {
      for (ArticleFile.BundleFile f : p.parsed().bundleFiles()) {
        out.add(output(OutputKind.BUNDLE_FILE, p.url() + f.relativeName()));
      }
    }
    return new OutputPlan(out);
  }

  private static Output output(OutputKind kind, String subject) {
    return new Output(kind, subject, kind.path(subject));
  }

  /** Every planned output, articles first, then the build's own pages and files, then bundles. */
  public List<Output> outputs() {
    return outputs;
  }

  /** A tag page's address, {@code tags/<slug>/}. */
  public static String tagAddress(String tag) {
    return OutputKind.TAG.path(slug(tag)).replace("index.html", "");
  }

  /** A tag's address-safe form: lowercase ASCII letters, digits and hyphens. */
  static String slug(String name) {
    String s =
        Normalizer.normalize(name, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("(^-+|-+$)", "");
    if (s.isEmpty()) s = "tag-" + Integer.toHexString(name.hashCode());
    return s;
  }
}
