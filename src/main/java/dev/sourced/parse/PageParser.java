package dev.sourced.parse;

import dev.sourced.diag.Code;
import dev.sourced.diag.Diagnostics;
import dev.sourced.diag.SourcePosition;
import dev.sourced.facts.BodyHtml;
import dev.sourced.load.Addresses;
import dev.sourced.load.ArticleFile;
import dev.sourced.load.SourceFile;
import dev.sourced.model.Correction;
import dev.sourced.model.Explainer;
import dev.sourced.model.FrontMatter;
import dev.sourced.model.ImageCredit;
import dev.sourced.model.Texts;
import dev.sourced.yaml.JsonNodes;
import dev.sourced.yaml.SafeYaml;
import dev.sourced.yaml.TomlNodes;
import dev.sourced.yaml.YamlMap;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.node.Node;

/**
 * The parse stage: front-matter (YAML through {@link SafeYaml}, TOML through {@link TomlNodes},
 * JSON through {@link JsonNodes}, all into one node tree) into a typed {@link FrontMatter}, the
 * body through {@link MarkdownParser}, scanned once ({@link BodyScan}) and rendered at once ({@link
 * BodyRenderer}), so that no Markdown tree outlives its page's parse. Every problem is reported and
 * parsing goes on, so one run lists all of a site's mistakes; a page whose front-matter cannot be
 * read is left out.
 */
public final class PageParser {
  /** Runs of white space, and slashes at either end (compiled once, not per page). */
  private static final Pattern SPACE_RUNS = Pattern.compile("\\s+");

  private static final Pattern EDGE_SLASHES = Pattern.compile("^/+|/+$");

  public static final List<String> KEYS =
      List.of(
          "title",
          "summary",
          "date",
          "updated",
          "authors",
          "tags",
          "draft",
          "slug",
          "aliases",
          "sources",
          "facts",
          "claims",
          "corrections",
          "images",
          "glances",
          "timelines",
          "comparisons",
          "unknowns");

  /** The longest tag, so a pasted paragraph cannot become one. */
  static final int MAX_TAG = 100;

  private PageParser() {}

  /**
   * Parses one article and renders its body (see {@link BodyRenderer}).
   *
   * @param src the article's text, as {@link dev.sourced.load.ContentLoader#read} gives it
   * @param rawHtml whether the site lets raw HTML in Markdown through
   */
  public static ParsedPage parse(
      ArticleFile file, SourceFile src, boolean rawHtml, Diagnostics diagnostics) {
    return parse(file, src, rawHtml, List.of(), null, diagnostics);
  }

  /** The front-matter as a mapping, read by its own language; null after reporting why not. */
  static YamlMap frontMatter(SourceFile src, Diagnostics diagnostics) {
    int offset = src.frontMatterLine() - 1;
    return switch (src.format()) {
      case TOML ->
          TomlNodes.readMapping(src.frontMatter(), src.path(), offset, diagnostics, "front-matter");
      case JSON ->
          JsonNodes.readMapping(src.frontMatter(), src.path(), offset, diagnostics, "front-matter");
      case YAML, NONE ->
          SafeYaml.readMapping(src.frontMatter(), src.path(), offset, diagnostics, "front-matter");
    };
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
    return parse(file, src, rawHtml, List.of(), bodies, diagnostics);
  }

