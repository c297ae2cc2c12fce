package dev.sourced.parse;

import dev.sourced.diag.Code;
import dev.sourced.diag.Diagnostics;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;

/**
 * "Citation needed", automated: finds figures in an article's prose that are not facts and warns
 * about each at its position. A figure is a number of three or more digits, a percentage, an amount
 * of money, or a number with thousand/million/billion (in digits or words). Four-digit years and
 * dates are not figures; code, link addresses, raw HTML and a heading's numbering are not looked at
 * ({@link BodyScan} does not visit them). Facts ({@code {{fact:ID}}}) and figures marked {@code
 * {{nosource:...}}} are nodes of their own, so they are never seen here.
 */
final class FigureScanner {
  private static final String WORD_NUMBER =
      "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
          + "|forty|fifty|sixty|seventy|eighty|ninety|a hundred|hundreds|several|dozens|tens"
          + "|a few|some)";
  private static final String DIGITS =
      "\\d{1,3}(?:[,.\u00a0 ]\\d{3})+(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)?";
  private static final String SCALE = "(?:thousand|million|billion|trillion)s?\\b|(?:bn|m)\\b";
  private static final Pattern FIGURE =
      Pattern.compile(
          "(?i)(?:[€$£]\\s?|\\b(?:EUR|USD|GBP)\\s?)(?:"
              + DIGITS
              + ")(?:\\s?(?:"
              + SCALE
              + "))?"
              + "|\\b(?:"
              + DIGITS
              + ")\\s?(?:%|percent\\b|per cent\\b)"
              + "|\\b(?:"
              + DIGITS
              + "|"
              + WORD_NUMBER
              + ")(?:\\s|-)(?:of\\s)?"
              + "(?:thousand|million|billion|trillion)s?\\b"
              + "|\\b(?:"
              + DIGITS
              + ")(?:\\s?(?:euros?|dollars?|pounds?)\\b)"
              + "|(?<![\\w.,-])(?:\\d{1,3}(?:[,.]\\d{3})+|\\d{3,})(?:[.,]\\d+)?(?![\\w-])");
  private static final Pattern YEAR = Pattern.compile("1[0-9]{3}|20[0-9]{2}|2100");
  private static final Pattern HEADING_NUMBER = Pattern.compile("^\\s*\\d+(?:\\.\\d+)*\\.?\\s");
  private static final Pattern ISO_DATE_AFTER = Pattern.compile("^-\\d{2}-\\d{2}");

  private FigureScanner() {}

  static void scan(Text text, BodyScan scan, Diagnostics diagnostics) {
    String s = text.getLiteral();
    if (!mayHoldFigure(s)) return;
    int skip = 0;
    if (text.getParent() instanceof Heading && text.getPrevious() == null) {
      Matcher h = HEADING_NUMBER.matcher(s);
      if (h.find()) skip = h.end();
    }
    Matcher m = FIGURE.matcher(s);
    m.region(skip, s.length());
    while (m.find()) {
      String figure = m.group().strip();
      if (YEAR.matcher(figure).matches() || isDate(s, m.end())) continue;
      diagnostics.warning(
          scan.position(text, m.start()),
          Code.FIGURE_WITHOUT_FACT,
          "figure \"" + figure + "\" without a fact",
          "declare it as a fact with its source and write {{fact:ID}}, or write "
              + "{{nosource:"
              + figure
              + "}} if it needs no source");
    }
  }

  /** A bare URL made into a link by the autolink extension: an address, not prose. */
  static boolean isBareUrl(Link link) {
    Node only = link.getFirstChild();
    return only instanceof Text t
        && only.getNext() == null
        && t.getLiteral().equals(withoutMailto(link.getDestination()));
  }

  private static String withoutMailto(String destination) {
    return destination.startsWith("mailto:") ? destination.substring(7) : destination;
  }

  /**
   * A cheap test that skips the full pattern for text with no digit, currency or percent sign and
   * no "million", "billion" or "thousand" (in any case). One pass over the characters.
   */
  static boolean mayHoldFigure(String s) {
    char[] a = s.toCharArray();
    for (int i = 0; i < a.length; i++) {
      char c = a[i];
      if ((c >= '0' && c <= '9') || c == '%' || c == '€' || c == '$' || c == '£') return true;
      char lower = (char) (c | 0x20);
      if (lower == 'i' && startsWith(a, i, "illion")) return true;
      if (lower == 't' && startsWith(a, i, "thousand")) return true;
    }
    return false;
  }

  /** Whether {@code word} (lowercase ASCII) stands at {@code at}, in any case. */
  private static boolean startsWith(char[] a, int at, String word) {
    if (at + word.length() > a.length) return false;
    for (int k = 0; k < word.length(); k++) {
      char c = a[at + k];
      if (c >= 'A' && c <= 'Z') c = (char) (c | 0x20);
      if (c != word.charAt(k)) return false;
    }
    return true;
  }

  /** "2021-03-09": the matched year is the start of an ISO date. */
  private static boolean isDate(String s, int end) {
    return ISO_DATE_AFTER.matcher(s.substring(end, Math.min(s.length(), end + 6))).find();
  }
}
