package dev.sourced.model;

import dev.sourced.diag.SourcePosition;
import java.math.BigDecimal;
import java.util.List;

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
    SourcePosition declaredAt) {

  public boolean isNumber() {
    return number != null;
  }
}
