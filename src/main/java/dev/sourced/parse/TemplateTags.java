package dev.sourced.parse;

import dev.sourced.diag.Code;
import dev.sourced.diag.Diagnostics;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.Text;

/**
 * Finds the template tags of other site generators left in a body's text: Hugo shortcodes ({@code
 * {{< figure >}}}, {@code {{% notice %}}}) and Liquid tags ({@code {% include x.html %}}, {@code {{
 * page.title }}}). sourced does not run them, and passing them through silently would publish them
 * as text nobody noticed, so each one is a positioned warning and stays visible on the page. Code
 * spans and blocks are not text here: a page may show such tags as examples; nor is a tag written
 * with a backslash before it ({@code \{{< x >}}}, {@code \{% x %}}), which shows it as text on
 * purpose (how {@code sourced import} writes Hugo's escaped shortcodes and Jekyll's {@code raw}).
 */
final class TemplateTags {
  /** The start of an HTML tag: its slash, if an end tag, and its name. */
  private static final Pattern TAG_NAME = Pattern.compile("<\\s*(/?)\\s*([\\w./-]*)");

  private TemplateTags() {}

  /** {@code {{<}} or {@code {{%}}, an optional closing slash, the shortcode's name. */
  private static final Pattern SHORTCODE = Pattern.compile("\\{\\{([<%])\\s*(/?)\\s*([\\w./-]*)");

  /** {@code {%} with the tag's name, or {@code {{ name.path }}} (Liquid output). */
  private static final Pattern LIQUID =
      Pattern.compile(
          "\\{%-?\\s*(\\w*)|\\{\\{-?\\s*([A-Za-z_]\\w*(?:\\.\\w+)*)\\s*(?:\\|[^}\\n]*)?-?\\}\\}");

  static void scan(Text text, BodyScan scan, Diagnostics diagnostics) {
    String s = text.getLiteral();
    if (s.indexOf('{') < 0) return;
    Matcher m = SHORTCODE.matcher(s);
    while (m.find())
      shortcode(scan, text, m.start(), m.group(1), m.group(2), m.group(3), diagnostics);
    Matcher l = LIQUID.matcher(s);
    while (l.find()) {
      if (l.group(1) != null) {
        if (l.start() > 0 && s.charAt(l.start() - 1) == '{') continue; // Hugo's {{% ... %}}
        if (scan.escaped(scan.position(text, l.start()))) continue;
        diagnostics.warning(
            scan.position(text, l.start()),
            Code.LIQUID_TAG,
            "Liquid tag {% " + l.group(1) + " %} is not run; it is shown as written",
            "write it in Markdown, or bring the site over with `sourced import jekyll`, which"
                + " converts the usual tags");
      } else {
        if (scan.escaped(scan.position(text, l.start()))) continue;
        diagnostics.warning(
            scan.position(text, l.start()),
            Code.LIQUID_TAG,
            "Liquid output {{ " + l.group(2) + " }} is not run; it is shown as written",
            "write the text itself, or bring the site over with `sourced import jekyll`");
      }
    }
    // {{<figure src="a.png">}}: the parser reads <figure ...> as inline HTML, after a "{{" text.
    Node next = text.getNext();
    if (s.endsWith("{{") && next instanceof HtmlInline html && html.getLiteral().startsWith("<")) {
      Matcher name = TAG_NAME.matcher(html.getLiteral());
      if (name.lookingAt())
        shortcode(scan, text, s.length() - 2, "<", name.group(1), name.group(2), diagnostics);
    }
  }

  private static void shortcode(
      BodyScan scan,
      Text text,
      int offset,
      String delimiter,
      String slash,
      String name,
      Diagnostics diagnostics) {
    String close = delimiter.equals("<") ? ">" : "%";
    String shown = "{{" + delimiter + " " + slash + name + " " + close + "}}";
    if (scan.escaped(scan.position(text, offset))) return;
    diagnostics.warning(
        scan.position(text, offset),
        Code.SHORTCODE,
        "Hugo shortcode " + shown + " is not run; it is shown as written",
        "write it in Markdown (an image is ![text](file.png)), or bring the site over with"
            + " `sourced import hugo`, which converts the usual shortcodes");
  }
}
