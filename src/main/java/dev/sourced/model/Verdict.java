package dev.sourced.model;

/**
 * The one verdict scale, documented on the generated methodology page. The rating value is the
 * numeric form in schema.org {@code ClaimReview} (1 = false ... 5 = true; unproven has none). A
 * verdict's name and meaning are words the reader sees, so they live in the message files ({@code
 * verdict.KEY} and {@code verdict.KEY.meaning}), never here.
 */
public enum Verdict {
  TRUE("true", 5),
  MOSTLY_TRUE("mostly-true", 4),
  MIXED("mixed", 3),
  MOSTLY_FALSE("mostly-false", 2),
  FALSE("false", 1),
  UNPROVEN("unproven", 0);

  /** The best rating on the scale, for "rating 4 of 5". */
  public static final int BEST = 5;

  private final String key;
  private final int rating;

  Verdict(String key, int rating) {
    this.key = key;
    this.rating = rating;
  }

  public String key() {
    return key;
  }

  /** The message key of the verdict's name ("verdict.mostly-true"). */
  public String messageKey() {
    return "verdict." + key;
  }

  /** 1..5 on the schema.org scale (worst 1, best 5); 0 for unproven, which has no rating. */
  public int rating() {
    return rating;
  }

  public static Verdict fromKey(String key) {
    for (Verdict v : values()) if (v.key.equals(key)) return v;
    return null;
  }
}
