package dev.sourced.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.Cli;
import dev.sourced.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sourced new DIR}: a site that builds as it is, and never over someone's files. */
class NewCommandTest {
  @TempDir Path tmp;

  @Test
  void aNewSiteBuildsWithZeroDiagnosticsEvenWhenStrict() {
    Path dir = tmp.resolve("my-site");
    Cli created = Cli.run("new", dir.toString());
    assertThat(created.exit()).as(created.toString()).isZero();
    assertThat(dir.resolve("sourced.yaml")).isRegularFile();
    assertThat(Trees.files(dir.resolve("content"))).anyMatch(f -> f.endsWith(".md"));
    assertThat(dir.resolve("templates")).isDirectory();

    Cli check = Cli.run("check", "--strict", "--source", dir.toString());
    assertThat(check.exit()).as(check.toString()).isZero();
    assertThat(check.diagnosticLines()).isEmpty();

    Path out = tmp.resolve("out");
    Cli build =
        Cli.run("build", "--strict", "--source", dir.toString(), "--output", out.toString());
    assertThat(build.exit()).as(build.toString()).isZero();
    assertThat(build.diagnosticLines()).isEmpty();
    assertThat(out.resolve("index.html")).isRegularFile();
    assertThat(out.resolve("facts.json")).isRegularFile();
  }

  @Test
  void anEmptyExistingFolderIsFine() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("empty"));
    assertThat(Cli.run("new", dir.toString()).exit()).isZero();
    assertThat(dir.resolve("sourced.yaml")).isRegularFile();
  }

  @Test
  void aFolderWithFilesIsRefusedAndLeftAlone() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("taken"));
    Files.writeString(dir.resolve("notes.txt"), "mine");
    var before = Trees.fingerprint(dir);
    Cli r = Cli.run("new", dir.toString());
    assertThat(r.exit()).as(r.toString()).isNotZero();
    assertThat(r.err()).contains(dir.toString()).contains("not empty");
    assertThat(r.hasStackTrace()).isFalse();
    assertThat(Trees.fingerprint(dir)).isEqualTo(before);
  }

  @Test
  void aFileInTheWayIsRefused() throws Exception {
    Path file = Files.writeString(tmp.resolve("file"), "x");
    Cli r = Cli.run("new", file.toString());
    assertThat(r.exit()).as(r.toString()).isNotZero();
    assertThat(Files.readString(file)).isEqualTo("x");
    assertThat(r.hasStackTrace()).isFalse();
  }
}
