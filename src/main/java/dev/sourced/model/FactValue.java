package dev.sourced.model;

import dev.sourced.diag.SourcePosition;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One figure for a fact, as one or more sources give it. Either {@code number} is set, or {@code
 * text} holds a figure no number can stand for ("hundreds of millions"). {@code scope} says what
 * the figure covers when sources disagree; {@code asOf} is null when the fact's own date applies.
 */
public record FactValue(
    BigDecimal number,
    String text,
    Qualifier qualifier,
    List<String> sources,
    String scope,
    LocalDate asOf,
    SourcePosition declaredAt) {

  public boolean isNumber() {
    return number != null;
  }
}
