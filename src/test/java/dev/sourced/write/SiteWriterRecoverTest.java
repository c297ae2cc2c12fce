package dev.sourced.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.TestSite;
import dev.sourced.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build killed while swapping folders leaves the old output renamed aside ({@code
 * .out.sourced-old-*}) and maybe a half-written new one ({@code .out.sourced-tmp-*}). The states
 * are made by hand here, as the kill would leave them; {@link SiteWriter#recover} and the next
 * build must restore the previous output and clear the leftovers.
 */
class SiteWriterRecoverTest {
  @TempDir Path tmp;
  TestSite site;
  Path out;
  Map<String, String> previous;

  @BeforeEach
  void buildOnce() {
    site =
        TestSite.of(
            tmp,
            """
        -- sourced.yaml --
        title: T
        -- content/a.md --
        ---
        title: A
        date: 2021-03-09
        sources:
          s1: {title: Report, url: "https://example.org/r"}
        ---
        Text [@s1].
        """);
    site.build();
    out = site.output();
    previous = Trees.fingerprint(out);
  }

  /** The kill fell between "rename the output aside" and "rename the new one into place". */
  private void killBetweenTheRenames() throws Exception {
    Files.move(out, tmp.resolve(".out" + SiteWriter.OLD + "1b2c"));
    Path half = Files.createDirectory(tmp.resolve(".out" + SiteWriter.TMP + "3d4e"));
    Files.writeString(half.resolve("index.html"), "<p>half a site");
  }

  @Test
  void recoverRestoresTheOutputRenamedAsideAndDeletesTheHalfWrittenOne() throws Exception {
    killBetweenTheRenames();
    SiteWriter.recover(out);
    assertThat(Trees.fingerprint(out)).isEqualTo(previous);
    assertThat(Trees.names(tmp)).containsExactly("out", "out-cache", "site");
  }

  @Test
  void recoverDeletesTheOldFolderWhenTheNewOneIsAlreadyInPlace() throws Exception {
    Path old = tmp.resolve(".out" + SiteWriter.OLD + "5f6a");
    Trees.copy(out, old);
    Files.writeString(old.resolve("index.html"), "<p>the site before");
    SiteWriter.recover(out);
    assertThat(Trees.fingerprint(out)).isEqualTo(previous);
    assertThat(Trees.names(tmp)).containsExactly("out", "out-cache", "site");
  }

  @Test
  void recoverLeavesOtherFoldersAlone() throws Exception {
    Files.createDirectory(tmp.resolve(".other" + SiteWriter.OLD + "x"));
    Files.createDirectory(tmp.resolve("out-sourced-old-lookalike"));
    SiteWriter.recover(out);
    assertThat(Trees.names(tmp))
        .containsExactly(
            ".other" + SiteWriter.OLD + "x",
            "out",
            "out-cache",
            "out-sourced-old-lookalike",
            "site");
  }

  @Test
  void theNextSuccessfulBuildCleansUp() throws Exception {
    killBetweenTheRenames();
    site.build();
    assertThat(site.diagnostics()).isEmpty();
    assertThat(Trees.fingerprint(out)).isEqualTo(previous);
    assertThat(Trees.names(tmp)).containsExactly("out", "out-cache", "site");
  }

  @Test
  void theNextBuildRestoresThePreviousOutputEvenWhenItFails() throws Exception {
    // SiteWriter's contract: "the next build cleans up what was left (restoring the old folder
    // if the kill fell between the two renames)". A build that stops on a content error is still
    // the next build: the reader's site must come back, not stay missing until a clean build.
    killBetweenTheRenames();
    site.write(
        """
        -- content/a.md --
        ---
        title: A
        date: 2021-03-09
        ---
        Broken [@nope].
        """);
    assertThat(site.build().failed()).isTrue();
    assertThat(Trees.fingerprint(out)).isEqualTo(previous);
    assertThat(Trees.names(tmp)).containsExactly("out", "out-cache", "site");
  }
}
