package dev.sourced.render;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How search reads text, the same in the build and in the theme's {@code search.js}: accents
 * dropped (Unicode NFD without its combining marks, so "négociation" is found by "negociation"),
 * lower case, split at every character that is not a letter or a digit; words of one character are
 * left out, and words longer than {@link #LONGEST} are cut there.
 */
final class SearchTerms {
  /** Longer words are indexed by their first characters (a query is cut the same way). */
  static final int LONGEST = 24;

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");

  private SearchTerms() {}

  /**
   * Adds each word of {@code text} to {@code weights} with {@code weight}, keeping the highest
   * weight a word already has.
   */
  static void add(String text, int weight, Map<String, Integer> weights) {
    if (text == null || text.isEmpty()) return;
    String s = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    s = s.toLowerCase(Locale.ROOT);
    int start = -1;
    for (int i = 0; i <= s.length(); i++) {
      boolean word = i < s.length() && Character.isLetterOrDigit(s.charAt(i));
      if (word && start < 0) start = i;
      if (!word && start >= 0) {
        if (i - start > 1) {
          String term = s.substring(start, Math.min(i, start + LONGEST));
          weights.merge(term, weight, Math::max);
        }
        start = -1;
      }
    }
  }

  /** The words of a text, each with the weight given. */
  static Map<String, Integer> of(String text, int weight) {
    Map<String, Integer> m = new LinkedHashMap<>();
    add(text, weight, m);
    return m;
  }

  /**
   * The text of an article body's HTML: tags and the markers where the site's figures go are
   * dropped (the facts are indexed themselves), and the few entities the renderer writes read.
   */
  static String bodyText(String html) {
    String s = TAG.matcher(html).replaceAll(" ").replace('\u0000', ' ');
    return s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&");
  }
}
