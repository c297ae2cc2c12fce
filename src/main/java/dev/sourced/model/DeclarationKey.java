package dev.sourced.model;

import dev.sourced.diag.Code;
import java.util.Locale;

/**
 * Which declaration a use, a home or a refusal is about: a source, a fact or a claim, by its ID.
 * IDs are global per kind, so the pair is the key wherever the build keeps declarations apart (the
 * homes of facts and claims, the declarations that were refused and must not be reported again as
 * unknown).
 */
public record DeclarationKey(Kind kind, String id) {

  /** The kinds of declaration, with the word authors write for them. */
  public enum Kind {
    SOURCE("source", Code.UNKNOWN_SOURCE),
    FACT("fact", Code.UNKNOWN_FACT),
    CLAIM("claim", Code.UNKNOWN_CLAIM);

    private final String word;
    private final Code unknown;

    Kind(String word, Code unknown) {
      this.word = word;
      this.unknown = unknown;
    }

    /** The word in front-matter ({@code facts:}) and messages ("unknown fact"). */
    public String word() {
      return word;
    }

    /** The code of a use of an ID that no declaration of this kind has. */
    public Code unknown() {
      return unknown;
    }
  }

  public static DeclarationKey source(String id) {
    return new DeclarationKey(Kind.SOURCE, id);
  }

  public static DeclarationKey fact(String id) {
    return new DeclarationKey(Kind.FACT, id);
  }

  public static DeclarationKey claim(String id) {
    return new DeclarationKey(Kind.CLAIM, id);
  }

  /**
   * The key two declarations collide on: sources get pages of their own ({@code /sources/ID/}), so
   * source IDs that differ only by case would collide on case-insensitive file systems and count as
   * one.
   */
  public DeclarationKey collisionKey() {
    return kind == Kind.SOURCE ? new DeclarationKey(kind, id.toLowerCase(Locale.ROOT)) : this;
  }

  @Override
  public String toString() {
    return kind.word + ":" + id;
  }
}
