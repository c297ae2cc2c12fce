package dev.sourced.model;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A dated correction notice shown at the top of an article and on the corrections page. Its text
 * may be written per language ({@code text: {nl: ..., en: ...}}): a correction is one event, said
 * in each language the article is read in.
 */
public record Correction(LocalDate date, String text, Texts texts) {

  /** A correction whose text is the same in every language. */
  public Correction(LocalDate date, String text) {
    this(date, text, Texts.NONE);
  }

  /** This correction with its text in {@code lang} (see {@link Texts#in}). */
  public Correction in(String lang, String defaultLang) {
    if (texts.isEmpty()) return this;
    Map<String, String> fb = new LinkedHashMap<>();
    return new Correction(
        date, texts.in("text", lang, defaultLang, text, fb), texts.withFallbacks(fb));
  }
}
