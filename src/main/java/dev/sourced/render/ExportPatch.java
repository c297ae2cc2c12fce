package dev.sourced.render;

import dev.sourced.facts.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
 * entries) is made of what did not change. The entry of each changed ID is the one place where a
 * line opens an object at the list's depth whose first key is that ID (a string's line breaks are
 * escaped, and a deeper object is indented further); it must be there exactly once and hold the old
 * text whole, else the export is made whole.
 *
 * <p>An export is tens of megabytes at 10,000 articles and few of its entries change: the old file
 * is looked through a part at a time for the changed entries' opening lines ({@link #plan}), and
 * the new one is written as a copy of it with those entries replaced ({@link #write}); neither is
 * ever held in memory whole (the two exports read and made in the heap were a third of the memory
 * of an edit of a fact, and most of its collector's work).
 */
public final class ExportPatch {
  private ExportPatch() {}

  /** One entry's ID and text in the build before's file and now. */
  record Change(String id, String before, String now) {}

  /**
   * One entry's old text, {@code length} bytes from {@code at} in the old file, and its new text.
   */
  public record Edit(long at, int length, byte[] now) {}

  /** The edits that make the new export of the old, in the file's order (none: it stays). */
  public record Plan(List<Edit> edits) {}

  /** The old export being patched and what changes in it (see {@link SiteRenderer.ProseRender}). */
  public record Patched(String path, Path old, Plan plan) {}

  /**
   * The text of the one entry of {@code export}'s list {@code key} as the whole export holds it
   * (see {@link JsonExports#entryText}): its lines, indented as in the list, without the comma or
   * line break between entries.
   */
  static String entryText(Map<String, Object> export, String key) {
    java.io.StringWriter w = new java.io.StringWriter();
    try {
      Json.write(export, true, w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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

  /** How much of the old file is looked at at once. */
  private static final int PART = 1 << 20;

  /**
   * Where each change goes in the export {@code old}, or null when an entry's old text is not in it
   * exactly once (or it cannot be read).
   */
  static Plan plan(Path old, List<Change> changes) {
    try (FileChannel in = FileChannel.open(old, StandardOpenOption.READ)) {
      return plan(in, changes, PART);
    } catch (IOException e) {
      return null;
    }
  }

  static Plan plan(FileChannel old, List<Change> changes, int part) throws IOException {
    Map<String, Change> byId = new HashMap<>();
    for (Change c : changes) if (byId.put(c.id(), c) != null) return null;
    List<Change> changed = changes.stream().filter(c -> !c.before().equals(c.now())).toList();
    if (changed.isEmpty()) return new Plan(List.of());
    List<byte[]> openings = new ArrayList<>();
    for (Change c : changed) {
      byte[] name = c.id().getBytes(StandardCharsets.UTF_8);
      byte[] opening = Arrays.copyOf(START, START.length + name.length + 1);
      System.arraycopy(name, 0, opening, START.length, name.length);
      opening[opening.length - 1] = '"';
      openings.add(opening);
    }
    long[][] found = find(old, openings, part);
    List<Edit> edits = new ArrayList<>();
    for (int i = 0; i < changed.size(); i++) {
      if (found[i][0] < 0 || found[i][1] >= 0) return null;
      // The entry starts after the line break before it, and its old text is followed by the comma
      // or line break after it.
      long from = found[i][0] + 1;
      byte[] before = changed.get(i).before().getBytes(StandardCharsets.UTF_8);
      ByteBuffer there = ByteBuffer.allocate(before.length + 1);
      while (there.hasRemaining() && old.read(there, from + there.position()) >= 0) {}
      byte[] read = there.array();
      int got = there.position();
      if (got < before.length
          || !Arrays.equals(read, 0, before.length, before, 0, before.length)
          || (got > before.length && read[before.length] != ',' && read[before.length] != '\n')) {
        return null;
      }
      edits.add(
          new Edit(from, before.length, changed.get(i).now().getBytes(StandardCharsets.UTF_8)));
    }
    edits.sort(Comparator.comparingLong(Edit::at));
    return new Plan(edits);
  }

  /**
   * The first two places where each needle (none empty) is in {@code file}, or -1: the file read a
   * part of {@code part} bytes at a time, each part once for every needle, the end of the one
   * before kept so that a needle across the border between two parts is found.
   */
  static long[][] find(FileChannel file, List<byte[]> needles, int part) throws IOException {
    int longest = needles.stream().mapToInt(n -> n.length).max().orElse(1);
    long[][] found = new long[needles.size()][];
    // Where each needle is looked for from next, in the file.
    long[] next = new long[needles.size()];
    for (int i = 0; i < found.length; i++) found[i] = new long[] {-1, -1};
    byte[] buf = new byte[part + longest];
    long base = 0;
    int filled = 0;
    for (boolean end = false; !end; ) {
      ByteBuffer into = ByteBuffer.wrap(buf, filled, buf.length - filled);
      int r = 0;
      while (into.hasRemaining() && (r = file.read(into, base + into.position())) >= 0) {}
      end = r < 0;
      filled = into.position();
      for (int i = 0; i < found.length; i++) {
        byte[] needle = needles.get(i);
        int at = (int) (next[i] - base);
        while (found[i][1] < 0 && (at = indexOf(buf, filled, needle, at)) >= 0) {
          found[i][found[i][0] < 0 ? 0 : 1] = base + at;
          at++;
        }
        next[i] = base + Math.max(at < 0 ? filled - needle.length + 1 : at, 0);
      }
      // The last bytes a needle could start in are kept, the rest let go of.
      int keep = Math.min(filled, longest - 1);
      System.arraycopy(buf, filled - keep, buf, 0, keep);
      base += filled - keep;
      filled = keep;
    }
    return found;
  }

  /** Writes the new export: the old file {@code old} with each of {@code plan}'s edits made. */
  public static void write(Path old, Plan plan, OutputStream out) throws IOException {
    try (FileChannel in = FileChannel.open(old, StandardOpenOption.READ)) {
      ByteBuffer buf = ByteBuffer.allocate(1 << 18);
      long read = 0;
      for (Edit e : plan.edits()) {
        copy(in, read, e.at(), buf, out);
        out.write(e.now());
        read = e.at() + e.length();
      }
      copy(in, read, in.size(), buf, out);
    }
  }

  /** Copies the old file's bytes from {@code from} up to {@code to} into {@code out}. */
  private static void copy(FileChannel in, long from, long to, ByteBuffer buf, OutputStream out)
      throws IOException {
    for (long at = from; at < to; ) {
      buf.clear().limit((int) Math.min(buf.capacity(), to - at));
      int n = in.read(buf, at);
      if (n <= 0) throw new IOException("the old export is shorter than when it was looked at");
      out.write(buf.array(), 0, n);
      at += n;
    }
  }

  /**
   * The first place at or after {@code from} where {@code needle} (not empty) is in the first
   * {@code length} of {@code bytes}, or -1: Horspool's search, which skips ahead by up to the
   * needle's length at each step.
   */
  static int indexOf(byte[] bytes, int length, byte[] needle, int from) {
    int n = needle.length, lastAt = n - 1;
    int[] skip = new int[256];
    Arrays.fill(skip, n);
    for (int i = 0; i < lastAt; i++) skip[needle[i] & 0xff] = lastAt - i;
    byte last = needle[lastAt];
    for (int i = Math.max(from, 0); i + lastAt < length; ) {
      byte b = bytes[i + lastAt];
      if (b == last && Arrays.equals(bytes, i, i + lastAt, needle, 0, lastAt)) return i;
      i += skip[b & 0xff];
    }
    return -1;
  }
}
