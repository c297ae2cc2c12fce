package dev.sourced.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.jsoup.parser.Tag;
import org.junit.jupiter.api.Test;

/**
 * The paragraph text read from the renderer's markup is the text jsoup reads from it, and markup
 * that only a parser reads for certain is left to the parser.
 */
class ParagraphTextTest {
  private static final String M = String.valueOf(ParagraphText.MARK);

  /** Reads as jsoup reads it, and is read without jsoup. */
  private static void same(String html) {
    String fast = ParagraphText.of(html);
    assertThat(fast).as("read without a parser: %s", html).isNotNull();
    assertThat(fast).as("as jsoup reads %s", html).isEqualTo(PageDescription.parsed(html));
  }

  @Test
  void theRenderersMarkupIsReadAsJsoupReadsIt() {
    same(
        "<p>Police read <span class=\"fact\">about 70,000</span> accounts<sup><a href=\"#s1\">1</a></sup>.</p>");
    same(
        "<p>One &amp; two &lt;three&gt; &quot;four&quot; &#39;five&#39; &apos;six&apos;</p>\n<p>Next</p>\n");
    same("<p>a&nbsp;b \u00a0 c\u200bd\u00ade &#160; &#x41;&#66;</p>");
    same("<p>Line one<br />\nline two<br>three</p>");
    same(
        "<p>kept <del>struck</del> text <del>a</del><del>b</del>, <del>c</del><em>d</em> <ins>e</ins></p>");
    same("<p><del>first</del></p><p>x <strong><del>y</del></strong> z</p>");
    same("<p>  <em>  spaced  </em>  <code>a   b</code>\t\n</p>");
    same("<aside class=\"factbox\"><p>Inside a box</p></aside><p>Outside</p>");
    same(
        "<figure><img src=\"a.png\" alt=\"A\"><figcaption><p>Caption</p></figcaption></figure><p>After</p>");
    same(
        "<blockquote>\n<p>Quoted <a href=\"x\">link</a></p>\n</blockquote>\n<ul>\n<li><p>Loose item</p></li>\n<li>tight</li>\n</ul>");
    same(
        "<h2 id=\"h\">Heading</h2>\n<pre><code class=\"language-go\">fmt.Println(&quot;&lt;p&gt;&quot;)\n</code></pre>\n<p>After code</p>");
    same(
        "<table>\n<thead>\n<tr>\n<th>A</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td><p>cell</p></td>\n</tr>\n</tbody>\n</table>\n<p>Text</p>");
    same(
        "<ul>\n<li><input type=\"checkbox\" disabled=\"\" checked=\"\"> done</li>\n</ul><p>x<sup>1</sup><sup>2</sup> y <sup><sup>3</sup></sup></p>");
    same(
        "<details><summary>More</summary><p>Hidden</p></details><p>Shown <time datetime=\"2021-03-09\">9 March</time></p>");
    same("<p></p><p>   </p><p>" + M + " literal mark</p><p>\uD83D\uDE00 emoji &#x1F600;</p>");
    same(
        "<dl><dt>Term</dt><dd><p>Definition</p></dd></dl><hr /><div class=\"x\"><p>In a div</p></div>");
  }

  @Test
  void markupOnlyAParserReadsForCertainIsLeftToIt() {
    for (String html :
        List.of(
            "<p>a<!-- comment -->b</p>",
            "<p>a &copy; b</p>",
            "<p>a &amp b</p>",
            "<p>a<div>block</div>b</p>",
            "<p>a<p>b</p>",
            "<P>upper</P>",
            "<p>open",
            "<p>a</em>b</p>",
            "<table>text<tr><td>x</td></tr></table>",
            "<table><tr>&nbsp;<td>x</td></tr></table>",
            "<li>outside a list</li>",
            "<p>a <b>b <i>c</b> d</i></p>",
            "<p>a <font>b</font></p>",
            "<p>a <img src=\"x\"><source srcset=\"y\"> b</p>",
            "<p>a < b</p>",
            "<p><a href=\"x\"><a href=\"y\">nested</a></a></p>",
            "<p>a &#128; b</p>",
            "<p>a\u0000b</p>",
            "<p class=unquoted>x</p>",
            "<span>x</span><script>var p = '<p>';</script>")) {
      assertThat(ParagraphText.of(html)).as(html).isNull();
    }
  }

