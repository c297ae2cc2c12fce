package dev.sourced.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.TestSite;
import dev.sourced.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output folder is replaced whole: a successful build leaves exactly the new site (no stale
 * files, no temporary siblings); a failed build leaves the previous site byte for byte.
 */
class AtomicReplaceTest {
  @TempDir Path tmp;

  private static final String SITE =
      """
      -- sourced.yaml --
      title: T
      -- content/kept.md --
      ---
      title: Kept
      date: 2021-03-09
      sources:
        s1: {title: Report, url: "https://example.org/r"}
      ---
      Kept [@s1].
      -- content/removed/index.md --
      ---
      title: Removed later
      date: 2021-03-10
      tags: [gone]
      ---
      Soon gone [@s1].
      -- content/removed/picture.txt --
      a file that travels with the page
      """;

  @Test
  void aSuccessfulBuildLeavesNoStaleFilesAndNoTemporaryFolders() throws Exception {
    TestSite site = TestSite.of(tmp, SITE);
    site.build();
    assertThat(site.exists("removed/picture.txt")).isTrue();
    assertThat(site.exists("tags/gone/index.html")).isTrue();
    Files.writeString(site.output().resolve("stray-by-hand.txt"), "left by someone");

    Path removed = site.root().resolve("content/removed");
    Files.delete(removed.resolve("picture.txt"));
    Files.delete(removed.resolve("index.md"));
    Files.delete(removed);
    site.build();
    assertThat(site.diagnostics()).isEmpty();

    TestSite fresh = TestSite.at(site.root(), tmp.resolve("fresh"));
    fresh.build();
    assertThat(Trees.fingerprint(site.output())).isEqualTo(Trees.fingerprint(fresh.output()));
    assertThat(site.exists("removed")).isFalse();
    assertThat(site.exists("tags/gone")).isFalse();
    assertThat(site.exists("stray-by-hand.txt")).isFalse();
    // Beside the outputs, their build caches (TestSite keeps them there): no temporary folder.
    assertThat(Trees.names(tmp))
        .containsExactly("fresh", "fresh-cache", "out", "out-cache", "site");
  }

  @Test
  void aFailedBuildLeavesThePreviousOutputByteIdentical() throws Exception {
    TestSite site = TestSite.of(tmp, SITE);
    site.build();
    Map<String, String> before = Trees.fingerprint(site.output());
    List<String> siblings = Trees.names(tmp);

    site.write(
        """
        -- content/kept.md --
        ---
        title: Kept
        date: 2021-03-09
        ---
        Now citing a source that does not exist [@nope].
        """);
    var result = site.build();
    assertThat(result.failed()).isTrue();
    assertThat(result.written()).isFalse();
    assertThat(Trees.fingerprint(site.output())).isEqualTo(before);
    assertThat(Trees.names(tmp)).isEqualTo(siblings);
  }

  @Test
  void theOutputCarriesTheMarkerThatLetsTheNextBuildReplaceIt() throws Exception {
    TestSite site = TestSite.of(tmp, SITE);
    site.build();
    assertThat(site.output().resolve(SiteWriter.MARKER)).isRegularFile();
    assertThat(OutputGuard.problem(site.root(), site.output())).isNull();
  }
}
