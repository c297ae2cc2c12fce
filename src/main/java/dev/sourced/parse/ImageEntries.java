package dev.sourced.parse;

import dev.sourced.diag.Code;
import dev.sourced.diag.Diagnostics;
import dev.sourced.diag.Suggestions;
import dev.sourced.load.ArticleFile;
import dev.sourced.model.ImageCredit;
import dev.sourced.yaml.YamlMap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads an article's {@code images:} map, the provenance of the pictures in its bundle, and checks
 * it against the body: a picture is a claim like any other, so the build asks who made it and under
 * what licence, and that every picture shown can be described to a reader who cannot see it.
 *
 * <ul>
 *   <li>an entry names a file of the bundle ({@code unknown-image}, with the nearest name);
 *   <li>an entry has a {@code credit} ({@code missing-field}); a missing licence or origin ({@code
 *       source:} or {@code url:}) is a warning ({@code image-provenance});
 *   <li>an image shown without alternative text, in the Markdown or the entry's {@code alt:}, is an
 *       error ({@code missing-alt}) unless the entry says {@code decorative: true};
 *   <li>a bundle image shown with no entry is a warning ({@code uncredited-image}, an error under
 *       {@code --strict}), so that imported sites still build.
 * </ul>
 *
 * Whether {@code source:} names a declared source is the resolve stage's check.
 */
final class ImageEntries {
  static final List<String> KEYS =
      List.of(
          "alt",
          "decorative",
          "credit",
          "licence",
          "licence_url",
          "source",
          "url",
          "date",
          "caption");

  private ImageEntries() {}

  static List<ImageCredit> read(YamlMap map, ArticleFile file, Diagnostics diagnostics) {
    YamlMap images = map.map("images");
    List<ImageCredit> out = new ArrayList<>();
    if (images == null) return out;
    Set<String> bundle = new LinkedHashSet<>();
    for (ArticleFile.BundleFile f : file.bundleFiles()) bundle.add(f.relativeName());
    for (String name : images.keys()) {
      YamlMap m = images.asMap(images.node(name), name);
      if (m == null) continue;
      String key = name.startsWith("./") ? name.substring(2) : name;
      if (!bundle.contains(key)) {
        diagnostics.error(
            images.at(name),
            Code.UNKNOWN_IMAGE,
            "images: names \"" + name + "\", which is not a file beside this article",
            file.bundleFiles().isEmpty()
                ? "put the image in the article's folder (content/<slug>/index.md beside it)"
                : Suggestions.hint(key, bundle, "name a file of the article's folder"));
        continue;
      }
      String what = "image \"" + key + "\"";
      m.warnUnknownKeys(what, KEYS);
      String credit = m.string("credit", true, what);
      String licence = m.string("licence", false, what);
      String sourceId = m.string("source", false, what);
      String url = link(m, "url", what, diagnostics);
      String licenceUrl = link(m, "licence_url", what, diagnostics);
      Boolean decorative = m.bool("decorative", what);
      if (licence == null) {
        diagnostics.warning(
            images.at(name),
            Code.IMAGE_PROVENANCE,
            what + " does not say its licence",
            "add e.g. licence: CC BY 4.0 (or \"all rights reserved, used with permission\")");
      }
      if (sourceId == null && url == null) {
        diagnostics.warning(
            images.at(name),
            Code.IMAGE_PROVENANCE,
            what + " does not say where it comes from",
            "add source: with a declared source's ID, or url: with the address it was found at");
      }
      out.add(
          new ImageCredit(
              key,
              m.string("alt", false, what),
              decorative != null && decorative,
              credit,
              licence,
              licenceUrl,
              sourceId,
              url,
              m.date("date", false, what),
              m.string("caption", false, what),
              images.at(name),
              m.valueAt("source")));
    }
    return out;
  }

  /** Checks the body's images against the entries. */
  static void check(
      List<ImageCredit> credits, List<BodyImage> shown, ArticleFile file, Diagnostics diagnostics) {
    Set<String> bundle = new LinkedHashSet<>();
    for (ArticleFile.BundleFile f : file.bundleFiles()) bundle.add(f.relativeName());
    Set<String> warned = new LinkedHashSet<>();
    for (BodyImage img : shown) {
      if (img.name() == null || !bundle.contains(img.name())) continue;
      ImageCredit c = null;
      for (ImageCredit x : credits) if (x.name().equals(img.name())) c = x;
      if (c == null) {
        if (warned.add(img.name())) {
          diagnostics.warning(
              img.at(),
              Code.UNCREDITED_IMAGE,
              "image \"" + img.name() + "\" has no entry under images: (who made it, its licence)",
              "add to the front-matter: images: {"
                  + yamlKey(img.name())
                  + ": {credit: ..., licence: ..., source: ...}}");
        }
        continue;
      }
      if (!c.decorative() && !img.hasAlt() && (c.alt() == null || c.alt().isBlank())) {
        diagnostics.error(
            img.at(),
            Code.MISSING_ALT,
            "image \"" + img.name() + "\" has no alternative text",
            "describe what it shows: ![what it shows]("
                + img.name()
                + "), or alt: in its"
                + " images: entry; decorative: true if it carries no information");
      }
    }
  }

  private static String yamlKey(String name) {
    return name.matches("[A-Za-z0-9._/-]+") ? name : "\"" + name.replace("\"", "\\\"") + "\"";
  }

  private static String link(YamlMap m, String key, String what, Diagnostics diagnostics) {
    String url = m.string(key, false, what);
    if (url == null) return null;
    String lower = url.toLowerCase(Locale.ROOT);
    if (!(lower.startsWith("https://") || lower.startsWith("http://"))
        || url.chars().anyMatch(c -> c <= ' ' || c == '"' || c == '<' || c == '>')) {
      diagnostics.error(
          m.valueAt(key),
          Code.BAD_URL,
          "`" + key + "` of " + what + " must be an http(s) address without spaces",
          "e.g. " + key + ": https://example.org/photo");
      return null;
    }
    return url;
  }
}
