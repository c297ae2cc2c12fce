package dev.sourced.model;

/**
 * The one verdict scale, documented on the generated methodology page. The rating value is the
 * numeric form in schema.org {@code ClaimReview} (1 = false ... 5 = true; unproven has none).
 */
public enum Verdict {
  TRUE("true", "True", 5, "The claim is accurate and nothing significant is missing."),
  MOSTLY_TRUE(
      "mostly-true",
      "Mostly true",
      4,
      "The claim is accurate but needs clarification or leaves out context."),
  MIXED("mixed", "Mixed", 3, "The claim is partly accurate and partly wrong."),
  MOSTLY_FALSE(
      "mostly-false",
      "Mostly false",
      2,
      "The claim has an element of truth but ignores facts that change the impression."),
  FALSE("false", "False", 1, "The claim is not accurate."),
  UNPROVEN(
      "unproven",
      "Unproven",
      0,
      "The evidence available does not allow the claim to be confirmed or refuted.");

  private final String key;
  private final String label;
  private final int rating;
  private final String meaning;

  Verdict(String key, String label, int rating, String meaning) {
    this.key = key;
    this.label = label;
    this.rating = rating;
    this.meaning = meaning;
  }

  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  /** 1..5 on the schema.org scale (worst 1, best 5); 0 for unproven, which has no rating. */
  public int rating() {
    return rating;
  }

  public String meaning() {
    return meaning;
  }

  public static Verdict fromKey(String key) {
    for (Verdict v : values()) if (v.key.equals(key)) return v;
    return null;
  }
}
