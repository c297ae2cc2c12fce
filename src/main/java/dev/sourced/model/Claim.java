package dev.sourced.model;

import dev.sourced.diag.SourcePosition;
import java.time.LocalDate;
import java.util.List;

/** A checked statement: who said what and when, the verdict, why, and the sources for it. */
public record Claim(
    String id,
    String claim,
    String claimant,
    LocalDate date,
    Verdict verdict,
    String explanation,
    List<String> sources,
    SourcePosition declaredAt) {}
