package dev.sourced.migrate;

import dev.sourced.diag.Code;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a body converter needs of one page: its text, where that text starts in the source file (so
 * that offsets become the file's 1-based lines and columns), the page's new address (links are
 * written relative to it, so they work under any base path), how to find other pages, and the
 * report.
 */
final class BodyContext {
  final SourcePage page;
  final String body;
  final ImportTargets targets;
  final MigrationReport report;

  /** Where the converted body holds a template tag kept as text on purpose (see LiteralTags). */
  final List<Integer> literals = new ArrayList<>();

  private final int[] lineStarts;
  private final int firstLine;

  BodyContext(SourcePage page, ImportTargets targets, MigrationReport report) {
    this.page = page;
    this.body = page.frontMatter().body();
    this.targets = targets;
    this.report = report;
    this.firstLine = page.frontMatter().bodyLine();
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < body.length(); i++) if (body.charAt(i) == '\n') starts.add(i + 1);
    lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  int line(int offset) {
    int i = Arrays.binarySearch(lineStarts, offset);
    if (i < 0) i = -i - 2;
    return firstLine + i;
  }

  int column(int offset) {
    int i = Arrays.binarySearch(lineStarts, offset);
    if (i < 0) i = -i - 2;
    return body.codePointCount(lineStarts[i], offset) + 1;
  }

  void warning(int offset, Code code, String message, String hint) {
    report.warning(
        MigrationReport.at(page.source(), line(offset), column(offset)), code, message, hint);
  }

  /** A link from this page to a site path ("posts/b/", "img/x.png"). */
  String linkTo(String sitePath) {
    return Addresses.relative(page.address(), sitePath);
  }

  /** A Markdown link destination, in angle brackets where it holds spaces or brackets. */
  static String destination(String url) {
    if (url.matches(".*[\\s()<>].*"))
      return "<" + url.replace("<", "%3C").replace(">", "%3E") + ">";
    return url;
  }

  /** A fenced code block whose fence is longer than any run of backticks inside. */
  static String fence(String language, String code) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < code.length(); i++) {
      run = code.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String f = "`".repeat(Math.max(3, longest + 1));
    String c = code;
    if (c.startsWith("\r\n")) c = c.substring(2);
    else if (c.startsWith("\n")) c = c.substring(1);
    c = c.stripTrailing();
    return f + (language == null ? "" : language) + "\n" + c + "\n" + f;
  }

  /** Appends a block so that it stands on lines of its own. */
  static void block(StringBuilder out, String block) {
    if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') out.append('\n');
    out.append(block);
  }

  /** After a block, text that goes on without a line break starts a new line. */
  static int afterBlock(String body, int end, StringBuilder out) {
    if (end < body.length() && body.charAt(end) != '\n' && body.charAt(end) != '\r') {
      out.append('\n');
    }
    return end;
  }
}
