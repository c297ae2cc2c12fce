package dev.sourced.parse;

import dev.sourced.diag.Code;
import dev.sourced.diag.Diagnostics;
import dev.sourced.diag.SourcePosition;
import dev.sourced.model.Texts;
import dev.sourced.yaml.YamlMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;

/**
 * Reads the words of a declaration or a piece, which may be one string for every language or one
 * per language ({@code label: {nl: Gebruikers, en: Users}}), and collects the per-language ones for
 * the record being read ({@link #take}). One reader for every kind of text field (a fact's label, a
 * glance row's text, a correction), so each says the same about a missing or unknown language: a
 * language of the site left out is a {@code missing-translation} warning at the field; a language
 * the site does not have is an error.
 */
final class TextFields {
  private final Diagnostics diagnostics;

  /** The site's languages, the default first; a site in one language has one. */
  private final List<String> languages;

  /** The per-language texts of the record being read, by field. */
  private Map<String, Map<String, String>> texts = new LinkedHashMap<>();

  private Map<String, SourcePosition> textsAt = new LinkedHashMap<>();

  TextFields(Diagnostics diagnostics, List<String> languages) {
    this.diagnostics = diagnostics;
    this.languages = languages == null || languages.isEmpty() ? List.of() : languages;
  }

  List<String> languages() {
    return languages;
  }

  /**
   * A text field. Returns the default language's text (else the first written), and keeps the
   * others for {@link #take} under {@code field} (the key, unless a record holds several fields of
   * one key). {@code warnMissing} is false for a source's title: a title left untranslated is the
   * title the source was published under, which every language may show.
   */
  String text(
      YamlMap m, String key, String field, boolean required, String what, boolean warnMissing) {
    if (!(m.node(key) instanceof MappingNode)) return m.string(key, required, what);
    YamlMap per = m.map(key);
    Map<String, String> out = new LinkedHashMap<>();
    for (String lang : per.keys()) {
      if (!languages.isEmpty() && !languages.contains(lang)) {
        diagnostics.error(
            per.at(lang),
            Code.BAD_VALUE,
            "`"
                + key
                + "` of "
                + what
                + " names \""
                + lang
                + "\", which is not one of the site's"
                + " languages",
            "the languages are "
                + String.join(", ", languages)
                + " (set `languages:` in sourced.yaml)");
        continue;
      }
      String v = per.string(lang, false, "`" + key + "` of " + what);
      if (v != null && !v.isEmpty()) out.put(lang, v);
    }
    if (out.isEmpty()) {
      if (required) {
        diagnostics.error(
            m.valueAt(key),
            Code.MISSING_FIELD,
            what + " needs `" + key + "` in at least one language",
            "`" + key + ": {" + (languages.isEmpty() ? "en" : languages.get(0)) + ": ...}`");
      }
      return null;
    }
    for (String lang : languages) {
      if (warnMissing && !out.containsKey(lang)) {
        String shown =
            out.containsKey(languages.get(0)) ? languages.get(0) : out.keySet().iterator().next();
        diagnostics.warning(
            m.valueAt(key),
            Code.MISSING_TRANSLATION,
            "`" + key + "` of " + what + " has no text in \"" + lang + "\"",
            "add `"
                + lang
                + ": ...` under `"
                + key
                + "`; until then its pages show the \""
                + shown
                + "\" text, marked as not yet translated");
      }
    }
    texts.put(field, out);
    textsAt.put(field, m.valueAt(key));
    String first = languages.isEmpty() ? null : out.get(languages.get(0));
    return first != null ? first : out.values().iterator().next();
  }

  /** The per-language texts read since the last call, for one record. */
  Texts take() {
    Texts t = texts.isEmpty() ? Texts.NONE : new Texts(texts, textsAt, Map.of());
    texts = new LinkedHashMap<>();
    textsAt = new LinkedHashMap<>();
    return t;
  }
}
