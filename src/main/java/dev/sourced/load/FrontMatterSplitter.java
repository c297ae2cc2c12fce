package dev.sourced.load;

import dev.sourced.diag.Diagnostics;
import dev.sourced.diag.SourcePosition;

/**
 * Splits an article into YAML front-matter and Markdown body. The front-matter opens with a {@code
 * ---} line as the file's first line and closes with the next {@code ---} (or {@code ...}) line.
 * Trailing spaces on the fence lines are allowed.
 */
final class FrontMatterSplitter {
  private FrontMatterSplitter() {}

  static SourceFile split(String path, String text, Diagnostics diagnostics) {
    if (!isFence(text, 0, "---")) {
      diagnostics.error(
          new SourcePosition(path, 1, 1),
          "no-front-matter",
          "an article must start with YAML front-matter between `---` lines",
          "start the file with ---, title: ..., then --- on its own line");
      return null;
    }
    int firstLineEnd = text.indexOf('\n');
    if (firstLineEnd < 0) firstLineEnd = text.length();
    int line = 2;
    int pos = firstLineEnd + 1;
    while (pos <= text.length()) {
      if (isFence(text, pos, "---") || isFence(text, pos, "...")) {
        String yaml = text.substring(Math.min(firstLineEnd + 1, text.length()), pos);
        int end = text.indexOf('\n', pos);
        String body = end < 0 ? "" : text.substring(end + 1);
        return new SourceFile(path, text, yaml, 2, body, line + 1);
      }
      int nl = text.indexOf('\n', pos);
      if (nl < 0) break;
      pos = nl + 1;
      line++;
    }
    diagnostics.error(
        new SourcePosition(path, 1, 1),
        "unterminated-front-matter",
        "the front-matter opened here is never closed",
        "end the front-matter with a line holding only ---");
    return null;
  }

  private static boolean isFence(String text, int pos, String fence) {
    if (!text.startsWith(fence, pos)) return false;
    int i = pos + fence.length();
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) i++;
    return i == text.length() || text.charAt(i) == '\n';
  }
}
