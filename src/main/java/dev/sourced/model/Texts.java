package dev.sourced.model;

import dev.sourced.diag.SourcePosition;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A declaration's text fields in the languages they are written in. A source, fact or claim is
 * declared once for every language; its words (a fact's label, a claim's text) may be one string
 * for all languages or one per language ({@code label: {nl: Gebruikers, en: Users}}). The record's
 * own string fields hold the default language's text, so a site in one language never looks here; a
 * language's pages ask {@link Fact#in} (and the like) for a copy in their language.
 *
 * <p>{@code byField} has an entry only for fields written per language; {@code fallbacks} is set on
 * a copy made for one language and names, per field, the language whose text it shows because its
 * own is missing, so a page can say the text is not yet translated rather than mix languages.
 */
public record Texts(
    Map<String, Map<String, String>> byField,
    Map<String, SourcePosition> at,
    Map<String, String> fallbacks) {

  public static final Texts NONE = new Texts(Map.of(), Map.of(), Map.of());

  public Texts {
    // In the order written: the first text is the fallback where the default language has none.
    Map<String, Map<String, String>> fields = new LinkedHashMap<>();
    byField.forEach((k, v) -> fields.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
    byField = Collections.unmodifiableMap(fields);
    at = Collections.unmodifiableMap(new LinkedHashMap<>(at));
    fallbacks = Collections.unmodifiableMap(new LinkedHashMap<>(fallbacks));
  }

  public boolean isEmpty() {
    return byField.isEmpty();
  }

  /**
   * A field's text in one language: its own, else (recorded in {@code fallbacks}) the default
   * language's, else the first written. {@code plain} is the field as the record holds it, for a
   * field written once for all languages.
   */
  public String in(
      String field,
      String lang,
      String defaultLang,
      String plain,
      Map<String, String> fallbacksOut) {
    Map<String, String> texts = byField.get(field);
    if (texts == null || texts.isEmpty()) return plain;
    String own = texts.get(lang);
    if (own != null) return own;
    String via = texts.containsKey(defaultLang) ? defaultLang : texts.keySet().iterator().next();
    fallbacksOut.put(field, via);
    return texts.get(via);
  }

  /** The language whose text a field shows in place of a missing translation, or null. */
  public String fallback(String field) {
    return fallbacks.get(field);
  }

  /** This record with the fallbacks of a copy for one language. */
  public Texts withFallbacks(Map<String, String> f) {
    return new Texts(byField, at, new LinkedHashMap<>(f));
  }
}