  @Test
  void theTagsReadWithoutAParserAreWhatJsoupTakesThemFor() {
    for (String t : ParagraphText.INLINE) {
      Tag tag = Tag.valueOf(t);
      assertThat(tag.isInline()).as(t).isTrue();
      assertThat(tag.preserveWhitespace()).as(t).isFalse();
    }
    for (String t : ParagraphText.SPACED) {
      assertThat(Tag.valueOf(t).isBlock()).as(t).isTrue();
      assertThat(Tag.valueOf(t).isInline()).as(t).isFalse();
    }
    for (String t : ParagraphText.BLOCK) {
      if (!t.equals("summary")) {
        assertThat(Tag.valueOf(t).isInline()).as(t).isFalse();
      }
      if (!t.equals("pre")) assertThat(Tag.valueOf(t).preserveWhitespace()).as(t).isFalse();
    }
  }

  @Test
  void runsOfWhiteSpaceBecomeOneSpaceAsTheRegexMakesThem() {
    Random random = new Random(16);
    String pieces = "ab \t\n\u000b\f\r\u00a0\u2003\u001c.";
    for (int i = 0; i < 5000; i++) {
      StringBuilder b = new StringBuilder();
      for (int k = random.nextInt(12); k > 0; k--) {
        b.append(pieces.charAt(random.nextInt(pieces.length())));
      }
      String s = b.toString();
      assertThat(PageDescription.spaced(s)).as(s).isEqualTo(s.replaceAll("\\s+", " "));
    }
  }

  /** Random bodies made of the renderer's pieces, and some others: each read as jsoup reads it. */
  @Test
  void randomBodiesAreReadAsJsoupReadsThem() {
    Random random = new Random(14);
    int read = 0;
    for (int i = 0; i < 3000; i++) {
      String html = body(random);
      String fast = ParagraphText.of(html);
      if (fast == null) continue;
      read++;
      assertThat(fast).as(html).isEqualTo(PageDescription.parsed(html));
    }
    // Most of them are the renderer's kind, which is read without a parser.
    assertThat(read).isGreaterThan(1500);
  }

  private static final String[] TEXTS = {
    "word",
    " ",
    "  ",
    "\n",
    "\t",
    "a b",
    "&amp;",
    "&lt;",
    "&quot;",
    "&#39;",
    "&nbsp;",
    "\u00a0",
    "\u200b",
    "\u00ad",
    "é",
    M,
    "&#x263A;",
    " . ",
    ",",
    "\r\n",
    "&#x1F600;"
  };

  /** Left to the parser: a few of the random bodies have one. */
  private static final String[] UNKNOWN = {"&copy;", "<!-- c -->", "<font>x</font>"};

  private static final String[] INLINE = {
    "a href=\"#x\"",
    "em",
    "strong",
    "code",
    "span class=\"fact\"",
    "sup",
    "del",
    "ins",
    "time",
    "sub",
    "s",
    "b"
  };

  private static String body(Random r) {
    StringBuilder b = new StringBuilder();
    int blocks = 1 + r.nextInt(5);
    for (int i = 0; i < blocks; i++) {
      switch (r.nextInt(9)) {
        case 0 -> b.append("<aside class=\"box\">").append(para(r)).append("</aside>");
        case 1 ->
            b.append("<ul>\n<li>")
                .append(para(r))
                .append("</li>\n<li>")
                .append(inline(r, 1))
                .append("</li>\n</ul>");
        case 2 -> b.append("<blockquote>\n").append(para(r)).append("\n</blockquote>");
        case 3 -> b.append("<h2>").append(inline(r, 1)).append("</h2>");
        case 4 ->
            b.append("<figure><img src=\"p.png\" alt=\"x\" /><figcaption>")
                .append(inline(r, 1))
                .append("</figcaption></figure>");
        case 5 ->
            b.append("<table><tbody><tr><td>")
                .append(inline(r, 1))
                .append("</td></tr></tbody></table>");
        default -> b.append(para(r));
      }
      if (r.nextBoolean()) b.append('\n');
    }
    return b.toString();
  }

  private static String para(Random r) {
    return "<p>" + inline(r, 0) + "</p>";
  }

  private static String inline(Random r, int depth) {
    StringBuilder b = new StringBuilder();
    int parts = 1 + r.nextInt(6);
    for (int i = 0; i < parts; i++) {
      int k = r.nextInt(10);
      if (r.nextInt(400) == 0) {
        b.append(UNKNOWN[r.nextInt(UNKNOWN.length)]);
      } else if (k < 5 || depth > 2) {
        b.append(TEXTS[r.nextInt(TEXTS.length)]);
      } else if (k == 5) {
        b.append(r.nextBoolean() ? "<br />" : "<br>");
      } else {
        String open = INLINE[r.nextInt(INLINE.length)];
        String name = open.split(" ")[0];
        b.append('<').append(open).append('>').append(inline(r, depth + 1));
        b.append("</").append(name).append('>');
      }
    }
    return b.toString();
  }
}
