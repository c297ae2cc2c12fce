package dev.sourced.parse;

import dev.sourced.diag.Diagnostics;
import dev.sourced.diag.SourcePosition;
import dev.sourced.facts.BodyHtml;
import dev.sourced.load.ArticleFile;
import dev.sourced.load.SourceFile;
import dev.sourced.model.Correction;
import dev.sourced.model.FrontMatter;
import dev.sourced.yaml.SafeYaml;
import dev.sourced.yaml.YamlMap;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.commonmark.node.Node;

/**
 * The parse stage: front-matter through {@link SafeYaml} into a typed {@link FrontMatter}, the body
 * through {@link MarkdownParser}, scanned once ({@link BodyScan}) and rendered at once ({@link
 * BodyRenderer}), so that no Markdown tree outlives its page's parse. Every problem is reported and
 * parsing goes on, so one run lists all of a site's mistakes; a page whose front-matter cannot be
 * read is left out.
 */
public final class PageParser {
  static final List<String> KEYS =
      List.of(
          "title",
          "summary",
          "date",
          "updated",
          "authors",
          "tags",
          "draft",
          "slug",
          "sources",
          "facts",
          "claims",
          "corrections",
          "glances",
          "timelines",
          "comparisons",
          "unknowns");

  /** One path segment of a portable URL: no spaces, no case tricks, no dot files. */
  static final Pattern SLUG_SEGMENT = Pattern.compile("[a-z0-9][a-z0-9._-]*");

  /** Names Windows reserves for devices, with or without an extension. */
  static final Pattern WINDOWS_DEVICE = Pattern.compile("con|prn|aux|nul|com[0-9]|lpt[0-9]");

