package dev.sourced.load;

import dev.sourced.diag.Code;
import dev.sourced.diag.Diagnostics;
import dev.sourced.diag.SourcePosition;

/**
 * Splits a page into front-matter and Markdown body, telling the front-matter's language by the
 * file's first line, as Hugo does: {@code ---} opens YAML that the next {@code ---} (or {@code
 * ...}) line closes, {@code +++} opens TOML that the next {@code +++} line closes, and {@code {}
 * opens a JSON object that ends at its matching brace (braces inside strings do not count). Trailing
 * spaces on the fence lines are allowed. A file that starts otherwise has no front-matter: the
 * whole file is its body.
 */
final class FrontMatterSplitter {
  private FrontMatterSplitter() {}

  static SourceFile split(String path, String text, Diagnostics diagnostics) {
    if (isFence(text, 0, "---"))
      return fenced(path, text, "---", SourceFile.Format.YAML, diagnostics);
    if (isFence(text, 0, "+++"))
      return fenced(path, text, "+++", SourceFile.Format.TOML, diagnostics);
    if (text.startsWith("{")) return json(path, text, diagnostics);
    return new SourceFile(path, text, "", 1, text, 1, SourceFile.Format.NONE);
  }

  private static SourceFile fenced(
      String path, String text, String fence, SourceFile.Format format, Diagnostics diagnostics) {
    int firstLineEnd = text.indexOf('\n');
    if (firstLineEnd < 0) firstLineEnd = text.length();
    int line = 2;
    int pos = firstLineEnd + 1;
    while (pos <= text.length()) {
      if (isFence(text, pos, fence)
          || (format == SourceFile.Format.YAML && isFence(text, pos, "..."))) {
        String inner = text.substring(Math.min(firstLineEnd + 1, text.length()), pos);
        int end = text.indexOf('\n', pos);
        String body = end < 0 ? "" : text.substring(end + 1);
        return new SourceFile(path, text, inner, 2, body, line + 1, format);
      }
      int nl = text.indexOf('\n', pos);
      if (nl < 0) break;
      pos = nl + 1;
      line++;
    }
    diagnostics.error(
        new SourcePosition(path, 1, 1),
        Code.UNTERMINATED_FRONT_MATTER,
        "the front-matter opened here is never closed",
        "end the front-matter with a line holding only " + fence);
    return null;
  }

  /** JSON front-matter: the object from the first brace to its match; the body starts below. */
  private static SourceFile json(String path, String text, Diagnostics diagnostics) {
    int depth = 0;
    boolean inString = false;
    int line = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') line++;
      if (inString) {
        if (c == '\\') i++;
        else if (c == '"') inString = false;
        continue;
      }
      if (c == '"') inString = true;
      else if (c == '{') depth++;
      else if (c == '}' && --depth == 0) {
        int end = text.indexOf('\n', i);
        String rest = text.substring(i + 1, end < 0 ? text.length() : end);
        if (!rest.isBlank()) {
          diagnostics.error(
              new SourcePosition(path, line, i + 2 - (text.lastIndexOf('\n', i) + 1)),
              Code.JSON_SYNTAX,
              "text follows the closing } of the JSON front-matter on its line",
              "end the JSON front-matter with } on a line of its own, and start the text below");
          return null;
        }
        String body = end < 0 ? "" : text.substring(end + 1);
        return new SourceFile(
            path, text, text.substring(0, i + 1), 1, body, line + 1, SourceFile.Format.JSON);
      }
    }
    diagnostics.error(
        new SourcePosition(path, 1, 1),
        Code.UNTERMINATED_FRONT_MATTER,
        "the JSON front-matter opened here is never closed",
        "close the JSON object with a matching } on a line of its own");
    return null;
  }

  private static boolean isFence(String text, int pos, String fence) {
    if (!text.startsWith(fence, pos)) return false;
    int i = pos + fence.length();
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) i++;
    return i == text.length() || text.charAt(i) == '\n';
  }
}
