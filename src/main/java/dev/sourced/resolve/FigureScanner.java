package dev.sourced.resolve;

import dev.sourced.diag.Diagnostics;
import dev.sourced.diag.SourcePosition;
import dev.sourced.parse.ParsedPage;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;

/**
 * "Citation needed", automated: finds figures in an article's prose that are not facts and warns
 * about each at its position. A figure is a number of three or more digits, a percentage, an
 * amount of money, or a number with thousand/million/billion (in digits or words). Four-digit
 * years and dates are not figures; nothing in code, link addresses, raw HTML or a heading's
 * numbering is looked at. Facts ({@code {{fact:ID}}}) and figures marked {@code
 * {{nosource:...}}} are separate nodes, so they are never seen here.
 */
final class FigureScanner {
  private static final String WORD_NUMBER =
      "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
          + "|forty|fifty|sixty|seventy|eighty|ninety|a hundred|hundreds|several|dozens|tens"
          + "|a few|some)";
  private static final String DIGITS = "\\d{1,3}(?:[,.\u00a0 ]\\d{3})+(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)?";
  private static final String SCALE = "(?:thousand|million|billion|trillion)s?\\b|(?:bn|m)\\b";
  private static final Pattern FIGURE = Pattern.compile(
      "(?i)(?:[€$£]\\s?|\\b(?:EUR|USD|GBP)\\s?)(?:" + DIGITS + ")(?:\\s?(?:" + SCALE + "))?"
          + "|\\b(?:" + DIGITS + ")\\s?(?:%|percent\\b|per cent\\b)"
          + "|\\b(?:" + DIGITS + "|" + WORD_NUMBER + ")(?:\\s|-)(?:of\\s)?(?:thousand|million|billion|trillion)s?\\b"
          + "|\\b(?:" + DIGITS + ")(?:\\s?(?:euros?|dollars?|pounds?)\\b)"
          + "|(?<![\\w.,-])(?:\\d{1,3}(?:[,.]\\d{3})+|\\d{3,})(?:[.,]\\d+)?(?![\\w-])");
  private static final Pattern YEAR = Pattern.compile("1[0-9]{3}|20[0-9]{2}|2100");
  private static final Pattern HEADING_NUMBER = Pattern.compile("^\\s*\\d+(?:\\.\\d+)*\\.?\\s");

  private FigureScanner() {}

  static void scan(ParsedPage page, Diagnostics diagnostics) {
    page.body().accept(new AbstractVisitor() {
      @Override
      public void visit(Code code) {}

      @Override
      public void visit(FencedCodeBlock block) {}

      @Override
      public void visit(IndentedCodeBlock block) {}

      @Override
      public void visit(HtmlBlock block) {}

      @Override
      public void visit(HtmlInline html) {}

      @Override
      public void visit(Link link) {
        // A bare URL made into a link by the autolink extension is an address, not prose.
        Node only = link.getFirstChild();
        if (only instanceof Text t && only.getNext() == null
            && t.getLiteral().equals(link.getDestination().replaceFirst("^mailto:", ""))) {
          return;
        }
        visitChildren(link);
      }

      @Override
      public void visit(Text text) {
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
          if (YEAR.matcher(figure).matches() || isDate(s, m.start(), m.end())) continue;
          diagnostics.warning(position(page, text, m.start()), "figure-without-fact",
              "figure \"" + figure + "\" without a fact",
              "declare it as a fact with its source and write {{fact:ID}}, or write "
                  + "{{nosource:" + figure + "}} if it needs no source");
        }
      }
    });
  }

  /** A cheap test that skips the full pattern for text with no digit and no scale word. */
  static boolean mayHoldFigure(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= '0' && c <= '9') || c == '%' || c == '€' || c == '$' || c == '£') return true;
    }
    String lower = s.toLowerCase(java.util.Locale.ROOT);
    return lower.contains("illion") || lower.contains("thousand");
  }

  /** "9 March 2021", "March 2021", "2021-03-09": the matched number is part of a date. */
  private static boolean isDate(String s, int start, int end) {
    String after = s.substring(end, Math.min(s.length(), end + 12)).toLowerCase();
    String before = s.substring(Math.max(0, start - 10), start).toLowerCase();
    return after.matches("^-\\d{2}-\\d{2}.*") || before.matches(".*\\d{4}-\\d{2}-$");
  }

  private static SourcePosition position(ParsedPage page, Text text, int offset) {
    List<SourceSpan> spans = text.getSourceSpans();
    if (spans.isEmpty()) return new SourcePosition(page.path(), 0, 0);
    int rest = offset;
    for (SourceSpan span : spans) {
      if (rest < span.getLength() || span == spans.get(spans.size() - 1)) {
        return new SourcePosition(page.path(), page.fileLine(span.getLineIndex()),
            span.getColumnIndex() + Math.min(rest, Math.max(0, span.getLength() - 1)) + 1);
      }
      rest -= span.getLength() + 1;
    }
    return new SourcePosition(page.path(), 0, 0);
  }
}
