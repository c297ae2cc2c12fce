package dev.sourced.render;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * The meta description of a page whose front-matter has no {@code summary}: the first words of its
 * text, as Hugo's {@code .Summary} falls back to the start of the content. Without one, search
 * engines make up a snippet and Lighthouse's SEO audit fails the page.
 *
 * <p>The text is that of the body's paragraphs in order, as a reader meets them: a paragraph inside
 * a fact box, figure, table or other aside is left out, and so are citation and footnote marks
 * ({@code <sup>}), which read as stray numbers out of context. Entities are decoded (the template
 * escapes the result once, as it does a summary). When the text is longer than {@link #LIMIT}
 * characters it is cut at the last word boundary that leaves room for an ellipsis, found with ICU's
 * word rules for the page's language (so Thai or Japanese, written without spaces, are cut between
 * words too).
 *
 * <p>Only the start of a body is parsed: paragraphs are taken a few at a time until there is text
 * enough, so a long article costs no more than a short one.
 */
final class PageDescription {
  /** Search engines show about this many characters of a description. */
  static final int LIMIT = 160;

  private static final Set<String> ASIDES =
      Set.of(
          "aside", "figure", "figcaption", "table", "nav", "details", "header", "footer", "form");

  /** Stands for a removed mark while the text is put together (a private-use character). */
  private static final String MARK = String.valueOf(ParagraphText.MARK);

  /** A removed mark with the space before it, and a run of white space (compiled once). */
  private static final Pattern MARKS = Pattern.compile("\\s*" + MARK + "+");

  private PageDescription() {}

  /** The description from a body's HTML, or null when the body has no paragraph text. */
  static String of(String bodyHtml, ULocale locale) {
    if (bodyHtml == null || bodyHtml.isEmpty()) return null;
    String text = "";
    int paragraphs = 2;
    while (true) {
      int end = endOfParagraph(bodyHtml, paragraphs);
      text = text(end < 0 ? bodyHtml : bodyHtml.substring(0, end));
      if (end < 0 || text.length() > LIMIT) break;
      paragraphs *= 2;
    }
    if (text.isEmpty()) return null;
    return cut(text, locale);
  }

  /** Where the {@code n}-th {@code </p>} ends, or -1 when the body has fewer. */
  private static int endOfParagraph(String html, int n) {
    int at = 0;
    for (int i = 0; i < n; i++) {
      int close = html.indexOf("</p>", at);
      if (close < 0) return -1;
      at = close + 4;
    }
    return at;
  }

  private static String text(String html) {
    // The renderer's own markup is read as it is; anything else (raw HTML) is parsed.
    String joined = ParagraphText.of(html);
    if (joined == null) joined = parsed(html);
    String text = joined.indexOf(MARK) < 0 ? joined : MARKS.matcher(joined).replaceAll("");
    return spaced(text).strip();
  }

  /** Each run of white space as one space, as {@code text.replaceAll("\\s+", " ")} does. */
  static String spaced(String text) {
    StringBuilder out = null;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (!isRegexSpace(c)) {
        if (out != null) out.append(c);
        continue;
      }
      int end = i + 1;
      while (end < n && isRegexSpace(text.charAt(end))) end++;
      if (out == null) {
        if (c == ' ' && end == i + 1) continue; // already one space
        out = new StringBuilder(n).append(text, 0, i);
      }
      out.append(' ');
      i = end - 1;
    }
    return out == null ? text : out.toString();
  }

  /** Regex's {@code \\s}: space, tab, new line, vertical tab, form feed, carriage return. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }

  /** The paragraphs' texts as an HTML parser reads them, joined as ParagraphText joins them. */
  static String parsed(String html) {
    Document doc = Jsoup.parseBodyFragment(html);
    // A mark leaves a stand-in, so that the space written before it goes too ("accounts.").
    for (Element sup : doc.getElementsByTag("sup")) sup.replaceWith(new TextNode(MARK));
    StringBuilder out = new StringBuilder();
    for (Element p : doc.body().getElementsByTag("p")) {
      if (inAside(p)) continue;
      String t = p.text().strip();
      if (t.isEmpty()) continue;
      if (out.length() > 0) out.append(' ');
      out.append(t);
    }
    return out.toString();
  }

  private static boolean inAside(Element p) {
    for (Element e = p.parent(); e != null; e = e.parent()) {
      if (ASIDES.contains(e.normalName())) return true;
    }
    return false;
  }

  /** Each rendering thread's word-break iterators, by locale, kept for the next page. */
  private static final ThreadLocal<Map<ULocale, BreakIterator>> WORDS =
      ThreadLocal.withInitial(HashMap::new);

  private static BreakIterator wordBreaks(ULocale locale) {
    return WORDS.get().computeIfAbsent(locale, BreakIterator::getWordInstance);
  }

  /** The text if it fits, else cut at a word boundary with an ellipsis. */
  static String cut(String text, ULocale locale) {
    if (text.length() <= LIMIT) return text;
    int room = LIMIT - 1;
    BreakIterator words = wordBreaks(locale);
    words.setText(text);
    int at = words.preceding(room + 1);
    // A first word longer than the room (an address) is cut where the room ends.
    if (at <= 0) at = room;
    if (Character.isLowSurrogate(text.charAt(at)) && at > 0) at--;
    String head = text.substring(0, at).stripTrailing();
    // A comma or dash left at the cut is dropped: the ellipsis takes its place.
    while (!head.isEmpty() && ",;:–—-".indexOf(head.charAt(head.length() - 1)) >= 0) {
      head = head.substring(0, head.length() - 1).stripTrailing();
    }
    return head + "…";
  }
}
