package dev.sourced.render;

import dev.sourced.facts.Json;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An open-data export ({@code facts.json}, {@code sources.json}) after an edit of some facts, made
 * from the file the build before wrote instead of from every declaration: each changed entry's old
 * text, as {@link JsonExports#entryText} writes it, is replaced by its new text.
 *
 * <p>Why it holds: every entry of an export is written alone, one after the other, at the same
 * depth, and starts by naming its own ID; the rest of the file (its version, site and the other
 * entries) is made of what did not change. The file is read once, entry start by entry start (a
 * line that opens an object at the list's depth, whose first key is the ID: a string's line breaks
 * are escaped, and a deeper object is indented further); the entry of each changed ID must be there
 * exactly once and hold the old text whole, else the export is made whole.
 */
final class ExportPatch {
  private ExportPatch() {}

  /** One entry's ID and text in the build before's file and now. */
  record Change(String id, String before, String now) {}

  /**
   * The text of the one entry of {@code export}'s list {@code key} as the whole export holds it
   * (see {@link JsonExports#entryText}): its lines, indented as in the list, without the comma or
   * line break between entries.
   */
  static String entryText(Map<String, Object> export, String key) {
    java.io.StringWriter w = new java.io.StringWriter();
    try {
      Json.write(export, true, w);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    String all = w.toString();
    String open = "\"" + key + "\": [\n";
    int from = all.indexOf(open) + open.length();
    int to = all.lastIndexOf("\n  ]\n}");
    return all.substring(from, to);
  }

  /** How an entry of an export's list starts, up to its ID. */
  private static final byte[] START =
      "\n    {\n      \"id\": \"".getBytes(StandardCharsets.US_ASCII);

  /**
   * The export with each change made ({@code old} itself when no entry's text changed), or null
   * when an entry's old text is not in {@code old} exactly once.
   */
  static byte[] patch(byte[] old, List<Change> changes) {
    Map<String, Change> byId = new HashMap<>();
    for (Change c : changes) if (byId.put(c.id(), c) != null) return null;
    if (changes.stream().allMatch(c -> c.before().equals(c.now()))) return old;
    // Where each changed entry starts (after the line break before it), by ID: the one place
    // where a line opens an entry naming it (an export is tens of megabytes, and few entries
    // change: each is looked for, skipping ahead, rather than every entry's ID read).
    Map<String, Integer> at = new HashMap<>();
    for (String id : byId.keySet()) {
      byte[] name = id.getBytes(StandardCharsets.UTF_8);
      byte[] opening = Arrays.copyOf(START, START.length + name.length + 1);
      System.arraycopy(name, 0, opening, START.length, name.length);
      opening[opening.length - 1] = '"';
      int first = indexOf(old, opening, 0);
      if (first < 0 || indexOf(old, opening, first + 1) >= 0) return null;
      at.put(id, first + 1);
    }
    int size = old.length;
    Map<Integer, byte[][]> edits = new java.util.TreeMap<>();
    for (Change c : changes) {
      byte[] before = c.before().getBytes(StandardCharsets.UTF_8);
      byte[] now = c.now().getBytes(StandardCharsets.UTF_8);
      int from = at.get(c.id());
      if (from + before.length > old.length
          || !Arrays.equals(old, from, from + before.length, before, 0, before.length)
          || (from + before.length < old.length
              && old[from + before.length] != ','
              && old[from + before.length] != '\n')) {
        return null;
      }
      edits.put(from, new byte[][] {before, now});
      size += now.length - before.length;
    }
    byte[] out = new byte[size];
    int read = 0, wrote = 0;
    for (var e : edits.entrySet()) {
      int from = e.getKey();
      System.arraycopy(old, read, out, wrote, from - read);
      wrote += from - read;
      byte[] now = e.getValue()[1];
      System.arraycopy(now, 0, out, wrote, now.length);
      wrote += now.length;
      read = from + e.getValue()[0].length;
    }
    System.arraycopy(old, read, out, wrote, old.length - read);
    return out;
  }

  /**
   * The first place at or after {@code from} where {@code needle} (not empty) is in {@code bytes},
   * or -1: Horspool's search, which skips ahead by up to the needle's length at each step.
   */
  static int indexOf(byte[] bytes, byte[] needle, int from) {
    int n = needle.length, lastAt = n - 1;
    int[] skip = new int[256];
    Arrays.fill(skip, n);
    for (int i = 0; i < lastAt; i++) skip[needle[i] & 0xff] = lastAt - i;
    byte last = needle[lastAt];
    for (int i = Math.max(from, 0); i + lastAt < bytes.length; ) {
      byte b = bytes[i + lastAt];
      if (b == last && Arrays.equals(bytes, i, i + lastAt, needle, 0, lastAt)) return i;
      i += skip[b & 0xff];
    }
    return -1;
  }
}
