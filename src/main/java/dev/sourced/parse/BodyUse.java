package dev.sourced.parse;

import dev.sourced.diag.SourcePosition;

/**
 * One use of an ID in an article's body: {@code {{fact:ID}}}, {@code {{factbox:ID}}}, {@code
 * {{claim:ID}}}, one ID of a citation, or a directive that cannot stand where it is.
 *
 * @param directiveKind for {@link Kind#DIRECTIVE} and {@link Kind#EXPLAINER}, the word before the
 *     colon
 */
public record BodyUse(Kind kind, String id, String directiveKind, SourcePosition at) {
  public enum Kind {
    FACT,
    FACTBOX,
    CLAIM,
    CITATION,
    EXPLAINER,
    DIRECTIVE
  }
}
