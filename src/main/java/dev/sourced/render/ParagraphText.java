package dev.sourced.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The text of a body's paragraphs, read straight from the HTML that sourced's renderer writes: the
 * same text that parsing it with jsoup and joining {@code p.text()} of every paragraph outside an
 * aside gives (see {@link PageDescription}), at a small part of the cost, and without loading an
 * HTML parser on a build whose pages are all of that kind.
 *
 * <p>It reads only markup it knows for certain: lower-case tags from a fixed list, nested as
 * written (every end tag closes the element opened last), quoted attributes, and the entities
 * {@code &amp; &lt; &gt; &quot; &apos; &nbsp;} and numeric ones. Anything an HTML parser would read
 * in a way of its own (an unknown tag or entity, a comment, a block inside a paragraph, which
 * closes it; text directly inside a table, which moves out of it; a list item outside a list) makes
 * it answer null, and the caller parses the HTML instead. Raw HTML in Markdown (off by default) is
 * where that happens.
 *
 * <p>The text follows jsoup's rules: white space (including a no-break space) is one space, soft
 * hyphens and zero-width spaces are dropped, a {@code <br>} is a space, {@code <del>} and {@code
 * <ins>} (blocks to jsoup's text) are spaced off from the text around them, each paragraph's text
 * is trimmed, and a {@code <sup>} (a citation or footnote mark) is replaced by {@link #MARK} with
 * its contents.
 */
final class ParagraphText {
  /** Stands for a removed mark (a private-use character, as in PageDescription). */
  static final char MARK = '\uE000';

  /** Inline to jsoup's text: neither adds a space. */
  static final Set<String> INLINE =
      Set.of(
          "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "dfn", "em", "i", "img",
          "input", "kbd", "mark", "picture", "q", "s", "samp", "small", "source", "span", "strike",
          "strong", "sub", "sup", "time", "u", "var", "wbr");

  /** Allowed inside a paragraph, but blocks to jsoup's text: spaced off from their neighbours. */
  static final Set<String> SPACED = Set.of("del", "ins");

  /** Elements outside paragraphs. */
  static final Set<String> BLOCK =
      Set.of(
          "p",
          "div",
          "section",
          "article",
          "main",
          "aside",
          "nav",
          "header",
          "footer",
          "figure",
          "figcaption",
          "blockquote",
          "ul",
          "ol",
          "li",
          "dl",
          "dt",
          "dd",
          "table",
          "caption",
          "thead",
          "tbody",
          "tfoot",
          "tr",
          "th",
          "td",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "pre",
          "hr",
          "details",
          "summary");

  /** Elements without contents or end tag. */
  private static final Set<String> VOID = Set.of("br", "img", "input", "wbr", "hr", "source");

  /** Whose paragraphs are not the page's own text (PageDescription's asides). */
  private static final Set<String> ASIDES =
      Set.of("aside", "figure", "figcaption", "table", "nav", "details", "header", "footer");

  /** Table parts, in which only the parts below them (and white space) may stand. */
  private static final Set<String> TABLE_PARTS = Set.of("table", "thead", "tbody", "tfoot", "tr");

  private static final Set<String> IN_TABLE = Set.of("caption", "thead", "tbody", "tfoot", "tr");

  private final String html;
  private int at;
  private final List<String> open = new ArrayList<>();
  private int asides;
  private int headings;
  private int links;
  private int marks;

  /** The open paragraph's text, or null outside a paragraph or in one inside an aside. */
  private StringBuilder para;

  private boolean inPara;

  /** Whether the element opened last is a table part (see {@link #TABLE_PARTS}). */
  private boolean tableTop;

  private final StringBuilder out = new StringBuilder();

  private ParagraphText(String html) {
    this.html = html;
  }

  /**
   * The paragraphs' texts, each trimmed, joined by a space (empty ones left out), marks as {@link
   * #MARK}; null when the HTML holds markup that only a parser reads for certain.
   */
  static String of(String html) {
    ParagraphText p = new ParagraphText(html);
    return p.read() ? p.out.toString() : null;
  }

  private boolean read() {
    int n = html.length();
    while (at < n) {
      char c = html.charAt(at);
      if (c == '<') {
        if (!tag()) return false;
      } else if (c == '&') {
        int cp = entity();
        if (cp < 0 || !text(cp)) return false;
      } else {
        if (c == 0 || !text(c)) return false;
        at++;
      }
    }
    return !inPara;
  }

  /** One character of text; false where a parser would move it elsewhere. */
  private boolean text(int c) {
    boolean white = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    // Only white space stays where it is written in a table (not even a no-break space).
    if (tableTop && !white) return false;
    if (para == null || marks > 0) return true;
    if (white || c == 0xA0) {
      if (!endsWithSpace()) para.append(' ');
    } else if (c != 0xAD && c != 0x200B) {
      para.appendCodePoint(c);
    }
    return true;
  }

  private boolean endsWithSpace() {
    return para.length() > 0 && para.charAt(para.length() - 1) == ' ';
  }

  /** A start or end tag at {@code at}; false for anything else (a comment, a stray {@code <}). */
  private boolean tag() {
    int n = html.length();
    int i = at + 1;
    boolean end = i < n && html.charAt(i) == '/';
    if (end) i++;
    int nameStart = i;
    while (i < n && isNameChar(html.charAt(i))) i++;
    if (i == nameStart || !isLetter(html.charAt(nameStart))) return false;
    String name = html.substring(nameStart, i);
    boolean selfClosing = false;
    if (end) {
      while (i < n && html.charAt(i) == ' ') i++;
      if (i >= n || html.charAt(i) != '>') return false;
      at = i + 1;
      return close(name);
    }
    while (true) {
      int spaces = i;
      while (i < n && isSpace(html.charAt(i))) i++;
      if (i >= n) return false;
      char c = html.charAt(i);
      if (c == '>') break;
      if (c == '/' && i + 1 < n && html.charAt(i + 1) == '>') {
        selfClosing = true;
        i++;
        break;
      }
      if (i == spaces) return false;
      int attr = i;
      while (i < n && isAttributeChar(html.charAt(i))) i++;
      if (i == attr) return false;
      if (i < n && html.charAt(i) == '=') {
        i++;
        if (i >= n) return false;
        char q = html.charAt(i);
        if (q != '"' && q != '\'') return false;
        int close = html.indexOf(q, i + 1);
        if (close < 0) return false;
        i = close + 1;
      }
    }
    at = i + 1;
    if (selfClosing && !VOID.contains(name)) return false;
    return open(name);
  }

  private boolean open(String name) {
    boolean inline = INLINE.contains(name);
    boolean spaced = SPACED.contains(name);
    if (!inline && !spaced && !BLOCK.contains(name)) return false;
    String parent = open.isEmpty() ? null : top();
    if (inPara && !inline && !spaced) return false;
    if (!inline && !spaced && parent != null && !BLOCK.contains(parent)) return false;
    if (!allowedIn(name, parent)) return false;
    if (name.equals("a") && links > 0) return false;
    boolean heading =
        name.length() == 2 && name.charAt(0) == 'h' && Character.isDigit(name.charAt(1));
    if (heading && headings > 0) return false;
    if (para != null && marks == 0) {
      if (name.equals("sup")) {
        para.append(MARK);
      } else if ((spaced || name.equals("br")) && para.length() > 0 && !endsWithSpace()) {
        para.append(' ');
      }
    }
    if (VOID.contains(name)) return true;
    open.add(name);
    tableTop = TABLE_PARTS.contains(name);
    if (ASIDES.contains(name)) asides++;
    if (heading) headings++;
    if (name.equals("a")) links++;
    if (name.equals("sup")) marks++;
    if (name.equals("p")) {
      inPara = true;
      para = asides == 0 ? new StringBuilder() : null;
    }
    return true;
  }

  /** Whether the parser keeps {@code name} where it is written, inside {@code parent}. */
  private static boolean allowedIn(String name, String parent) {
    if (parent != null) {
      switch (parent) {
        case "table":
          return IN_TABLE.contains(name);
        case "thead":
        case "tbody":
        case "tfoot":
          return name.equals("tr");
        case "tr":
          return name.equals("th") || name.equals("td");
        default:
          break;
      }
    }
    switch (name) {
      case "caption":
      case "thead":
      case "tbody":
      case "tfoot":
      case "tr":
      case "th":
      case "td":
        return false; // only inside the table parts, above
      case "li":
        return "ul".equals(parent) || "ol".equals(parent);
      case "dt":
      case "dd":
        return "dl".equals(parent);
      case "source":
        return "picture".equals(parent);
      case "summary":
        return "details".equals(parent);
      default:
        return true;
    }
  }

  private boolean close(String name) {
    if (open.isEmpty() || !top().equals(name)) return false;
    open.remove(open.size() - 1);
    tableTop = !open.isEmpty() && TABLE_PARTS.contains(top());
    if (ASIDES.contains(name)) asides--;
    if (name.length() == 2 && name.charAt(0) == 'h' && Character.isDigit(name.charAt(1))) {
      headings--;
    }
    if (name.equals("a")) links--;
    if (name.equals("sup")) marks--;
    if (name.equals("p")) {
      if (para != null) {
        String t = para.toString().trim().strip();
        if (!t.isEmpty()) {
          if (out.length() > 0) out.append(' ');
          out.append(t);
        }
      }
      para = null;
      inPara = false;
    } else if (SPACED.contains(name) && para != null && marks == 0 && followedInline()) {
      if (!endsWithSpace()) para.append(' ');
    }
    return true;
  }

  /** Whether text or an inline element comes next, beside the element just closed. */
  private boolean followedInline() {
    if (at >= html.length()) return false;
    if (html.charAt(at) != '<') return true;
    int i = at + 1;
    if (i < html.length() && html.charAt(i) == '/') return false;
    int start = i;
    while (i < html.length() && isNameChar(html.charAt(i))) i++;
    return INLINE.contains(html.substring(start, i));
  }

  /** The code point of the entity at {@code at} (moving past it), or -1 for one not known here. */
  private int entity() {
    int semi = html.indexOf(';', at + 1);
    if (semi < 0 || semi - at > 10) return -1;
    String name = html.substring(at + 1, semi);
    int cp;
    switch (name) {
      case "amp":
        cp = '&';
        break;
      case "lt":
        cp = '<';
        break;
      case "gt":
        cp = '>';
        break;
      case "quot":
        cp = '"';
        break;
      case "apos":
        cp = '\'';
        break;
      case "nbsp":
        cp = 0xA0;
        break;
      default:
        cp = numeric(name);
        break;
    }
    if (cp >= 0) at = semi + 1;
    return cp;
  }

  /** A numeric entity's code point, or -1 outside the ranges a parser keeps as they are. */
  private static int numeric(String name) {
    if (name.length() < 2 || name.charAt(0) != '#') return -1;
    boolean hex = name.charAt(1) == 'x' || name.charAt(1) == 'X';
    String digits = name.substring(hex ? 2 : 1);
    if (digits.isEmpty() || digits.length() > 6) return -1;
    for (int i = 0; i < digits.length(); i++) {
      char d = digits.charAt(i);
      boolean ok = hex ? Character.digit(d, 16) >= 0 && d < 128 : d >= '0' && d <= '9';
      if (!ok) return -1;
    }
    int cp = Integer.parseInt(digits, hex ? 16 : 10);
    boolean kept =
        (cp >= 0x20 && cp < 0x7F)
            || cp == '\n'
            || cp == '\t'
            || (cp >= 0xA0 && cp < 0xD800)
            || (cp >= 0xE000 && cp < 0xFDD0)
            || (cp > 0xFDEF && cp < 0xFFFE)
            || (cp >= 0x10000 && cp <= 0x10FFFF && (cp & 0xFFFE) != 0xFFFE);
    return kept ? cp : -1;
  }

  private String top() {
    return open.get(open.size() - 1);
  }

  private static boolean isLetter(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean isNameChar(char c) {
    return isLetter(c) || (c >= '0' && c <= '9');
  }

  private static boolean isAttributeChar(char c) {
    return isLetter(c) || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ':';
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\t';
  }
}
