package dev.sourced.diag;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Prints diagnostics for people: the contract line {@code path:line:col: error[CODE] message}, then
 * the source line with a caret under the column (when the source text is known), then the hint. The
 * first line of each diagnostic is stable and tested by exact text; the rest is for reading.
 */
public final class DiagnosticPrinter {
  private final Function<String, String> sourceText;
  private final boolean colour;

  /**
   * Where each line of a file starts, computed once per file: looking a line up is then a binary
   * search, so a report's cost grows with the number of diagnostics, never with their number times
   * the length of the file.
   */
  private final Map<String, int[]> lineStarts = new HashMap<>();

  /**
   * @param sourceText the text of a site-relative path, or null when unknown
   * @param colour whether to use ANSI colours (only on a terminal, never with NO_COLOR)
   */
  public DiagnosticPrinter(Function<String, String> sourceText, boolean colour) {
    this.sourceText = sourceText;
    this.colour = colour;
  }

  /**
   * How many warnings of one code a terminal report shows in full; the rest are counted on one
   * line. Errors are always shown, every one.
   */
  public static final int WARNINGS_PER_CODE = 20;

  public String format(List<Diagnostic> diagnostics) {
    return format(diagnostics, Integer.MAX_VALUE);
  }

  /**
   * Every error, and up to {@code warningsPerCode} warnings of each code, followed by a line per
   * code that had more: a site with thousands of the same warning gets a readable report.
   */
  public String format(List<Diagnostic> diagnostics, int warningsPerCode) {
    StringBuilder out = new StringBuilder();
    Map<String, Integer> shown = new TreeMap<>();
    for (Diagnostic d : diagnostics) {
      if (!d.isError() && shown.merge(d.code().text(), 1, Integer::sum) > warningsPerCode) continue;
      format(d, out);
    }
    for (var e : shown.entrySet()) {
      int more = e.getValue() - warningsPerCode;
      if (more <= 0) continue;
      out.append("note: ")
          .append(more)
          .append(" more ")
          .append(e.getKey())
          .append(more == 1 ? " warning" : " warnings")
          .append(" not shown (--all-warnings shows every one)\n");
    }
    return out.toString();
  }

  /** The notes about a run as a whole, one {@code note: ...} line each. */
  public static String notes(List<String> notes) {
    StringBuilder out = new StringBuilder();
    for (String n : notes) out.append("note: ").append(n).append('\n');
    return out.toString();
  }

  public void format(Diagnostic d, StringBuilder out) {
    String sev = d.severity().label() + "[" + d.code().text() + "]";
    if (colour) sev = (d.isError() ? "\u001b[1;31m" : "\u001b[1;33m") + sev + "\u001b[0m";
    out.append(d.position()).append(": ").append(sev).append(' ').append(d.message()).append('\n');
    String line = sourceLine(d.position());
    if (line != null) {
      String number = Integer.toString(d.position().line());
      String gutter = " ".repeat(number.length());
      out.append(' ').append(number).append(" | ").append(line).append('\n');
      out.append(' ').append(gutter).append(" | ");
      int col = Math.max(1, d.position().column());
      for (int i = 0; i < col - 1 && i < line.length(); i++) {
        out.append(line.charAt(i) == '\t' ? '\t' : ' ');
      }
      out.append(colour ? "\u001b[1;36m^\u001b[0m" : "^").append('\n');
    }
    if (d.hint() != null && !d.hint().isEmpty()) {
      out.append("  = hint: ").append(d.hint()).append('\n');
    }
  }

  /**
   * The source line of a position, or null when unknown or too long to be worth showing. Found
   * without copying the file, so thousands of diagnostics on one huge line stay cheap. Control
   * characters are replaced, one for one so the caret still lines up, and never reach a terminal.
   */
  private String sourceLine(SourcePosition at) {
    if (at.line() <= 0 || sourceText == null) return null;
    String text = sourceText.apply(at.path());
    if (text == null) return null;
    int[] starts = lineStarts.computeIfAbsent(at.path(), p -> lineStartsOf(text));
    if (at.line() > starts.length) return null;
    int start = starts[at.line() - 1];
    int end = at.line() < starts.length ? starts[at.line()] - 1 : text.length();
    if (end > start && text.charAt(end - 1) == '\r') end--;
    if (end - start > 200) return null;
    StringBuilder line = new StringBuilder(end - start);
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      line.append(
          (c < 0x20 && c != '\t')
                  || c == 0x7f
                  || (c >= 0x80 && c < 0xa0)
                  || c == '\u2028'
                  || c == '\u2029'
              ? '\uFFFD'
              : c);
    }
    return line.toString();
  }

  private static int[] lineStartsOf(String text) {
    int count = 1;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
    int[] starts = new int[count];
    int n = 1;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[n++] = i + 1;
    return starts;
  }
}
