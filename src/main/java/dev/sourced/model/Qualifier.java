package dev.sourced.model;

/**
 * How exact a figure is: "about 70,000", "more than 80 million", "almost 20 million" (just under:
 * not the same as "about", which may be either side). The words are message texts ({@code
 * qualifier.KEY}), so each language puts them where its grammar wants them.
 */
public enum Qualifier {
  EXACT("exact"),
  ABOUT("about"),
  ALMOST("almost"),
  MORE_THAN("more-than"),
  LESS_THAN("less-than"),
  AT_LEAST("at-least"),
  UP_TO("up-to");

  private final String key;

  Qualifier(String key) {
    this.key = key;
  }

  /** The word authors write in front-matter ({@code qualifier: more-than}). */
  public String key() {
    return key;
  }

  public static Qualifier fromKey(String key) {
    for (Qualifier q : values()) if (q.key.equals(key)) return q;
    return null;
  }
}
