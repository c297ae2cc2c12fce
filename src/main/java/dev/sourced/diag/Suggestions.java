package dev.sourced.diag;

import java.util.Collection;

/** "Did you mean": the known name closest to a mistyped one, by edit distance. */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The nearest candidate within a distance that still looks like a typo (a third of the name's
   * length, at least 2), or null. Ties go to the alphabetically first, so output is stable.
   */
  public static String nearest(String wanted, Collection<String> candidates) {
    int limit = Math.max(2, wanted.length() / 3);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      if (Math.abs(c.length() - wanted.length()) > limit) continue;
      int d = distance(wanted, c, limit);
      if (d <= limit && (d < bestDistance || (d == bestDistance && c.compareTo(best) < 0))) {
        best = c;
        bestDistance = d;
      }
    }
    return best;
  }

  /** A hint sentence for an unknown name: {@code did you mean "x"?}, or the fallback. */
  public static String hint(String wanted, Collection<String> candidates, String fallback) {
    String near = nearest(wanted, candidates);
    return near == null ? fallback : "did you mean \"" + near + "\"?";
  }

  /** Levenshtein distance, giving up (returning limit + 1) once every row exceeds the limit. */
  static int distance(String a, String b, int limit) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
        rowMin = Math.min(rowMin, cur[j]);
      }
      if (rowMin > limit) return limit + 1;
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