  static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _-]*");

  private PageParser() {}

  /**
   * Parses one article and renders its body (see {@link BodyRenderer}).
   *
   * @param src the article's text, as {@link dev.sourced.load.ContentLoader#read} gives it
   * @param rawHtml whether the site lets raw HTML in Markdown through
   */
  public static ParsedPage parse(
      ArticleFile file, SourceFile src, boolean rawHtml, Diagnostics diagnostics) {
    return parse(file, src, rawHtml, null, diagnostics);
  }

  /**
   * As {@link #parse(ArticleFile, SourceFile, boolean, Diagnostics)}, keeping the body's HTML in
   * {@code bodies} (in memory when null).
   */
  public static ParsedPage parse(
      ArticleFile file,
      SourceFile src,
      boolean rawHtml,
      BodyHtml.Store bodies,
      Diagnostics diagnostics) {
    YamlMap map =
        SafeYaml.readMapping(
            src.frontMatter(), src.path(), src.frontMatterLine() - 1, diagnostics, "front-matter");
    if (map == null) return null;
    map.warnUnknownKeys("front-matter", KEYS);
    String what = "the front-matter";
    String title = map.string("title", true, what);
    String summary = map.string("summary", false, what);
    LocalDate date = map.date("date", true, what);
    LocalDate updated = map.date("updated", false, what);
    if (date != null && updated != null && updated.isBefore(date)) {
      diagnostics.error(
          map.valueAt("updated"),
          "bad-date",
          "`updated` is before `date`",
          "an article can only be updated after it was published");
    }
    List<String> authors = map.strings("authors", what);
    List<String> tags = new ArrayList<>();
    for (String raw : map.strings("tags", what)) {
      // A tag typed in decomposed form (some macOS tools) is the same tag.
      String t = java.text.Normalizer.normalize(raw, java.text.Normalizer.Form.NFC);
      if (TAG.matcher(t).matches() && t.length() <= 60) {
        if (!tags.contains(t)) tags.add(t);
      } else {
        diagnostics.error(
            map.valueAt("tags"),
            "bad-tag",
            "tag \"" + t + "\" is not a plain word",
            "tags are words of letters, digits, spaces, - and _");
      }
    }
    Boolean draft = map.bool("draft", what);
    String slug = slug(map, file, diagnostics);
    Declarations decl = new DeclarationReader(diagnostics).read(map);
    List<Correction> corrections = corrections(map, diagnostics);
    List<dev.sourced.model.Explainer> explainers = new ExplainerReader(diagnostics).read(map);
    BodyScan scan;
    BodyHtml body;
    try {
      Node tree = MarkdownParser.parse(src.body());
      scan = BodyScan.of(tree, src.path(), src.bodyLine(), diagnostics);
      if (title == null || date == null || slug == null) return null;
      body = BodyRenderer.of(rawHtml).render(tree, bodies);
    } catch (StackOverflowError e) {
      diagnostics.error(
          SourcePosition.file(src.path()),
          "too-deep",
          "the body nests lists, quotes or emphasis more deeply than a page can have",
          "flatten deeply nested lists, quotes or emphasis in the article");
      return null;
    }
    FrontMatter fm =
        new FrontMatter(
            title,
            summary,
            date,
            updated,
            List.copyOf(authors),
            List.copyOf(tags),
            draft != null && draft,
            slug,
            decl.sources(),
            decl.facts(),
            decl.claims(),
            corrections,
            explainers);
    SourcePosition slugAt =
        map.has("slug") ? map.valueAt("slug") : new SourcePosition(src.path(), 1, 1);
    return new ParsedPage(
        src.path(),
        file.bundleFiles(),
        fm,
        body,
        slug,
        List.copyOf(scan.uses),
        List.copyOf(scan.links),
        List.copyOf(scan.headingIds),
        slugAt,
        decl.rejected());
  }

  public static ParsedData parseData(SourceFile file, Diagnostics diagnostics) {
    YamlMap map = SafeYaml.readMapping(file.text(), file.path(), 0, diagnostics, "data file");
    if (map == null) {
      return new ParsedData(file.path(), List.of(), List.of(), List.of(), java.util.Set.of());
    }
    map.warnUnknownKeys("a data file", List.of("sources", "facts", "claims"));
    Declarations decl = new DeclarationReader(diagnostics).read(map);
    return new ParsedData(
        file.path(), decl.sources(), decl.facts(), decl.claims(), decl.rejected());
  }

  private static String slug(YamlMap map, ArticleFile file, Diagnostics diagnostics) {
    String given = map.string("slug", false, "the front-matter");
    String slug = given != null ? given : file.defaultSlug();
    SourcePosition at = given != null ? map.valueAt("slug") : new SourcePosition(file.path(), 1, 1);
    if (isPortable(slug)) return slug;
    diagnostics.error(
        at,
        "bad-slug",
        "\"" + slug + "\" cannot be a page address: use lowercase letters, digits, - and _",
        given != null
            ? "e.g. slug: " + suggest(slug)
            : "rename the file, or set `slug: " + suggest(slug) + "` in the front-matter");
    return null;
  }

  static boolean isPortable(String slug) {
    if (slug.isEmpty() || slug.length() > 200) return false;
    for (String seg : slug.split("/", -1)) {
      if (!SLUG_SEGMENT.matcher(seg).matches() || seg.endsWith(".")) return false;
      if (seg.contains("..")) return false;
      String base = seg.contains(".") ? seg.substring(0, seg.indexOf('.')) : seg;
      if (WINDOWS_DEVICE.matcher(base).matches()) return false;
    }
    return true;
  }

  private static String suggest(String slug) {
    String s =
        java.text.Normalizer.normalize(slug, java.text.Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9/]+", "-")
            .replaceAll("(^-+|-+$)", "")
            .replaceAll("/+", "/");
    return s.isEmpty() ? "my-article" : s;
  }

  private static List<Correction> corrections(YamlMap map, Diagnostics diagnostics) {
    List<Correction> out = new ArrayList<>();
    for (var node : map.list("corrections")) {
      YamlMap c = map.asMap(node, "corrections[]");
      if (c == null) continue;
      c.warnUnknownKeys("a correction", List.of("date", "text"));
      LocalDate d = c.date("date", true, "a correction");
      String text = c.string("text", true, "a correction");
      if (d != null && text != null) out.add(new Correction(d, text));
    }
    out.sort((a, b) -> b.date().compareTo(a.date()));
    return List.copyOf(out);
  }
}
