package dev.sourced.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.facts.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export patched entry by entry is the export written whole of the new entries, byte for byte,
 * over random entries (nested lists and objects, strings with line breaks, quotes and non-ASCII
 * letters, the first and last entries changed); an entry whose old text is not in the file as
 * given, or an ID found twice, makes it refuse. The old file is looked through in parts: what is
 * found across two parts is found as in one.
 */
class ExportPatchTest {
  @TempDir Path dir;

  /**
   * The export {@code old} patched with {@code changes} as a build does it, its file looked through
   * {@code part} bytes at a time; null when refused.
   */
  private byte[] patch(byte[] old, List<ExportPatch.Change> changes, int part) {
    try {
      Path file = Files.write(dir.resolve("old-" + System.nanoTime() + ".json"), old);
      ExportPatch.Plan plan;
      try (FileChannel in = FileChannel.open(file)) {
        plan = ExportPatch.plan(in, changes, part);
      }
      if (plan == null) return null;
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ExportPatch.write(file, plan, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private byte[] patch(byte[] old, List<ExportPatch.Change> changes) {
    return patch(old, changes, 1 << 20);
  }

  private static Map<String, Object> export(List<Map<String, Object>> entries) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", 1);
    m.put("site", "https://example.org/");
    m.put("facts", entries);
    return m;
  }

  private static byte[] written(List<Map<String, Object>> entries) {
    return Json.write(export(entries), true).concat("\n").getBytes(StandardCharsets.UTF_8);
  }

  private static String text(Map<String, Object> entry) {
    return ExportPatch.entryText(export(List.of(entry)), "facts");
  }

  private static Map<String, Object> entry(String id, Random random) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("label", random.nextBoolean() ? "Users\nof \"Sky\" – " + random.nextInt(9) : "Brûlé");
    m.put("value", random.nextInt(1000));
    List<Object> values = new ArrayList<>();
    for (int i = random.nextInt(3); i >= 0; i--) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("id", id + "-v" + i);
      v.put("sources", List.of("s" + random.nextInt(5)));
      values.add(v);
    }
    m.put("values", values);
    return m;
  }

  @Test
  void aPatchedExportIsTheExportWrittenWhole() {
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      List<Map<String, Object>> before = new ArrayList<>();
      int n = 1 + random.nextInt(12);
      for (int i = 0; i < n; i++) before.add(entry("f" + i, random));
      List<Map<String, Object>> after = new ArrayList<>(before);
      List<ExportPatch.Change> changes = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (random.nextInt(3) != 0) continue;
        Map<String, Object> now = entry("f" + i, random);
        after.set(i, now);
        changes.add(new ExportPatch.Change("f" + i, text(before.get(i)), text(now)));
      }
      // Looked through in parts as small as an entry's opening line, or in one.
      int part = random.nextBoolean() ? 1 + random.nextInt(40) : 1 << 20;
      assertThat(patch(written(before), changes, part))
          .as("round %d", round)
          .isEqualTo(written(after));
    }
  }

  @Test
  void theSearchForAnEntryFindsWhatLookingAtEveryPlaceFinds() throws IOException {
    Random random = new Random(11);
    Path file = dir.resolve("bytes");
    for (int round = 0; round < 2000; round++) {
      // Few letters, so that needles are found, often twice, overlapping and across two parts.
      byte[] bytes = new byte[random.nextInt(200)];
      for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) "ab\n\"".charAt(random.nextInt(4));
      List<byte[]> needles = new ArrayList<>();
      for (int k = 1 + random.nextInt(3); k > 0; k--) {
        byte[] needle = new byte[1 + random.nextInt(6)];
        for (int i = 0; i < needle.length; i++) {
          needle[i] = (byte) "ab\n\"".charAt(random.nextInt(4));
        }
        needles.add(needle);
      }
      List<List<Long>> expected = new ArrayList<>();
      for (byte[] needle : needles) {
        List<Long> at = new ArrayList<>();
        for (int i = 0; i + needle.length <= bytes.length && at.size() < 2; i++) {
          if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length))
            at.add((long) i);
        }
        while (at.size() < 2) at.add(-1L);
        expected.add(at);
      }
      Files.write(file, bytes);
      long[][] found;
      try (FileChannel in = FileChannel.open(file)) {
        found = ExportPatch.find(in, needles, 1 + random.nextInt(30));
      }
      List<List<Long>> got = new ArrayList<>();
      for (long[] f : found) got.add(List.of(f[0], f[1]));
      assertThat(got).as("round %d", round).isEqualTo(expected);
    }
  }

  @Test
  void anEntryNotAsGivenOrAnIdFoundTwiceIsRefused() {
    Random random = new Random(3);
    Map<String, Object> a = entry("a", random), b = entry("b", random);
    Map<String, Object> other = entry("a", new Random(99));
    // The old text given is not the file's.
    assertThat(
            patch(
                written(List.of(a, b)), List.of(new ExportPatch.Change("a", text(other), text(b)))))
        .isNull();
    // An ID the file does not have.
    assertThat(
            patch(written(List.of(a, b)), List.of(new ExportPatch.Change("c", text(a), text(b)))))
        .isNull();
    // An ID the file has twice.
    assertThat(
            patch(
                written(List.of(a, b, a)), List.of(new ExportPatch.Change("a", text(a), text(b)))))
        .isNull();
    // A deeper object that names the ID is not an entry.
    Map<String, Object> nested = entry("x", random);
    nested.put("values", List.of(Map.of("id", "a")));
    assertThat(
            patch(
                written(List.of(nested, a)),
                List.of(new ExportPatch.Change("a", text(a), text(other)))))
        .isEqualTo(written(List.of(nested, other)));
  }
}
