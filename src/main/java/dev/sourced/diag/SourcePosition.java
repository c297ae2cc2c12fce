package dev.sourced.diag;

/**
 * A place in a site's source: a path relative to the site root (always with {@code /}), and a
 * 1-based line and column. Line or column 0 means "unknown" (for example a whole-file problem).
 *
 * <p>Library positions (SnakeYAML marks, CommonMark source spans, Freemarker template locations)
 * are 0-based or relative to a part of the file; they are converted to this record once, where the
 * library is called, and never travel further.
 */
public record SourcePosition(String path, int line, int column)
    implements Comparable<SourcePosition> {

  public static SourcePosition file(String path) {
    return new SourcePosition(path, 0, 0);
  }

  public SourcePosition withLineColumn(int newLine, int newColumn) {
    return new SourcePosition(path, newLine, newColumn);
  }

  @Override
  public int compareTo(SourcePosition o) {
    int c = path.compareTo(o.path);
    if (c != 0) return c;
    c = Integer.compare(line, o.line);
    return c != 0 ? c : Integer.compare(column, o.column);
  }

  /** {@code path:line:col}, or just {@code path} when the line is unknown. */
  @Override
  public String toString() {
    if (line <= 0) return path;
    return path + ":" + line + ":" + Math.max(column, 1);
  }
}
