package dev.sourced.migrate;

import dev.sourced.diag.Code;
import dev.sourced.diag.Diagnostic;
import dev.sourced.diag.DiagnosticPrinter;
import dev.sourced.diag.Diagnostics;
import dev.sourced.diag.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What an import could not carry over, as diagnostics positioned in the source site (paths as they
 * are there, relative to its root), plus the files it renamed. The same text is printed by the
 * command and saved as {@code MIGRATION.txt} in the new site, so the list of things to finish by
 * hand travels with it. It holds nothing that changes from one run to the next (no dates, no
 * absolute paths), so that importing twice writes the same bytes.
 */
public final class MigrationReport {
  private final Diagnostics diagnostics = new Diagnostics();
  private final Map<String, String> renamed = new TreeMap<>();
  private final Map<String, String> texts = new ConcurrentHashMap<>();
  private final Map<String, String> leftOut = new TreeMap<>();
  private final List<String> notes = new ArrayList<>();

  /** Front-matter keys not carried over: key to {first position, number of files}. */
  private final Map<String, Object[]> unmappedKeys = new TreeMap<>();

  /** A place in the source site: a path relative to its root, a 1-based line and column. */
  static SourcePosition at(String path, int line, int column) {
    return new SourcePosition(path, line, column);
  }

  void warning(SourcePosition at, Code code, String message, String hint) {
    diagnostics.warning(at, code, message, hint);
  }

  void error(SourcePosition at, Code code, String message, String hint) {
    diagnostics.error(at, code, message, hint);
  }

  /** Keeps a file's text so that the printed report can quote the line of each warning. */
  void source(String path, String text) {
    texts.put(path, text);
  }

  /** A remark on the whole import, printed after the diagnostics. */
  void note(String text) {
    notes.add(text);
  }

  /** A folder of the source site left out as a whole (templates, build inputs), and why. */
  void folderLeftOut(String folder, String why) {
    leftOut.put(folder + "/", why);
  }

  void renamed(String from, String to) {
    renamed.put(from, to);
  }

  /** A key no sourced key takes: reported once for the whole site, where it first appears. */
  synchronized void unmappedKey(String key, String path, int line, int column) {
    Object[] seen = unmappedKeys.get(key);
    if (seen == null) {
      unmappedKeys.put(key, new Object[] {new SourcePosition(path, line, column), 1});
    } else {
      SourcePosition first = (SourcePosition) seen[0];
      if (new SourcePosition(path, line, column).compareTo(first) < 0) {
        seen[0] = new SourcePosition(path, line, column);
      }
      seen[1] = (Integer) seen[1] + 1;
    }
  }

  /** Every diagnostic, sorted by file and position. */
  public List<Diagnostic> diagnostics() {
    Diagnostics all = new Diagnostics();
    all.addAll(diagnostics);
    for (var e : unmappedKeys.entrySet()) {
      int files = (Integer) e.getValue()[1];
      all.warning(
          (SourcePosition) e.getValue()[0],
          Code.UNMAPPED_KEY,
          "front-matter key \""
              + e.getKey()
              + "\" has no sourced equivalent and is left out"
              + (files == 1 ? "" : " (in " + files + " files)"),
          "the source site keeps it; see docs/commands.md#sourced-import for the keys that move");
    }
    return all.sorted();
  }

  public boolean hasErrors() {
    return diagnostics.hasErrors();
  }

  public Map<String, String> renamedFiles() {
    return renamed;
  }

  /** The report as printed: every diagnostic with its source line, then the renamed files. */
  public String format(boolean colour) {
    return format(colour, Integer.MAX_VALUE);
  }

  /**
   * The report with at most {@code perCode} diagnostics of each code (then a count), for a
   * terminal; the saved report has every one.
   */
  public String format(boolean colour, int perCode) {
    Function<String, String> text = texts::get;
    StringBuilder out = new StringBuilder();
    out.append(
        new DiagnosticPrinter(text, colour)
            .format(diagnostics(), perCode)
            .replace(
                "(--all-warnings shows every one)",
                "(" + SiteImporter.REPORT + " lists every one)"));
    for (String n : notes) out.append("\nnote: ").append(n).append('\n');
    if (!leftOut.isEmpty()) {
      out.append("\nFolders not imported:\n");
      for (var e : leftOut.entrySet()) {
        out.append("  ").append(e.getKey()).append(" ").append(e.getValue()).append('\n');
      }
    }
    if (!renamed.isEmpty()) {
      out.append("\nMoved or renamed (addresses are lowercase, with hyphens):\n");
      int shown = 0;
      for (var e : renamed.entrySet()) {
        if (shown++ == perCode) {
          out.append("  ... and ")
              .append(renamed.size() - perCode)
              .append(" more (" + SiteImporter.REPORT + " lists every one)\n");
          break;
        }
        out.append("  ").append(e.getKey()).append(" -> ").append(e.getValue()).append('\n');
      }
    }
    return out.toString();
  }
}
