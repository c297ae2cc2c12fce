package dev.sourced.migrate;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Template tags the old site showed as text on purpose (Hugo's escaped shortcodes, with a comment's
 * markers inside the braces; Jekyll's {@code {% raw %}}) stay text in the new site without a
 * warning: in prose each gets a backslash before its first brace ({@code \{{< x >}}}), which
 * Markdown shows as the brace alone and the build reads as "meant as text". In code spans and
 * blocks, where a backslash would show, they are left as they are: the build does not look for tags
 * there.
 */
final class LiteralTags {
  private LiteralTags() {}

  private static final Parser PARSER =
      Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();

  /**
   * @param body a converted body
   * @param offsets where in it each literal tag starts, in increasing order
   */
  static String escape(String body, List<Integer> offsets) {
    if (offsets.isEmpty()) return body;
    List<int[]> code = new ArrayList<>();
    PARSER
        .parse(body)
        .accept(
            new AbstractVisitor() {
              @Override
              public void visit(Code node) {
                add(node);
              }

              @Override
              public void visit(FencedCodeBlock node) {
                add(node);
              }

              @Override
              public void visit(IndentedCodeBlock node) {
                add(node);
              }

              @Override
              public void visit(HtmlBlock node) {
                add(node);
              }

              @Override
              public void visit(HtmlInline node) {
                add(node);
              }

              private void add(Node node) {
                for (SourceSpan s : node.getSourceSpans()) {
                  code.add(new int[] {s.getInputIndex(), s.getInputIndex() + s.getLength()});
                }
              }
            });
    StringBuilder out = new StringBuilder(body.length() + offsets.size());
    int pos = 0;
    for (int at : offsets) {
      if (inCode(code, at)) continue;
      out.append(body, pos, at).append('\\');
      pos = at;
    }
    return out.append(body, pos, body.length()).toString();
  }

  private static boolean inCode(List<int[]> code, int at) {
    for (int[] r : code) if (at >= r[0] && at < r[1]) return true;
    return false;
  }
}
