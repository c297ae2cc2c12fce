package dev.sourced.i18n;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.util.ULocale;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every word the theme shows, in one language: the texts of the bundled message file for that
 * language ({@code /i18n/nl.yaml} in the jar), overridden key by key by the site's own ({@code
 * i18n/nl.yaml}). Texts are ICU message patterns, so plural forms follow the language's CLDR plural
 * rules: {@code "{count, plural, one {# bron} other {# bronnen}}"}; numbers inside them are written
 * in the language's locale.
 *
 * <p>Built once per language by {@link MessageFiles} and then immutable; it is shared by every
 * rendering thread. ICU's {@code MessageFormat} is not thread-safe, so a text with arguments is
 * formatted under its pattern's lock; texts without arguments are formatted once, when loaded.
 */
public final class Messages {
  private final String language;
  private final ULocale locale;
  private final Map<String, String> plain;
  private final Map<String, MessageFormat> patterns;

  Messages(String language, ULocale locale, Map<String, String> texts) {
    this.language = language;
    this.locale = locale;
    Map<String, String> p = new HashMap<>();
    Map<String, MessageFormat> f = new HashMap<>();
    for (Map.Entry<String, String> e : texts.entrySet()) {
      MessageFormat mf = new MessageFormat(e.getValue(), locale);
      if (mf.getArgumentNames().isEmpty()) p.put(e.getKey(), mf.format(Map.of()));
      else f.put(e.getKey(), mf);
    }
    this.plain = Map.copyOf(p);
    this.patterns = Map.copyOf(f);
  }

  /** The language these texts are in, as {@code sourced.yaml} names it ("nl"). */
  public String language() {
    return language;
  }

  /** The locale that writes numbers inside texts. */
  public ULocale locale() {
    return locale;
  }

  public boolean has(String key) {
    return plain.containsKey(key) || patterns.containsKey(key);
  }

  public Set<String> keys() {
    Set<String> all = new TreeSet<>(plain.keySet());
    all.addAll(patterns.keySet());
    return all;
  }

  /** A text without arguments. */
  public String text(String key) {
    String s = plain.get(key);
    if (s != null) return s;
    if (patterns.containsKey(key)) return format(key, Map.of());
    throw new IllegalArgumentException("no message \"" + key + "\" (a theme bug)");
  }

  /**
   * A text with named arguments: {@code format("sources.cited_in", Map.of("count", 2))}. Numbers
   * choose the plural form and are written in the locale.
   */
  public String format(String key, Map<String, ?> args) {
    MessageFormat mf = patterns.get(key);
    if (mf == null) {
      String s = plain.get(key);
      if (s != null) return s;
      throw new IllegalArgumentException("no message \"" + key + "\" (a theme bug)");
    }
    synchronized (mf) {
      return mf.format(args);
    }
  }

  /** Shorthand for one argument. */
  public String format(String key, String name, Object value) {
    return format(key, Map.of(name, value));
  }

  /** A text's pattern as written, for the reader's scripts, which fill in {@code {name}} alone. */
  public String pattern(String key) {
    MessageFormat mf = patterns.get(key);
    if (mf != null) return mf.toPattern();
    String s = plain.get(key);
    if (s == null) throw new IllegalArgumentException("no message \"" + key + "\" (a theme bug)");
    return s;
  }

  /**
   * The forms of a text that is one plural argument ({@code {count, plural, one {# result} other {#
   * results}}}), by CLDR plural category ("one", "other"; explicit values such as "=0" too), each
   * with {@code #} where the number goes. The reader's scripts pick a form with the browser's
   * {@code Intl.PluralRules}, which applies the same CLDR rules.
   */
  public Map<String, String> pluralForms(String key) {
    String source = pattern(key);
    MessagePattern mp = new MessagePattern(source);
    Map<String, String> forms = new LinkedHashMap<>();
    int n = mp.countParts();
    if (n < 3
        || mp.getPartType(1) != MessagePattern.Part.Type.ARG_START
        || mp.getPart(1).getArgType() != MessagePattern.ArgType.PLURAL) {
      forms.put("other", source);
      return forms;
    }
    for (int i = 2; i < n; i++) {
      var part = mp.getPart(i);
      if (part.getType() != MessagePattern.Part.Type.ARG_SELECTOR) continue;
      String selector = mp.getSubstring(part);
      int start = i + 1;
      if (mp.getPartType(start).hasNumericValue()) start++;
      int limit = mp.getLimitPartIndex(start);
      forms.put(
          selector, source.substring(mp.getPart(start).getLimit(), mp.getPart(limit).getIndex()));
      i = limit;
    }
    return forms;
  }

  /** The argument names a key's text uses, for checking a site's override against the theme. */
  List<String> argumentNames(String key) {
    MessageFormat mf = patterns.get(key);
    return mf == null ? List.of() : List.copyOf(mf.getArgumentNames());
  }
}
