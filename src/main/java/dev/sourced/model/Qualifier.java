package dev.sourced.model;

/**
 * How exact a figure is: "about 70,000", "more than 80 million", "almost 20 million" (just under:
 * not the same as "about", which may be either side).
 */
public enum Qualifier {
  EXACT("exact", ""),
  ABOUT("about", "about"),
  ALMOST("almost", "almost"),
  MORE_THAN("more-than", "more than"),
  LESS_THAN("less-than", "less than"),
  AT_LEAST("at-least", "at least"),
  UP_TO("up-to", "up to");

  private final String key;
  private final String english;

  Qualifier(String key, String english) {
    this.key = key;
    this.english = english;
  }

  /** The word authors write in front-matter ({@code qualifier: more-than}). */
  public String key() {
    return key;
  }

  public String english() {
    return english;
  }

  public static Qualifier fromKey(String key) {
    for (Qualifier q : values()) if (q.key.equals(key)) return q;
    return null;
  }
}
