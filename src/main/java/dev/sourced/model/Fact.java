package dev.sourced.model;

import dev.sourced.diag.SourcePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A figure declared once and used anywhere: one value, or several where sources disagree ({@code
 * values} has more than one entry and {@code use} picks the one the prose shows).
 *
 * @param compact whether numbers read "80 million" rather than "80,000,000"
 * @param disputed whether an editor declared the values disputed ({@code status: disputed}), with a
 *     {@code note} saying why
 */
public record Fact(
    String id,
    String label,
    String unit,
    boolean compact,
    PartialDate asOf,
    boolean disputed,
    String note,
    List<FactValue> values,
    int use,
    SourcePosition declaredAt,
    Texts texts) {

  public Fact {
    if (texts == null) texts = Texts.NONE;
  }

  /** A fact whose words are one text for every language. */
  public Fact(
      String id,
      String label,
      String unit,
      boolean compact,
      PartialDate asOf,
      boolean disputed,
      String note,
      List<FactValue> values,
      int use,
      SourcePosition declaredAt) {
    this(id, label, unit, compact, asOf, disputed, note, values, use, declaredAt, Texts.NONE);
  }

  /**
   * This fact as the pages of one language show it: its label, unit, note and its values' scopes
   * and caveats in that language, and where one is missing the default language's text, named in
   * {@link Texts#fallbacks} so the page can mark it. The figures, dates and sources are the same in
   * every language: they are one declaration.
   */
  public Fact in(String lang, String defaultLang) {
    boolean anyValue = values.stream().anyMatch(v -> !v.texts().isEmpty());
    if (texts.isEmpty() && !anyValue) return this;
    Map<String, String> fb = new LinkedHashMap<>();
    List<FactValue> vs = new ArrayList<>();
    for (FactValue v : values) vs.add(v.in(lang, defaultLang));
    return new Fact(
        id,
        texts.in("label", lang, defaultLang, label, fb),
        texts.in("unit", lang, defaultLang, unit, fb),
        compact,
        asOf,
        disputed,
        texts.in("note", lang, defaultLang, note, fb),
        List.copyOf(vs),
        use,
        declaredAt,
        texts.withFallbacks(fb));
  }

  /**
   * The figure the article's prose uses, chosen by the editor ({@code use}). It is the article's
   * choice, not any one source's: where a source is in view, ask {@link #valuesFrom} instead.
   */
  public FactValue usedInText() {
    return values.get(use);
  }

  /**
   * What one source gives for this fact, in declaration order: one value, several (a source that
   * gives a firm and a vague figure), or none when the source is not behind this fact. Every page
   * that shows a fact next to one source reads this, so a source is never credited with a figure
   * another source gave.
   */
  public List<FactValue> valuesFrom(String sourceId) {
    List<FactValue> out = new ArrayList<>();
    for (FactValue v : values) if (v.sources().contains(sourceId)) out.add(v);
    return out;
  }

  public boolean isDisputed() {
    return disputed;
  }

  /** Every source behind any of the values, in order of first mention. */
  public List<String> sourceIds() {
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    for (FactValue v : values) ids.addAll(v.sources());
    return new ArrayList<>(ids);
  }

  /** Disputed when an editor says so; else one source, or several that agree. */
  public FactStatus status() {
    if (disputed) return FactStatus.DISPUTED;
    return sourceIds().size() > 1 ? FactStatus.SEVERAL_SOURCES_AGREE : FactStatus.SINGLE_SOURCE;
  }
}
