package dev.sourced.trust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.pipeline.BuildOptions;
import dev.sourced.pipeline.Pipeline;
import dev.sourced.testing.TestSite;
import dev.sourced.write.SiteWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two commands at once on one output folder, as two real processes: this test's JVM is a build
 * half-way (its transaction begun: a live temporary folder beside site/, the folder's lock held),
 * and a child JVM runs {@code check}, then {@code build}. The check used to take the live temporary
 * folder for a killed build's leftover and delete it; now it leaves it alone and says so, and the
 * second build waits until the first is done, then builds, and says it waited.
 */
class ConcurrentCommandsTest {
  @TempDir Path dir;

  static final String SITE =
      """
      -- sourced.yaml --
      title: Two at once
      base_url: https://example.org/
      -- content/a.md --
      ---
      title: A
      date: 2021-03-09
      ---
      Some prose.
      """;

  static final String SITE_A_EDITED =
      """
      ---
      title: A
      date: 2021-03-09
      ---
      Some prose, edited.
      """;

  private List<Path> temporaryFolders(Path root) throws Exception {
    try (var s = Files.list(root)) {
      return s.filter(p -> p.getFileName().toString().startsWith(".site.sourced-tmp-")).toList();
    }
  }

  @Test
  void aCheckLeavesALiveBuildAloneAndASecondBuildWaitsForIt() throws Exception {
    Path root = TestSite.of(dir.resolve("site-src"), SITE).root();
    Path out = root.resolve("site");
    ChildJvm child = new ChildJvm(dir.resolve("logs"));
    // The site as an earlier build left it: the folder a check may clean up around.
    Pipeline.build(new BuildOptions(root, out, false, TestSite.TODAY, true, null));
    Files.writeString(root.resolve("content/a.md"), SITE_A_EDITED);
    SiteWriter.Transaction first = SiteWriter.begin(out);
    boolean open = true;
    try {
      List<Path> live = temporaryFolders(root);
      assertThat(live).hasSize(1);

      ChildJvm.Finished check =
          new ChildJvm(dir.resolve("logs"))
              .args("check", "--source", root.toString())
              .run("check", Duration.ofMinutes(3));
      assertThat(check.exit()).as("%s", check).isZero();
      assertThat(check.err())
          .as("%s", check)
          .contains(
              "another build is writing into "
                  + out
                  + "; its unfinished files were left to it (this command writes nothing there)");
      assertThat(temporaryFolders(root)).isEqualTo(live);

      ChildJvm.Started second =
          child
              .args("build", "--source", root.toString(), "--output", out.toString())
              .start("build");
      // It waits while the first build holds the folder (it would finish in seconds).
      assertThat(second.process().waitFor(8, TimeUnit.SECONDS)).isFalse();
      assertThat(temporaryFolders(root)).contains(live.get(0));
      first.abort();
      open = false;
      assertThat(second.process().waitFor(3, TimeUnit.MINUTES)).isTrue();
      ChildJvm.Finished done = second.finished(false);
      assertThat(done.exit()).as("%s", done).isZero();
      assertThat(done.err())
          .as("%s", done)
          .contains(
              "another build was writing into "
                  + out
                  + "; this one waited for it to finish before writing");
      assertThat(Files.readString(out.resolve("a/index.html"))).contains("Some prose, edited.");
      assertThat(temporaryFolders(root)).isEmpty();
    } finally {
      if (open) first.abort();
    }
  }
}
