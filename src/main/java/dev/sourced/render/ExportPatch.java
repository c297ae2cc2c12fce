package dev.sourced.render;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An open-data export ({@code facts.json}, {@code sources.json}) after an edit of some facts, made
 * from the file the build before wrote instead of from every declaration: each changed entry's old
 * text, as {@link JsonExports#entryText} writes it, is replaced by its new text.
 *
 * <p>Why it holds: every entry of an export is written alone, one after the other, at the same
 * depth, and names its own ID; the rest of the file (its version, site and the other entries) is
 * made of what did not change. An entry's old text is a whole JSON object over several lines, so it
 * can be found only where that entry is (a string's line breaks are escaped): it must be found
 * exactly once, else the export is made whole.
 */
final class ExportPatch {
  private ExportPatch() {}

  /** One entry's text in the build before's file and now. */
  record Change(String before, String now) {}

  /**
   * The export with each change made, or null when an entry's old text is not in {@code old}
   * exactly once.
   */
  static byte[] patch(byte[] old, List<Change> changes) {
    // Bytes as characters one to one, so that positions in the text are positions in the file.
    String text = new String(old, StandardCharsets.ISO_8859_1);
    record At(int from, int to, String with) {}
    List<At> at = new ArrayList<>();
    for (Change c : changes) {
      if (c.before().equals(c.now())) continue;
      String before = latin1(c.before());
      int i = text.indexOf(before);
      if (i < 0 || text.indexOf(before, i + 1) >= 0) return null;
      at.add(new At(i, i + before.length(), latin1(c.now())));
    }
    at.sort(Comparator.comparingInt(At::from));
    StringBuilder out = new StringBuilder(text.length() + 1024);
    int last = 0;
    for (At a : at) {
      if (a.from() < last) return null; // two changes of one entry
      out.append(text, last, a.from()).append(a.with());
      last = a.to();
    }
    out.append(text, last, text.length());
    return out.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String latin1(String s) {
    return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }
}
