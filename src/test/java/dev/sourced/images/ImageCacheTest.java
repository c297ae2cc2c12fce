package dev.sourced.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.TestImages;
import dev.sourced.testing.TestSite;
import dev.sourced.testing.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resized images are kept between builds: an unchanged image with unchanged settings is not made
 * again, a changed image or setting makes new copies, and a truncated or damaged cache file is
 * noticed and made again, with the same output as a clean build.
 */
class ImageCacheTest {
  @TempDir Path dir;

  private TestSite site(String settings) throws IOException {
    TestSite site =
        TestSite.of(
            dir,
            "-- sourced.yaml --\ntitle: Test\nimages: {"
                + settings
                + "}\n"
                + """
                -- content/port/index.md --
                ---
                title: The port
                date: 2021-03-09
                sources:
                  pa: {title: Port photos, url: "https://example.org/p"}
                images:
                  harbour.jpg: {credit: A, licence: CC0 1.0, source: pa}
                ---
                ![Ships](harbour.jpg)
                """);
    Files.write(
        site.root().resolve("content/port/harbour.jpg"),
        TestImages.jpeg(TestImages.photo(900, 600, 5), 0.9f));
    return site;
  }

  /** Every cache file with its modification time. */
  private static Map<String, FileTime> cacheFiles(Path cache) throws IOException {
    Map<String, FileTime> out = new TreeMap<>();
    for (String f : Trees.files(cache)) {
      out.put(f, Files.getLastModifiedTime(cache.resolve(f)));
    }
    return out;
  }

  /**
   * Touches sourced.yaml (the same bytes, a new time): a build that finds nothing changed since the
   * last one stops before it looks at the image cache, so the next one is made to look.
   */
  private static void touch(TestSite site) throws IOException {
    Path yaml = site.root().resolve("sourced.yaml");
    Files.setLastModifiedTime(yaml, FileTime.fromMillis(System.currentTimeMillis() + 1000));
  }