  /**
   * As {@link #parse(ArticleFile, SourceFile, boolean, BodyHtml.Store, Diagnostics)} for a site in
   * {@code languages} (the default first): a language in the file name ({@code users.en.md}) makes
   * the page that language's, at {@code /en/users/}.
   */
  public static ParsedPage parse(
      ArticleFile file,
      SourceFile src,
      boolean rawHtml,
      List<String> languages,
      BodyHtml.Store bodies,
      Diagnostics diagnostics) {
    PageLanguage lang = PageLanguage.of(file.path(), file.defaultSlug(), languages);
    YamlMap map = frontMatter(src, diagnostics);
    if (map == null) return null;
    String what = "the front-matter";
    String title = map.string("title", false, what);
    String summary = map.string("summary", false, what);
    LocalDate date = map.publicationDate("date", what);
    LocalDate updated = map.publicationDate("updated", what);
    if (date != null && updated != null && updated.isBefore(date)) {
      diagnostics.error(
          map.valueAt("updated"),
          Code.BAD_DATE,
          "`updated` is before `date`",
          "an article can only be updated after it was published");
    }
    List<String> authors = map.strings("authors", what);
    List<String> tags = tags(map, diagnostics);
    Boolean draft = map.bool("draft", what);
    String slug = slug(map, file, lang.slug(), diagnostics);
    if (slug != null) slug = lang.address(slug, languages);
    List<ParsedPage.Alias> aliases = new ArrayList<>();
    for (YamlMap.ItemAt a : map.items("aliases", what)) {
      aliases.add(new ParsedPage.Alias(a.value(), a.position()));
    }
    Declarations decl = new DeclarationReader(diagnostics, languages).read(map);
    List<Correction> corrections = corrections(map, languages, diagnostics);
    List<ImageCredit> images = ImageEntries.read(map, file, diagnostics);
    List<Explainer> explainers = new ExplainerReader(diagnostics, languages).read(map);
    BodyScan scan;
    BodyHtml body;
    try {
      Node tree = MarkdownParser.parse(src.body());
      boolean titled = title != null;
      if (!titled) title = PageTitles.fromBody(tree);
      scan = BodyScan.of(tree, src.body(), src.path(), src.bodyLine(), diagnostics);
      if (title == null) title = PageTitles.fromFileName(file);
      if (!titled) {
        diagnostics.warning(
            new SourcePosition(src.path(), 1, 1),
            Code.MISSING_TITLE,
            title == null
                ? "this page has no title, so it takes the site's title"
                : "this page has no title, so it is titled \"" + title + "\"",
            src.format() == SourceFile.Format.NONE
                ? "start the file with front-matter: ---, title: ..., then ---"
                : "add `title: ...` to the front-matter");
      }
      ImageEntries.check(images, scan.images, file, diagnostics);
      if (slug == null) return null;
      body = BodyRenderer.of(rawHtml).render(tree, bodies);
    } catch (StackOverflowError e) {
      diagnostics.error(
          SourcePosition.file(src.path()),
          Code.TOO_DEEP,
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
            List.copyOf(images),
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
        decl.rejected(),
        file.section(),
        List.copyOf(map.unknownKeys(KEYS)),
        List.copyOf(aliases),
        lang.language(),
        lang.translationKey());
  }

  /**
   * Tags as written (any text: "U.S.", "1.10"), each problem reported at the tag itself. A tag
   * typed in decomposed form (some macOS tools) is the same tag; a repeated one is kept once.
   */
  private static List<String> tags(YamlMap map, Diagnostics diagnostics) {
    List<String> tags = new ArrayList<>();
    for (YamlMap.ItemAt item : map.items("tags", "the front-matter")) {
      String t =
          SPACE_RUNS
              .matcher(Normalizer.normalize(item.value(), Normalizer.Form.NFC))
              .replaceAll(" ");
      if (t.isEmpty()) continue;
      if (t.length() > MAX_TAG) {
        diagnostics.error(
            item.position(),
            Code.BAD_TAG,
            "this tag is " + t.length() + " characters long; a tag has at most " + MAX_TAG,
            "tags are short words or phrases; move longer text into the summary");
      } else if (!tags.contains(t)) {
        tags.add(t);
      }
    }
    return tags;
  }

  public static ParsedData parseData(SourceFile file, Diagnostics diagnostics) {
    return parseData(file, List.of(), diagnostics);
  }

  /**
   * A data file of a site in {@code languages} (the default first), whose texts may be per
   * language.
   */
  public static ParsedData parseData(
      SourceFile file, List<String> languages, Diagnostics diagnostics) {
    YamlMap map = SafeYaml.readMapping(file.text(), file.path(), 0, diagnostics, "data file");
    if (map == null) {
      return new ParsedData(file.path(), List.of(), List.of(), List.of(), Set.of());
    }
    map.warnUnknownKeys("a data file", List.of("sources", "facts", "claims"));
    Declarations decl = new DeclarationReader(diagnostics, languages).read(map);
    return new ParsedData(
        file.path(), decl.sources(), decl.facts(), decl.claims(), decl.rejected());
  }

  /**
   * The page's address: its {@code slug:}, else its file's path, made into an address by {@link
   * Addresses the address rule}. A slug the rule changes is a warning naming the address it gives;
   * an address the rule cannot make (nothing left, a Windows device name) is an error.
   */
  private static String slug(
      YamlMap map, ArticleFile file, String fromName, Diagnostics diagnostics) {
    String given = map.string("slug", false, "the front-matter");
    if (given == null) {
      String slug = fromName;
      // Only the home page's own text (content/_index.md) has the empty address.
      String problem = slug.isEmpty() && file.section() ? null : Addresses.problem(slug);
      if (problem == null) return slug;
      diagnostics.error(
          new SourcePosition(file.path(), 1, 1),
          Code.BAD_SLUG,
          "this file's path cannot be a page address: " + problem,
          "rename the file, or set `slug: my-page` in the front-matter");
      return null;
    }
    String trimmed = EDGE_SLASHES.matcher(given).replaceAll("");
    String slug = Addresses.path(trimmed);
    String problem = trimmed.isEmpty() ? "it is empty" : Addresses.problem(slug);
    // A separator of another system or a control character is a mistake (or an attack), not a
    // name to clean up.
    if (problem == null && given.chars().anyMatch(c -> c == '\\' || c < 0x20 || c == 0x7f))
      problem = "it holds a backslash or a control character";
    if (problem != null) {
      diagnostics.error(
          map.valueAt("slug"),
          Code.BAD_SLUG,
          "\"" + given + "\" cannot be a page address: " + problem,
          "use letters, digits, - and _, e.g. slug: my-page");
      return null;
    }
    if (!slug.equals(trimmed)) {
      diagnostics.warning(
          map.valueAt("slug"),
          Code.SLUG_CHANGED,
          "slug \"" + given + "\" gives the address /" + slug + "/",
          "write the slug as " + slug + " to keep this address without a warning");
    }
    return slug;
  }

  private static List<Correction> corrections(
      YamlMap map, List<String> languages, Diagnostics diagnostics) {
    TextFields words = new TextFields(diagnostics, languages);
    List<Correction> out = new ArrayList<>();
    for (var node : map.list("corrections")) {
      YamlMap c = map.asMap(node, "corrections[]");
      if (c == null) continue;
      c.warnUnknownKeys("a correction", List.of("date", "text"));
      LocalDate d = c.date("date", true, "a correction");
      String text = words.text(c, "text", "text", true, "a correction", true);
      Texts texts = words.take();
      if (d != null && text != null) out.add(new Correction(d, text, texts));
    }
    out.sort((a, b) -> b.date().compareTo(a.date()));
    return List.copyOf(out);
  }
}
