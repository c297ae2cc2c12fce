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

  private SearchTerms() {}

  /**
   * Adds each word of {@code text} to {@code weights} with {@code weight}, keeping the highest
   * weight a word already has.
   */
  static void add(String text, int weight, Map<String, Integer> weights) {
    if (text != null) scan(text, false, weight, weights);
  }

  /**
   * Adds the words of an article body's HTML: tags, entities ({@code &amp;} and the like, all
   * between words) and the markers where the site's figures go (the facts are indexed themselves)
   * are not words.
   */
  static void addHtml(String html, int weight, Map<String, Integer> weights) {
    scan(html, true, weight, weights);
  }

  /**
   * One pass over the text, without copies of it: a word of ASCII letters and digits is lowered as
   * it is read; only a word with other characters goes through normalisation. (A body is read once
   * per build, so this is the index's main cost.)
   */
  private static void scan(String s, boolean html, int weight, Map<String, Integer> weights) {
    StringBuilder word = new StringBuilder(LONGEST);
    boolean plain = true;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char ch = s.charAt(i);
      if (html && (ch == '<' || ch == '&')) {
        flush(word, plain, weight, weights);
        plain = true;
        int close = s.indexOf(ch == '<' ? '>' : ';', i);
        if (close > 0 && (ch == '<' || close - i <= 10)) i = close;
        continue;
      }
      if (ch < 128) {
        if (ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9') word.append(ch);
        else if (ch >= 'A' && ch <= 'Z') word.append((char) (ch + 32));
        else {
          flush(word, plain, weight, weights);
          plain = true;
        }
      } else if (Character.isLetterOrDigit(ch)
          || Character.isSurrogate(ch)
          || Character.getType(ch) == Character.NON_SPACING_MARK
          || Character.getType(ch) == Character.COMBINING_SPACING_MARK) {
        word.append(ch);
        plain = false;
      } else {
        flush(word, plain, weight, weights);
        plain = true;
      }
    }
    flush(word, plain, weight, weights);
  }

  private static void flush(
      StringBuilder word, boolean plain, int weight, Map<String, Integer> weights) {
    if (word.length() == 0) return;
    String w = word.toString();
    word.setLength(0);
    if (!plain) {
      w = MARKS.matcher(Normalizer.normalize(w, Normalizer.Form.NFD)).replaceAll("");
      w = w.toLowerCase(Locale.ROOT);
    }
    if (w.length() < 2) return;
    if (w.length() > LONGEST) w = w.substring(0, LONGEST);
    weights.merge(w, weight, Math::max);
  }

  /** The words of a text, each with the weight given. */
  static Map<String, Integer> of(String text, int weight) {
    Map<String, Integer> m = new LinkedHashMap<>();
    add(text, weight, m);
    return m;
  }
}
