package dev.sourced.model;

import dev.sourced.diag.SourcePosition;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A checked statement: who said what and when, the verdict, why, and the sources for it. */
public record Claim(
    String id,
    String claim,
    String claimant,
    LocalDate date,
    Verdict verdict,
    String explanation,
    List<String> sources,
    SourcePosition declaredAt,
    Texts texts) {

  public Claim {
    if (texts == null) texts = Texts.NONE;
  }

  /** A claim whose words are one text for every language. */
  public Claim(
      String id,
      String claim,
      String claimant,
      LocalDate date,
      Verdict verdict,
      String explanation,
      List<String> sources,
      SourcePosition declaredAt) {
    this(id, claim, claimant, date, verdict, explanation, sources, declaredAt, Texts.NONE);
  }

  /** This claim as one language's pages show it; see {@link Fact#in}. */
  public Claim in(String lang, String defaultLang) {
    if (texts.isEmpty()) return this;
    Map<String, String> fb = new LinkedHashMap<>();
    return new Claim(
        id,
        texts.in("claim", lang, defaultLang, claim, fb),
        texts.in("claimant", lang, defaultLang, claimant, fb),
        date,
        verdict,
        texts.in("explanation", lang, defaultLang, explanation, fb),
        sources,
        declaredAt,
        texts.withFallbacks(fb));
  }
}
