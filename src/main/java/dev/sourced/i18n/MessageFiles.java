package dev.sourced.i18n;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import dev.sourced.diag.Code;
import dev.sourced.diag.Diagnostics;
import dev.sourced.diag.SourcePosition;
import dev.sourced.diag.Suggestions;
import dev.sourced.load.SourceFile;
import dev.sourced.yaml.SafeYaml;
import dev.sourced.yaml.YamlMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the message files of one language: the theme's bundled file ({@code /i18n/LANG.yaml} on the
 * class path; en, nl, de and fr ship), then the site's {@code i18n/LANG.yaml}, whose keys override
 * the theme's one by one, as Hugo's {@code i18n/} folder does. The English file names every key the
 * theme uses; a language the theme does not ship shows English for the keys the site does not
 * translate, and says so once.
 *
 * <p>A message file is a flat YAML mapping of keys to ICU message patterns. Problems are
 * diagnostics at the key: an unknown key (a typo, or a key an older theme used) is a warning with
 * the nearest known key; a pattern ICU cannot parse, or one that drops an argument the theme
 * passes, is an error, so a translation cannot silently lose a figure.
 */
public final class MessageFiles {
  /** Where a site keeps its own message files. */
  public static final String SITE_FOLDER = "i18n";

  /** The languages whose message files ship with the theme. */
  public static final List<String> BUNDLED = List.of("en", "nl", "de", "fr");

  private MessageFiles() {}

  /**
   * @param language the language as {@code sourced.yaml} names it ("nl", "pt-BR")
   * @param locale the locale that writes numbers inside texts
   * @param siteFiles the site's {@code i18n/*.yaml} files; only {@code i18n/LANG.yaml} is read
   * @param configAt where the language is set, for the one warning about an unshipped language
   */
  public static Messages load(
      String language,
      ULocale locale,
      List<SourceFile> siteFiles,
      SourcePosition configAt,
      Diagnostics diagnostics) {
    Map<String, String> reference = bundled("en");
    Map<String, String> texts = new LinkedHashMap<>(reference);
    String shipped = shippedFor(language);
    boolean fromTheme = shipped != null;
    if (fromTheme && !shipped.equals("en")) texts.putAll(bundled(shipped));
    Set<String> translated = new HashSet<>();
    String path = SITE_FOLDER + "/" + language + ".yaml";
    for (SourceFile f : siteFiles) {
      // The English texts check a site's own file (keys, arguments); without one, none is made.
      if (f.path().equals(path)) {
        Messages english = new Messages("en", ULocale.ENGLISH, reference);
        override(f, english, texts, translated, locale, diagnostics);
      }
    }
    if (!fromTheme) {
      int missing = reference.size() - translated.size();
      if (missing > 0) {
        diagnostics.warning(
            configAt,
            Code.UNTRANSLATED_THEME,
            "the theme has no messages in \""
                + language
                + "\": "
                + missing
                + " of "
                + reference.size()
                + " texts show in English",
            "translate them in "
                + path
                + " (copy the keys of a shipped language: "
                + String.join(", ", BUNDLED)
                + ")");
      }
    }
    return new Messages(language, locale, texts);
  }

  /**
   * The theme's own words for a language, without a site's overrides (for tools and tests); a
   * language the theme does not ship gets English.
   */
  public static Messages theme(String language, ULocale locale) {
    return load(
        language, locale, List.of(), SourcePosition.file("sourced.yaml"), new Diagnostics());
  }

  /** The shipped file for a language: its own, or its base language's ("nl" for "nl-BE"). */
  static String shippedFor(String language) {
    if (BUNDLED.contains(language)) return language;
    String base = ULocale.forLanguageTag(language).getLanguage();
    return BUNDLED.contains(base) ? base : null;
  }

  private static void override(
      SourceFile f,
      Messages english,
      Map<String, String> texts,
      Set<String> translated,
      ULocale locale,
      Diagnostics diagnostics) {
    YamlMap map = SafeYaml.readMapping(f.text(), f.path(), 0, diagnostics, "message file");
    if (map == null) return;
    for (String key : map.keys()) {
      if (!english.has(key)) {
        diagnostics.warning(
            map.at(key),
            Code.UNKNOWN_MESSAGE,
            "the theme has no message \"" + key + "\"; this text is never shown",
            Suggestions.hint(key, english.keys(), "see the theme's keys in docs/translation.md"));
        continue;
      }
      String text = map.string(key, false, "a message");
      if (text == null) continue;
      String problem = check(text, english.argumentNames(key), locale);
      if (problem != null) {
        diagnostics.error(
            map.valueAt(key),
            Code.BAD_MESSAGE,
            "message \"" + key + "\" cannot be used: " + problem,
            english.argumentNames(key).isEmpty()
                ? "write plain text, or quote braces as '{'"
                : "keep the arguments of the English text: "
                    + english.argumentNames(key).stream()
                        .map(a -> "{" + a + "}")
                        .collect(Collectors.joining(", ")));
        continue;
      }
      texts.put(key, text);
      translated.add(key);
    }
  }

  /** Why a site's text cannot stand in for the theme's, or null when it can. */
  private static String check(String text, List<String> wanted, ULocale locale) {
    Set<String> used;
    try {
      used = new MessageFormat(text, locale).getArgumentNames();
    } catch (IllegalArgumentException e) {
      return "it is not a valid ICU message (" + e.getMessage() + ")";
    }
    for (String a : wanted) {
      if (!used.contains(a)) return "it leaves out {" + a + "}";
    }
    for (String a : used) {
      if (!wanted.contains(a)) return "the theme gives no {" + a + "}";
    }
    return null;
  }

  /** A shipped message file, as key to text. */
  static Map<String, String> bundled(String language) {
    String name = "/i18n/" + language + ".yaml";
    String text;
    try (InputStream in = MessageFiles.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException(name + " is missing from the jar");
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Diagnostics d = new Diagnostics();
    YamlMap map = SafeYaml.readMapping(text, "i18n/" + language + ".yaml", 0, d, "message file");
    if (map == null || d.hasErrors()) {
      throw new IllegalStateException("the theme's " + name + " is broken: " + d.sorted());
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String k : map.keys()) out.put(k, map.string(k, true, "a message"));
    return out;
  }
}