  private static Map<String, byte[]> output(TestSite site) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    for (String f : Trees.files(site.output())) {
      out.put(f, Files.readAllBytes(site.output().resolve(f)));
    }
    return out;
  }

  @Test
  void anUnchangedImageIsTakenFromTheCache() throws IOException {
    TestSite site = site("widths: [200, 400]");
    site.build();
    assertThat(site.diagnostics()).isEmpty();
    Path cache = site.cache().resolve("images");
    Map<String, FileTime> first = cacheFiles(cache);
    assertThat(first.keySet())
        .anyMatch(f -> f.endsWith("/200.jpg"))
        .anyMatch(f -> f.endsWith("entry.txt"));
    Map<String, byte[]> out1 = output(site);
    site.build();
    assertThat(cacheFiles(cache)).as("nothing made again").isEqualTo(first);
    assertThat(output(site)).containsExactlyEntriesOf(out1);

    // Another setting: new copies under a new key, new addresses.
    Files.writeString(
        site.root().resolve("sourced.yaml"), "title: Test\nimages: {widths: [300]}\n");
    site.build();
    assertThat(Trees.files(site.output()))
        .anyMatch(f -> f.matches("port/harbour-300w\\.[0-9a-f]{8}\\.jpg"));
    assertThat(Trees.files(site.output())).noneMatch(f -> f.contains("-200w."));
  }

  @Test
  void aTruncatedOrDamagedCacheFileIsMadeAgain() throws IOException {
    TestSite site = site("widths: [200, 400]");
    site.build();
    Map<String, byte[]> clean = output(site);
    Path cache = site.cache().resolve("images");
    List<String> files = Trees.files(cache);
    // Flip a byte of a copy: its size is right, so only its checksum shows it. The output still
    // holds the copy as the last build wrote it, so nothing of the cache is needed.
    Path other =
        cache.resolve(files.stream().filter(f -> f.endsWith("/400.jpg")).findFirst().get());
    byte[] b = Files.readAllBytes(other);
    b[b.length / 2] ^= 0x55;
    Files.write(other, b);
    site.build();
    assertThat(site.diagnostics()).isEmpty();
    assertThat(output(site)).containsExactlyEntriesOf(clean);
    // Now the output's copy is changed too (same size): the cached one is needed, found damaged
    // and made again.
    String published =
        clean.keySet().stream()
            .filter(f -> f.matches("port/harbour-400w\\..*\\.jpg"))
            .findFirst()
            .get();
    byte[] p = clean.get(published).clone();
    p[p.length / 3] ^= 0x55;
    Files.write(site.output().resolve(published), p);
    site.build();
    assertThat(site.diagnostics()).isEmpty();
    assertThat(output(site)).containsExactlyEntriesOf(clean);
    assertThat(Files.readAllBytes(other)).isEqualTo(clean.get(published));
    // A truncated copy is seen by its size alone; a list cut short too.
    files = Trees.files(cache);
    Path copy = cache.resolve(files.stream().filter(f -> f.endsWith("/200.jpg")).findFirst().get());
    byte[] bytes = Files.readAllBytes(copy);
    Files.write(copy, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    touch(site);
    site.build();
    assertThat(site.diagnostics()).isEmpty();
    assertThat(output(site)).containsExactlyEntriesOf(clean);
    assertThat(Files.size(copy)).isEqualTo(bytes.length);
    Path list =
        cache.resolve(files.stream().filter(f -> f.endsWith("entry.txt")).findFirst().get());
    Files.writeString(list, "3\nrubbish");
    site.build();
    assertThat(site.diagnostics()).isEmpty();
    assertThat(output(site)).containsExactlyEntriesOf(clean);
  }

  private static void age(Path dir, java.time.Instant when) throws IOException {
    Files.setLastModifiedTime(dir, FileTime.from(when));
  }

  private static ImageCache.Entry entry(ImageCache cache, String key, int bytes)
      throws IOException {
    return cache.put(
        key,
        d -> {
          Files.write(d.resolve("original.jpg"), new byte[bytes]);
          return List.of("size 1 1");
        });
  }

  @Test
  void whatNoBuildUsesGoesOnceOldOrWhenItOutgrowsWhatIsUsed() throws IOException {
    Path root = dir.resolve("cache");
    ImageCache cache = ImageCache.at(root);
    java.time.Instant now = java.time.Instant.now();
    for (String k : List.of("aa-used", "bb-old", "cc-big", "dd-recent", "ee-small")) {
      entry(cache, k, k.equals("cc-big") || k.equals("dd-recent") ? 50_000 : 10_000);
    }
    assertThat(cache.prune(now, java.time.Duration.ofDays(30), 0).entries())
        .as("a build that used everything removes nothing")
        .isZero();
    // The next build uses one entry; the others are unused, used last at various times.
    assertThat(cache.get("aa-used")).isNotNull();
    age(cache.dir("bb-old"), now.minus(java.time.Duration.ofDays(40)));
    age(cache.dir("cc-big"), now.minus(java.time.Duration.ofHours(3)));
    age(cache.dir("ee-small"), now.minus(java.time.Duration.ofHours(2)));
    age(cache.dir("dd-recent"), now.minus(java.time.Duration.ofMinutes(10)));
    Path killed = root.resolve("ff/.tmp-killed");
    Files.createDirectories(killed);
    age(killed, now.minus(java.time.Duration.ofHours(2)));
    Path making = root.resolve("ff/.tmp-making");
    Files.createDirectories(making);
    ImageCache.Pruned pruned = cache.prune(now, java.time.Duration.ofDays(30), 0);
    // Old: gone. Unused entries (110 KB) outgrow the used one (10 KB): oldest first, until the
    // recent one (used ten minutes ago, perhaps by another build) is all that is left over.
    assertThat(Trees.files(root))
        .containsExactlyInAnyOrder(
            "aa/aa-used/entry.txt",
            "aa/aa-used/original.jpg",
            "dd/dd-recent/entry.txt",
            "dd/dd-recent/original.jpg");
    assertThat(Files.isDirectory(making)).as("a build making an entry now").isTrue();
    assertThat(Files.exists(killed)).isFalse();
    assertThat(pruned.entries()).isEqualTo(4);
    assertThat(cache.get("aa-used")).isNotNull();
  }

  @Test
  void aBuildRemovesTheCopiesOfAnImageNoLongerShownOnceTheyAreOld() throws IOException {
    TestSite site = site("widths: [200]");
    Files.write(
        site.root().resolve("content/port/crane.jpg"),
        TestImages.jpeg(TestImages.photo(500, 400, 6), 0.9f));
    site.build();
    Path cache = site.cache().resolve("images");
    List<Path> entries;
    try (var s = Files.walk(cache, 2)) {
      entries = s.filter(p -> p.getNameCount() - cache.getNameCount() == 2).toList();
    }
    assertThat(entries).hasSize(2);
    byte[] crane = Files.readAllBytes(site.root().resolve("content/port/crane.jpg"));
    Path craneEntry = null;
    for (Path e : entries) {
      if (Files.readString(e.resolve("entry.txt")).contains("size 500 400")) craneEntry = e;
    }
    assertThat(craneEntry).isNotNull();
    Files.delete(site.root().resolve("content/port/crane.jpg"));
    site.build();
    assertThat(Files.isDirectory(craneEntry)).as("unused, but used an instant ago").isTrue();
    age(craneEntry, java.time.Instant.now().minus(java.time.Duration.ofDays(31)));
    touch(site);
    site.build();
    assertThat(site.diagnostics()).isEmpty();
    assertThat(Files.exists(craneEntry)).as("unused for a month").isFalse();
    assertThat(Trees.files(cache)).anyMatch(f -> f.endsWith("/200.jpg"));
    // Shown again, it is simply made again.
    Files.write(site.root().resolve("content/port/crane.jpg"), crane);
    site.build();
    assertThat(Files.isDirectory(craneEntry)).isTrue();
  }
}
