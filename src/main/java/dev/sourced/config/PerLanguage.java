package dev.sourced.config;

import dev.sourced.diag.Code;
import dev.sourced.diag.Diagnostics;
import dev.sourced.yaml.YamlMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;

/**
 * A setting that is one text for every language ({@code title: Sky ECC}) or one per language
 * ({@code title: {nl: Sky ECC ontleed, en: Sky ECC decoded}}). A language left out gets the default
 * language's text, with a warning at the setting.
 */
final class PerLanguage {
  private PerLanguage() {}

  static Map<String, String> read(
      YamlMap map,
      String key,
      boolean required,
      List<String> languages,
      String fallback,
      Diagnostics diagnostics) {
    Map<String, String> out = new LinkedHashMap<>();
    if (map.node(key) instanceof MappingNode) {
      YamlMap m = map.map(key);
      for (String lang : m.keys()) {
        if (!languages.contains(lang)) {
          diagnostics.error(
              m.at(lang),
              Code.BAD_CONFIG,
              "`" + key + "` names \"" + lang + "\", which is not one of the site's languages",
              "the languages are " + String.join(", ", languages));
          continue;
        }
        String v = m.string(lang, false, "`" + key + "`");
        if (v != null && !v.isEmpty()) out.put(lang, v);
      }
      String first = out.getOrDefault(languages.get(0), fallback);
      for (String lang : languages) {
        if (!out.containsKey(lang)) {
          diagnostics.warning(
              map.valueAt(key),
              Code.MISSING_TRANSLATION,
              "`" + key + "` has no text in \"" + lang + "\"",
              "add `" + lang + ": ...` under `" + key + "`");
          out.put(lang, first);
        }
      }
      return Map.copyOf(out);
    }
    String v = map.string(key, required, "sourced.yaml");
    String text = v == null || v.isEmpty() ? fallback : v;
    for (String lang : languages) out.put(lang, text);
    return Map.copyOf(out);
  }
}
