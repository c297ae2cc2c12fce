package dev.sourced.migrate;

import static dev.sourced.migrate.MigrationReport.at;

import dev.sourced.diag.Code;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Maps a Hugo config ({@code hugo.toml}, {@code config.yaml}, ...) or a Jekyll {@code _config.yml}
 * to {@code sourced.yaml}: {@code title}; {@code description} (Hugo's {@code params.description});
 * {@code base_url} (Hugo's {@code baseURL}, Jekyll's {@code url} with its {@code baseurl}); {@code
 * language} (Hugo's {@code languageCode}, Jekyll's {@code lang}) with the number {@code locale} it
 * implies; {@code author} (a name, or an author's {@code name}). Every other top-level key is
 * reported where it is written, except those the planner itself reads (folders, permalinks,
 * collections). Hugo reads its config keys in any case; so does this.
 */
final class ConfigMapper {
  private ConfigMapper() {}

  static void map(
      String path,
      Map<String, FrontMatter.Entry> entries,
      boolean jekyll,
      Set<String> planning,
      ImportPlan plan,
      MigrationReport report) {
    Map<String, Object> out = plan.config;
    Map<String, Object> params = map(get(entries, "params"));
    String title = text(get(entries, "title"));
    if (title != null) out.put("title", title);
    String description = text(get(entries, "description"));
    if (description == null) description = text(params.get("description"));
    if (description != null) out.put("description", description);

    String url = jekyll ? text(get(entries, "url")) : text(get(entries, "baseurl"));
    if (jekyll && url != null) {
      String base = text(get(entries, "baseurl"));
      if (base != null) url = url.replaceAll("/+$", "") + "/" + base.replaceAll("^/+", "");
    }
    if (url != null && url.matches("(?i)https?://[^\\s/]+.*")) out.put("base_url", url);

    String language =
        jekyll
            ? text(value(first(entries, "lang", "locale")))
            : text(value(first(entries, "languagecode", "defaultcontentlanguage")));
    if (language != null) {
      out.put("language", language);
      String primary = language.toLowerCase(Locale.ROOT).split("[-_]")[0];
      out.put("locale", primary.equals("nl") ? "nl" : "en");
      if (!primary.equals("nl") && !primary.equals("en")) {
        FrontMatter.Entry at =
            first(entries, "lang", "locale", "languagecode", "defaultcontentlanguage");
        report.warning(
            at(path, at.line(), at.column()),
            Code.LOCALE_FALLBACK,
            "numbers and dates will be written in English: sourced writes them in en or nl",
            "set `locale:` in sourced.yaml if nl suits the site better");
      }
    }

    Object author = get(entries, "author");
    if (author == null) author = params.get("author");
    String name = author instanceof Map<?, ?> m ? text(m.get("name")) : text(author);
    if (name != null) out.put("author", name);

    Set<String> used =
        Set.of(
            "title",
            "description",
            "baseurl",
            "url",
            "lang",
            "locale",
            "languagecode",
            "defaultcontentlanguage",
            "author");
    for (var e : entries.entrySet()) {
      String key = e.getKey().toLowerCase(Locale.ROOT);
      if (used.contains(key) || planning.contains(key)) continue;
      if (key.equals("params")
          && (params.containsKey("description") || params.containsKey("author"))
          && params.size() <= 2) {
        continue;
      }
      report.warning(
          at(path, e.getValue().line(), e.getValue().column()),
          Code.UNMAPPED_CONFIG,
          "config key \"" + e.getKey() + "\" has no sourced equivalent and is left out",
          "see docs/commands.md#sourced-import for the settings that move");
    }
  }

  /** A key's value, its case ignored as Hugo ignores it. */
  static Object get(Map<String, FrontMatter.Entry> entries, String key) {
    FrontMatter.Entry e = entry(entries, key);
    return e == null ? null : e.value();
  }

  static FrontMatter.Entry entry(Map<String, FrontMatter.Entry> entries, String key) {
    for (var e : entries.entrySet()) {
      if (e.getKey().equalsIgnoreCase(key)) return e.getValue();
    }
    return null;
  }

  private static FrontMatter.Entry first(Map<String, FrontMatter.Entry> entries, String... keys) {
    for (String k : keys) {
      FrontMatter.Entry e = entry(entries, k);
      if (e != null) return e;
    }
    return null;
  }

  private static Object value(FrontMatter.Entry e) {
    return e == null ? null : e.value();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object v) {
    if (!(v instanceof Map<?, ?> m)) return Map.of();
    Map<String, Object> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    out.putAll((Map<String, Object>) m);
    return out;
  }

  static String text(Object v) {
    if (v == null || v instanceof Map || v instanceof List) return null;
    String s = v.toString().strip();
    return s.isEmpty() ? null : s;
  }
}
