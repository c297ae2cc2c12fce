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
    // Truncate one copy, flip a byte of another, cut the list of a third entry short.
    Path copy = cache.resolve(files.stream().filter(f -> f.endsWith("/200.jpg")).findFirst().get());
    byte[] bytes = Files.readAllBytes(copy);
    Files.write(copy, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    Path other =
        cache.resolve(files.stream().filter(f -> f.endsWith("/400.jpg")).findFirst().get());
    byte[] b = Files.readAllBytes(other);
    b[b.length / 2] ^= 0x55;
    Files.write(other, b);
    site.build();
    assertThat(site.diagnostics()).isEmpty();
    assertThat(output(site)).containsExactlyEntriesOf(clean);
    Path list =
        cache.resolve(files.stream().filter(f -> f.endsWith("entry.txt")).findFirst().get());
    Files.writeString(list, "3\nrubbish");
    site.build();
    assertThat(site.diagnostics()).isEmpty();
    assertThat(output(site)).containsExactlyEntriesOf(clean);
  }
}
