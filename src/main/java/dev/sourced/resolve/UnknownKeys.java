package dev.sourced.resolve;

import dev.sourced.diag.Code;
import dev.sourced.diag.Diagnostics;
import dev.sourced.diag.SourcePosition;
import dev.sourced.diag.Suggestions;
import dev.sourced.parse.PageParser;
import dev.sourced.parse.ParsedPage;
import dev.sourced.yaml.YamlMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Front-matter keys sourced does not know, reported once per key for the whole site: a site brought
 * over from Hugo or Jekyll has {@code weight:} or {@code layout:} in hundreds of files, and one
 * warning per file would bury every other message. The warning stands at the key's first use (files
 * in path order) and says how many other files have it.
 */
final class UnknownKeys {
  private UnknownKeys() {}

  static void report(List<ParsedPage> pages, Diagnostics diagnostics) {
    Map<String, List<SourcePosition>> byKey = new LinkedHashMap<>();
    for (ParsedPage p : pages) {
      for (YamlMap.KeyAt k : p.unknownKeys()) {
        byKey.computeIfAbsent(k.key(), x -> new ArrayList<>()).add(k.position());
      }
    }
    for (var e : byKey.entrySet()) {
      Set<String> files = new LinkedHashSet<>();
      for (SourcePosition at : e.getValue()) files.add(at.path());
      int others = files.size() - 1;
      diagnostics.warning(
          e.getValue().get(0),
          Code.UNKNOWN_KEY,
          "unknown key \""
              + e.getKey()
              + "\" in front-matter"
              + (others == 0
                  ? ""
                  : " (also in " + others + (others == 1 ? " other file)" : " other files)")),
          Suggestions.hint(
              e.getKey(),
              PageParser.KEYS,
              "known keys: " + String.join(", ", PageParser.KEYS) + "; it is ignored"));
    }
  }
}
