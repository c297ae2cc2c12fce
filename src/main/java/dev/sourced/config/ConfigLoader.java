package dev.sourced.config;

import dev.sourced.diag.Code;
import dev.sourced.diag.Diagnostics;
import dev.sourced.diag.SourcePosition;
import dev.sourced.yaml.SafeYaml;
import dev.sourced.yaml.YamlMap;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;

/** Reads and checks {@code sourced.yaml}, filling in defaults for what it leaves out. */
public final class ConfigLoader {
  static final List<String> KEYS =
      List.of(
          "title",
          "description",
          "base_url",
          "language",
          "languages",
          "locale",
          "stale_after",
          "raw_html",
          "author",
          "require_archive",
          "links",
          "images",
          "paginate",
          "feed",
          "sitemap");

  private ConfigLoader() {}

  /**
   * @param text the file's text, or null when the site has no {@code sourced.yaml}
   * @return the settings; defaults stand in for any field with a problem (reported)
   */
  public static SiteConfig parse(String text, Diagnostics diagnostics) {
    String path = SiteConfig.FILE_NAME;
    if (text == null) {
      diagnostics.error(
          SourcePosition.file(path),
          Code.MISSING_CONFIG,
          "this folder has no sourced.yaml, so it is not a sourced site",
          "run `sourced new DIR` to start a site, or pass --source DIR");
      return defaults();
    }
    YamlMap map = SafeYaml.readMapping(text, path, 0, diagnostics, "sourced.yaml");
    if (map == null) return defaults();
    map.warnUnknownKeys("sourced.yaml", KEYS);
    List<String> languages = languages(map, diagnostics);
    String language = languages.get(0);
    Map<String, String> titles =
        PerLanguage.read(map, "title", true, languages, "Untitled site", diagnostics);
    Map<String, String> descriptions =
        PerLanguage.read(map, "description", false, languages, "", diagnostics);
    Map<String, String> locales = locales(map, languages, diagnostics);
    String baseUrl = orElse(map.string("base_url", false, "sourced.yaml"), "http://localhost/");
    String basePath = "/";
    try {
      URI uri = new URI(baseUrl);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw new URISyntaxException(baseUrl, "not an http(s) address");
      }
      if (!baseUrl.endsWith("/")) baseUrl = baseUrl + "/";
      basePath = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      if (!basePath.endsWith("/")) basePath = basePath + "/";
    } catch (URISyntaxException e) {
      diagnostics.error(
          map.valueAt("base_url"),
          Code.BAD_CONFIG,
          "base_url must be an http(s) address, not \"" + baseUrl + "\"",
          "e.g. base_url: https://example.org/explainers/");
      baseUrl = "http://localhost/";
    }
    Integer stale = map.integer("stale_after", false, "sourced.yaml");
    Boolean raw = map.bool("raw_html", "sourced.yaml");
    String author = map.string("author", false, "sourced.yaml");
    Boolean requireArchive = map.bool("require_archive", "sourced.yaml");
    LinkSettings links = LinkSettings.parse(map.map("links"), diagnostics);
    ImageSettings images = ImageSettingsReader.read(map.map("images"), diagnostics);
    ListSettings lists =
        ListSettings.read(map.map("paginate"), map.map("feed"), map.map("sitemap"), diagnostics);
    return new SiteConfig(
        titles.get(language),
        descriptions.get(language),
        baseUrl,
        basePath,
        language,
        locales.get(language),
        stale == null ? 0 : Math.max(0, stale),
        raw != null && raw,
        author,
        requireArchive != null && requireArchive,
        links,
        images,
        languages,
        locales,
        titles,
        descriptions,
        lists);
  }

  /**
   * {@code languages: [nl, en]} (the first is the default) or {@code language: en}; never both.
   * Tags that are unknown, or given twice, are reported and left out.
   */
  private static List<String> languages(YamlMap map, Diagnostics diagnostics) {
    if (map.has("language") && map.has("languages")) {
      diagnostics.error(
          map.at("languages"),
          Code.BAD_CONFIG,
          "sourced.yaml sets both `language` and `languages`",
          "keep `languages: [...]` (the first is the default) and remove `language`");
    }
    List<String> given =
        map.has("languages")
            ? map.strings("languages", "sourced.yaml")
            : List.of(orElse(map.string("language", false, "sourced.yaml"), "en"));
    String key = map.has("languages") ? "languages" : "language";
    List<String> out = new ArrayList<>();
    for (String tag : given) {
      if (!Locales.known(tag)) {
        diagnostics.error(
            map.valueAt(key),
            Code.BAD_CONFIG,
            "language \"" + tag + "\" is not a language tag with locale data",
            "use a BCP 47 tag such as en, nl, de, fr or pt-BR");
      } else if (out.contains(tag)) {
        diagnostics.error(
            map.valueAt(key),
            Code.BAD_CONFIG,
            "language \"" + tag + "\" is listed twice",
            "list each language once");
      } else if (!tag.matches("[a-z]{2,3}(-[A-Za-z0-9]+)*")) {
        diagnostics.error(
            map.valueAt(key),
            Code.BAD_CONFIG,
            "language \"" + tag + "\" must be written in lowercase, as its addresses are",
            "write \"" + tag.toLowerCase(Locale.ROOT) + "\"");
      } else {
        out.add(tag);
      }
    }
    if (out.isEmpty()) out.add("en");
    return List.copyOf(out);
  }

  /**
   * {@code locale: en-GB} for a site in one language, or one per language ({@code locale: {nl: nl,
   * en: en-GB}}); a language without one writes numbers in its own locale.
   */
  private static Map<String, String> locales(
      YamlMap map, List<String> languages, Diagnostics diagnostics) {
    Map<String, String> out = new LinkedHashMap<>();
    Map<String, String> given = new LinkedHashMap<>();
    if (map.node("locale") instanceof MappingNode) {
      YamlMap m = map.map("locale");
      for (String lang : m.keys()) {
        if (!languages.contains(lang)) {
          diagnostics.error(
              m.at(lang),
              Code.BAD_CONFIG,
              "`locale` names \"" + lang + "\", which is not one of the site's languages",
              "the languages are " + String.join(", ", languages));
          continue;
        }
        String tag = m.string(lang, false, "`locale`");
        if (tag != null) given.put(lang, tag);
      }
    } else if (map.has("locale")) {
      String tag = map.string("locale", false, "sourced.yaml");
      if (tag != null) {
        if (languages.size() > 1) {
          diagnostics.error(
              map.valueAt("locale"),
              Code.BAD_CONFIG,
              "a site in several languages needs a locale per language",
              "write `locale: {" + languages.get(0) + ": " + tag + ", ...}`, or leave it out");
        } else {
          given.put(languages.get(0), tag);
        }
      }
    }
    for (String lang : languages) {
      String tag = given.getOrDefault(lang, lang);
      if (!Locales.known(tag)) {
        diagnostics.error(
            map.valueAt("locale"),
            Code.BAD_CONFIG,
            "locale \"" + tag + "\" is not a locale tag with locale data",
            "use a BCP 47 tag such as en-GB, nl, nl-BE, de-CH or fr");
        tag = lang;
      }
      out.put(lang, tag);
    }
    return Map.copyOf(out);
  }

  public static SiteConfig defaults() {
    return new SiteConfig(
        "Untitled site",
        "",
        "http://localhost/",
        "/",
        "en",
        "en",
        0,
        false,
        null,
        false,
        LinkSettings.defaults(),
        ImageSettings.DEFAULTS);
  }

  private static String orElse(String v, String fallback) {
    return v == null || v.isEmpty() ? fallback : v;
  }
}
