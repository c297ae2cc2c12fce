package dev.sourced.diag;

/**
 * One problem found in a site: where, how bad, a stable code (a {@link Code}, printed in kebab-case
 * and documented in {@code docs/diagnostics.md}), a message saying what is wrong, and a hint saying
 * how to fix it.
 */
public record Diagnostic(
    SourcePosition position, Severity severity, Code code, String message, String hint)
    implements Comparable<Diagnostic> {

  /** Messages and hints stay on one line: control characters quoted from content are escaped. */
  public Diagnostic {
    message = oneLine(message);
    hint = hint == null ? null : oneLine(hint);
  }

  static String oneLine(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || c == '\u0085') {
        if (b == null) b = new StringBuilder(s.substring(0, i));
        b.append(
            switch (c) {
              case '\n' -> "\\n";
              case '\r' -> "\\r";
              case '\t' -> "\\t";
              default -> String.format("\\u%04x", (int) c);
            });
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? s : b.toString();
  }

  public static Diagnostic error(SourcePosition at, Code code, String message, String hint) {
    return new Diagnostic(at, Severity.ERROR, code, message, hint);
  }

  public static Diagnostic warning(SourcePosition at, Code code, String message, String hint) {
    return new Diagnostic(at, Severity.WARNING, code, message, hint);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  public Diagnostic asError() {
    return new Diagnostic(position, Severity.ERROR, code, message, hint);
  }

  /** Sorted by file, then position, then code, so output is stable whatever the thread order. */
  @Override
  public int compareTo(Diagnostic o) {
    int c = position.compareTo(o.position);
    if (c != 0) return c;
    c = code.text().compareTo(o.code.text());
    return c != 0 ? c : message.compareTo(o.message);
  }

  /** The one-line form: {@code path:line:col: error[CODE] message}. */
  @Override
  public String toString() {
    return position + ": " + severity.label() + "[" + code + "] " + message;
  }
}
