package dev.sourced.model;

import dev.sourced.diag.SourcePosition;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One figure for a fact, as one or more sources give it. Either {@code number} is set, or {@code
 * text} holds a figure no number can stand for ("hundreds of millions"). {@code scope} says what
 * the figure covers when sources disagree; {@code asOf} is null when the fact's own date applies.
 * {@code caveat} is the source's own reservation about the figure ("according to the Daily Mail, as
 * cited by DutchNews"), shown wherever the figure is; null when there is none.
 */
public record FactValue(
    BigDecimal number,
    String text,
    Qualifier qualifier,
    List<String> sources,
    String scope,
    PartialDate asOf,
    String caveat,
    SourcePosition declaredAt,
    Texts texts) {

  public FactValue {
    if (texts == null) texts = Texts.NONE;
  }

  /** A value whose scope and caveat are one text for every language. */
  public FactValue(
      BigDecimal number,
      String text,
      Qualifier qualifier,
      List<String> sources,
      String scope,
      PartialDate asOf,
      String caveat,
      SourcePosition declaredAt) {
    this(number, text, qualifier, sources, scope, asOf, caveat, declaredAt, Texts.NONE);
  }

  /** This value with its scope, caveat and text (a figure in words) in one language. */
  public FactValue in(String lang, String defaultLang) {
    if (texts.isEmpty()) return this;
    Map<String, String> fb = new LinkedHashMap<>();
    return new FactValue(
        number,
        texts.in("text", lang, defaultLang, text, fb),
        qualifier,
        sources,
        texts.in("scope", lang, defaultLang, scope, fb),
        asOf,
        texts.in("caveat", lang, defaultLang, caveat, fb),
        declaredAt,
        texts.withFallbacks(fb));
  }

  public boolean isNumber() {
    return number != null;
  }
}
