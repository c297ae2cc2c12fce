package dev.sourced.fuzz;

import dev.sourced.diag.Diagnostic;
import dev.sourced.diag.SourcePosition;
import java.util.Collection;
import java.util.function.Function;

/**
 * Properties every fuzz test checks besides "nothing throws": a diagnostic that names a line of a
 * file it knows must point inside that file, at a column on that line (or just past its end), so
 * the caret printed under the source line is never misplaced.
 */
final class FuzzChecks {
  private FuzzChecks() {}

  /**
   * @param texts the text of a site-relative path, or null for paths that are not source files
   */
  static void positionsInside(Collection<Diagnostic> diagnostics, Function<String, String> texts) {
    for (Diagnostic d : diagnostics) {
      SourcePosition at = d.position();
      if (at.line() <= 0) continue;
      String text = texts.apply(at.path());
      if (text == null) continue;
      String line = line(text, at.line());
      if (line == null) {
        throw new AssertionError(
            "line "
                + at.line()
                + " is past the end of "
                + at.path()
                + " ("
                + lineCount(text)
                + " lines): "
                + d);
      }
      if (at.column() < 1 || at.column() > line.length() + 1) {
        throw new AssertionError(
            "column "
                + at.column()
                + " is outside line "
                + at.line()
                + " of "
                + at.path()
                + " ("
                + line.length()
                + " characters): "
                + d);
      }
    }
  }

  /** Line {@code n} (1-based, split on {@code \n} only, as the loader normalises), or null. */
  static String line(String text, int n) {
    int start = 0;
    for (int i = 1; i < n; i++) {
      int nl = text.indexOf('\n', start);
      if (nl < 0) return null;
      start = nl + 1;
    }
    int end = text.indexOf('\n', start);
    return end < 0 ? text.substring(start) : text.substring(start, end);
  }

  static int lineCount(String text) {
    int n = 1;
    for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') n++;
    return n;
  }

  /**
   * When only replaying saved inputs (JAZZER_FUZZ unset), skips Jazzer's sanitizer hooks: loading
   * them costs about 15 seconds of every {@code mvn test}, and the properties these fuzz tests
   * check are their own assertions. Fuzzing runs keep every hook. Call from {@code @BeforeAll},
   * before Jazzer configures itself for the first fuzz test of the JVM.
   */
  static void fastReplay() {
    String fuzz = System.getenv("JAZZER_FUZZ");
    if ((fuzz == null || fuzz.isEmpty()) && System.getProperty("jazzer.hooks") == null) {
      System.setProperty("jazzer.hooks", "false");
    }
  }

  /** What the loader makes of a file's text: no byte-order mark, LF line endings. */
  static String normalise(String text) {
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
    return text.replace("\r\n", "\n").replace('\r', '\n');
  }
}
