package dev.sourced.trust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.cli.Main;
import dev.sourced.testing.Cli;
import dev.sourced.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build whose output disk is read-only or full fails with exit 1 and a one-line message (no stack
 * trace), leaves the previous site byte for byte, and the next build that can write leaves no
 * temporary folder ({@code .NAME.sourced-tmp-*}, {@code .NAME.sourced-old-*}) beside the output.
 * The disks are small tmpfs mounts ({@link Mounts}); without the right to mount, the tests are
 * skipped with the reason.
 */
class DiskFaultsTest {
  @TempDir Path tmp;
  private final Mounts mounts = new Mounts();
  private Path previous;
  private Path changed;

  @BeforeEach
  void twoVersionsOfASite() throws Exception {
    previous = BadInputSuiteTest.PREVIOUS.toAbsolutePath();
    changed = tmp.resolve("changed");
    Trees.copy(previous, changed);
    Files.writeString(
        changed.resolve("sourced.yaml"),
        "title: The next edition\nbase_url: https://example.org/\n");
  }

  @AfterEach
  void unmount() throws Exception {
    mounts.close();
  }

  @Test
  void aReadOnlyOutputDiskKeepsThePreviousSiteAndSaysWhyInOneLine() throws Exception {
    Path disk = mounts.tmpfs(tmp.resolve("ro"), "8m");
    Path out = disk.resolve("site");
    assertThat(build(previous, out).exit()).isZero();
    Map<String, String> before = Trees.fingerprint(out);
    mounts.remount(disk, "ro");

    Cli r = build(changed, out);

    assertThat(r.exit()).as(r.toString()).isEqualTo(Main.CONTENT_ERRORS);
    assertOneLineNoTrace(r, "Read-only file system");
    assertThat(Trees.fingerprint(out)).as("the previous site, byte for byte").isEqualTo(before);
    assertThat(Trees.names(disk)).containsExactly("site");

    mounts.remount(disk, "rw");
    Cli next = build(changed, out);
    assertThat(next.exit()).as(next.toString()).isZero();
    assertThat(Trees.names(disk))
        .as("no temporary folders after the next build")
        .containsExactly("site");
    assertThat(Trees.fingerprint(out)).isEqualTo(clean(changed));
  }

  @Test
  void aReadOnlyFolderByPermissionsKeepsThePreviousSite() throws Exception {
    Assumptions.assumeFalse(
        Mounts.isRoot(),
        "skipped: running as root, where chmod 555 is not enforced (the tmpfs test covers it)");
    Path parent = tmp.resolve("locked");
    Files.createDirectories(parent);
    Path out = parent.resolve("site");
    assertThat(build(previous, out).exit()).isZero();
    Map<String, String> before = Trees.fingerprint(out);
    Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      Cli r = build(changed, out);
      assertThat(r.exit()).as(r.toString()).isEqualTo(Main.CONTENT_ERRORS);
      assertOneLineNoTrace(r, null);
      assertThat(Trees.fingerprint(out)).isEqualTo(before);
    } finally {
      Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  /**
   * The disk holds the previous site and barely more: the build writes the new site beside it
   * before swapping (unchanged files as hard links, which take no room; every changed page as a new
   * file), and runs out of space mid-write.
   */
  @Test
  void aFullOutputDiskKeepsThePreviousSiteAndTheNextRunCleansUp() throws Exception {
    Path disk = mounts.tmpfs(tmp.resolve("full"), "8m");
    Path out = disk.resolve("site");
    assertThat(build(previous, out).exit()).isZero();
    Map<String, String> before = Trees.fingerprint(out);
    long used = Mounts.used(disk);
    long size = (used / 4096 + 2) * 4096;
    mounts.remount(disk, "size=" + size);

    Cli r = build(changed, out);

    assertThat(r.exit()).as(r.toString()).isEqualTo(Main.CONTENT_ERRORS);
    assertThat(r.hasStackTrace()).as(r.toString()).isFalse();
    assertThat(Trees.fingerprint(out)).as("the previous site, byte for byte").isEqualTo(before);

    mounts.remount(disk, "size=8m");
    Cli next = build(changed, out);
    assertThat(next.exit()).as(next.toString()).isZero();
    assertThat(Trees.names(disk))
        .as("no temporary folders after the next build")
        .containsExactly("site");
    assertThat(Trees.fingerprint(out)).isEqualTo(clean(changed));
  }

  /**
   * Stricter than the issue asks: the failed build itself cleans up what it wrote, and its message
   * names the cause. Pages are written by several threads; when one fails, the others must stop
   * before the temporary folder is deleted. Ten tries with four threads, in child JVMs, on a 64 KiB
   * disk.
   */
  @Test
  void aBuildThatRunsOutOfSpaceRemovesItsTemporaryFolderAndNamesTheCause() throws Exception {
    Path disk = mounts.tmpfs(tmp.resolve("tiny"), "64k");
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ChildJvm.Finished f =
          new ChildJvm(tmp.resolve("logs"))
              .jvm("-Dsourced.threads=4")
              .args(
                  "build",
                  "--source",
                  changed.toString(),
                  "--output",
                  disk.resolve("site").toString())
              .run("tiny-" + i, Duration.ofMinutes(2));
      List<String> left = Trees.names(disk);
      List<String> lines = f.err().lines().filter(l -> !l.isBlank()).toList();
      if (f.exit() != Main.CONTENT_ERRORS
          || !left.isEmpty()
          || lines.size() != 1
          || !lines.get(0).contains("No space left on device")) {
        problems.add("try " + i + ": exit " + f.exit() + ", left " + left + ", stderr " + lines);
      }
      for (String n : left) Trees.delete(disk.resolve(n));
    }
    assertThat(problems).isEmpty();
  }

  private static Cli build(Path site, Path out) {
    return Cli.run("build", "--source", site.toString(), "--output", out.toString());
  }

  private Map<String, String> clean(Path site) {
    Path out = tmp.resolve("clean-" + site.getFileName());
    Cli r = build(site, out);
    assertThat(r.exit()).as(r.toString()).isZero();
    return Trees.fingerprint(out);
  }

  /** Standard error is one line (with the cause, when given) and no stack trace. */
  private static void assertOneLineNoTrace(Cli r, String cause) {
    List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
    assertThat(lines).as(r.toString()).hasSize(1);
    assertThat(r.hasStackTrace()).as(r.toString()).isFalse();
    if (cause != null) assertThat(lines.get(0)).as(r.toString()).contains(cause);
  }
}
