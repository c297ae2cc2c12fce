package dev.sourced.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sourced.pipeline.BuildOptions;
import dev.sourced.pipeline.BuildResult;
import dev.sourced.pipeline.Pipeline;
import dev.sourced.testing.TestSite;
import dev.sourced.testing.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build that changes few files renames them into the old output folder through a journal instead
 * of replacing the folder: the folder and every unchanged file keep their inode and time, a removed
 * article's page and folder go, and a build killed while renaming is finished by the next command
 * (build or check), whose result equals a clean build.
 */
class InPlaceCommitTest {
  @TempDir Path tmp;
  TestSite site;
  Path out;
  Path cache;

  static String article(String name, String text) {
    return "-- content/"
        + name
        + ".md --\n---\ntitle: "
        + name.toUpperCase()
        + "\ndate: 2021-03-09\nsources:\n  s"
        + name
        + ": {title: Report "
        + name
        + ", url: \"https://example.org/"
        + name
        + "\"}\n---\n"
        + text
        + " [@s"
        + name
        + "].\n";
  }

  @BeforeEach
  void buildOnce() throws IOException {
    StringBuilder spec = new StringBuilder("-- sourced.yaml --\ntitle: T\n");
    for (String n : new String[] {"a", "b", "c", "d", "e", "f", "g", "h"}) {
      spec.append(article(n, "Text of " + n));
    }
    site = TestSite.of(tmp, spec.toString());
    out = site.root().resolve("site");
    cache = tmp.resolve("cache");
    BuildResult first = build();
    assertThat(first.failed()).as("%s", first.diagnostics()).isFalse();
  }

  @AfterEach
  void hookOff() {
    SiteWriter.simulateKillAfter(-1);
  }

  private BuildResult build() throws IOException {
    return Pipeline.build(new BuildOptions(site.root(), out, false, TestSite.TODAY, true, cache));
  }

  private Map<String, String> clean() throws IOException {
    Path clean = tmp.resolve("clean-" + System.nanoTime());
    Pipeline.build(new BuildOptions(site.root(), clean, false, TestSite.TODAY, true, null));
    return Trees.fingerprint(clean);
  }

  private static Object key(Path p) throws IOException {
    return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
  }

  private static Map<String, FileStamp> stamps(Path root) throws IOException {
    Map<String, FileStamp> m = new TreeMap<>();
    try (Stream<Path> w = Files.walk(root)) {
      for (Path p : w.filter(Files::isRegularFile).toList()) {
        m.put(root.relativize(p).toString(), FileStamp.of(p));
      }
    }
    return m;
  }

  @Test
  void anEditRenamesTheChangedFilesIntoTheOldFolderAndLeavesTheRestAlone() throws IOException {
    Object folder = key(out);
    Map<String, FileStamp> before = stamps(out);
    site.write(article("c", "Text of c, edited"));
    assertThat(build().failed()).isFalse();

    assertThat(key(out)).as("the output folder is the same folder").isEqualTo(folder);
    assertThat(Trees.fingerprint(out)).isEqualTo(clean());
    Map<String, FileStamp> after = stamps(out);
    assertThat(after.get("c/index.html")).isNotEqualTo(before.get("c/index.html"));
    assertThat(after.get("a/index.html")).isEqualTo(before.get("a/index.html"));
    assertThat(after.get(SiteWriter.MARKER)).isEqualTo(before.get(SiteWriter.MARKER));
    assertThat(Trees.names(out.getParent())).noneMatch(n -> n.startsWith(".site."));
  }

  @Test
  void aRemovedArticleDisappearsWithItsFolder() throws IOException {
    Object folder = key(out);
    Files.delete(site.root().resolve("content/d.md"));
    assertThat(build().failed()).isFalse();
    assertThat(key(out)).isEqualTo(folder);
    assertThat(out.resolve("d")).doesNotExist();
    assertThat(Trees.fingerprint(out)).isEqualTo(clean());
  }

  @Test
  void aBuildKilledWhileRenamingIsFinishedByTheNextBuild() throws IOException {
    Map<String, FileStamp> before = stamps(out);
    site.write(article("c", "Text of c, edited"));
    Files.delete(site.root().resolve("content/e.md"));
    SiteWriter.simulateKillAfter(1);
    assertThatThrownBy(this::build).isInstanceOf(SiteWriter.SimulatedKill.class);
    assertThat(Trees.names(out.getParent())).anyMatch(n -> n.startsWith(".site.sourced-tmp-"));
    assertThat(Trees.fingerprint(out)).isNotEqualTo(clean());

    BuildResult next = build();
    assertThat(next.failed()).isFalse();
    assertThat(next.notes()).anyMatch(n -> n.contains("from its journal"));
    assertThat(Trees.fingerprint(out)).isEqualTo(clean());
    assertThat(Trees.names(out.getParent())).noneMatch(n -> n.startsWith(".site."));
    assertThat(stamps(out).get("a/index.html")).isEqualTo(before.get("a/index.html"));
  }

  @Test
  void aCheckFinishesABuildKilledWhileRenamingInTheDefaultOutputFolder() throws IOException {
    site.write(article("c", "Text of c, edited"));
    SiteWriter.simulateKillAfter(0);
    assertThatThrownBy(this::build).isInstanceOf(SiteWriter.SimulatedKill.class);

    BuildResult check =
        Pipeline.build(new BuildOptions(site.root(), null, false, TestSite.TODAY, true, cache));
    assertThat(check.notes()).anyMatch(n -> n.contains("from its journal"));
    assertThat(Trees.fingerprint(out)).isEqualTo(clean());
    assertThat(Trees.names(out.getParent())).noneMatch(n -> n.startsWith(".site."));
  }

  @Test
  void aLinkPutIntoTheOutputMakesTheBuildReplaceTheFolderWhole() throws IOException {
    Object folder = key(out);
    Path elsewhere = Files.createDirectory(tmp.resolve("elsewhere"));
    Trees.delete(out.resolve("c"));
    Files.createSymbolicLink(out.resolve("c"), elsewhere);
    site.write(article("c", "Text of c, edited"));
    assertThat(build().failed()).isFalse();
    assertThat(key(out)).isNotEqualTo(folder);
    assertThat(Trees.fingerprint(out)).isEqualTo(clean());
    assertThat(elsewhere).isEmptyDirectory();
  }

  @Test
  void aBuildThatChangesMostFilesReplacesTheFolderWhole() throws IOException {
    Object folder = key(out);
    Map<String, FileStamp> before = stamps(out);
    site.write("-- sourced.yaml --\ntitle: Another title\n");
    assertThat(build().failed()).isFalse();
    assertThat(key(out)).isNotEqualTo(folder);
    assertThat(Trees.fingerprint(out)).isEqualTo(clean());
    // Files that did not change are hard links to the old ones: same inode and time.
    Map<String, FileStamp> after = stamps(out);
    assertThat(after.get(SiteWriter.MARKER)).isEqualTo(before.get(SiteWriter.MARKER));
  }
}
