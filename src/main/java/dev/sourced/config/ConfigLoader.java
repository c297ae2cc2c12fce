package dev.sourced.config;

import dev.sourced.diag.Diagnostics;
import dev.sourced.diag.SourcePosition;
import dev.sourced.yaml.SafeYaml;
import dev.sourced.yaml.YamlMap;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/** Reads and checks {@code sourced.yaml}, filling in defaults for what it leaves out. */
public final class ConfigLoader {
  static final List<String> KEYS =
      List.of(
          "title",
          "description",
          "base_url",
          "language",
          "locale",
          "stale_after",
          "raw_html",
          "author");

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
          "missing-config",
          "this folder has no sourced.yaml, so it is not a sourced site",
          "run `sourced new DIR` to start a site, or pass --source DIR");
      return defaults();
    }
    YamlMap map = SafeYaml.readMapping(text, path, 0, diagnostics, "sourced.yaml");
    if (map == null) return defaults();
    map.warnUnknownKeys("sourced.yaml", KEYS);
    String title = orElse(map.string("title", true, "sourced.yaml"), "Untitled site");
    String description = orElse(map.string("description", false, "sourced.yaml"), "");
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
          "bad-config",
          "base_url must be an http(s) address, not \"" + baseUrl + "\"",
          "e.g. base_url: https://example.org/explainers/");
      baseUrl = "http://localhost/";
    }
    String language = orElse(map.string("language", false, "sourced.yaml"), "en");
    String locale = orElse(map.string("locale", false, "sourced.yaml"), language);
    if (!Locales.known(language)) {
      diagnostics.error(
          map.valueAt("language"),
          "bad-config",
          "language \"" + language + "\" is not a language tag with locale data",
          "use a BCP 47 tag such as en, nl, de, fr or pt-BR");
      language = "en";
    }
    if (!Locales.known(locale)) {
      diagnostics.error(
          map.valueAt(map.has("locale") ? "locale" : "language"),
          "bad-config",
          "locale \"" + locale + "\" is not a locale tag with locale data",
          "use a BCP 47 tag such as en-GB, nl, nl-BE, de-CH or fr");
      locale = Locales.known(language) ? language : "en";
    }
    Integer stale = map.integer("stale_after", false, "sourced.yaml");
    Boolean raw = map.bool("raw_html", "sourced.yaml");
    String author = map.string("author", false, "sourced.yaml");
    return new SiteConfig(
        title,
        description,
        baseUrl,
        basePath,
        language,
        locale,
        stale == null ? 0 : Math.max(0, stale),
        raw != null && raw,
        author);
  }

  public static SiteConfig defaults() {
    return new SiteConfig(
        "Untitled site", "", "http://localhost/", "/", "en", "en", 0, false, null);
  }

  private static String orElse(String v, String fallback) {
    return v == null || v.isEmpty() ? fallback : v;
  }
}
