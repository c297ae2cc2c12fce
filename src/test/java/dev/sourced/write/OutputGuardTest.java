package dev.sourced.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.cli.Main;
import dev.sourced.testing.Cli;
import dev.sourced.testing.TestSite;
import dev.sourced.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output folder is replaced whole, so the build refuses any --output that would destroy
 * something: the site folder, a parent of it, a folder inside content/ or templates/, a file, and a
 * non-empty folder that sourced did not write. Nothing anywhere changes when it refuses.
 */
class OutputGuardTest {
  @TempDir Path tmp;
  Path site;

  @BeforeEach
  void makeSite() throws Exception {
    TestSite s =
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
        -- content/sub/b.md --
        ---
        title: B
        date: 2021-03-10
        ---
        Text [@s1].
        -- templates/index.ftlh --
        <#import "base.ftlh" as base><@base.layout><h1>${site.title}</h1></@base.layout>
        """);
    site = s.root();
  }

  private void refused(Path output, String reason) {
    Map<String, String> before = Trees.fingerprint(tmp);
    Cli r = Cli.run("build", "--source", site.toString(), "--output", output.toString());
    assertThat(r.exit()).as(r.toString()).isEqualTo(Main.CONTENT_ERRORS);
    assertThat(r.diagnosticLines()).as(r.toString()).hasSize(1);
    assertThat(r.diagnosticLines().get(0))
        .startsWith(output + ": error[bad-output] ")
        .contains(reason);
    assertThat(r.hasStackTrace()).isFalse();
    assertThat(Trees.fingerprint(tmp)).as("nothing changed").isEqualTo(before);
  }

  @Test
  void theSiteFolderItself() {
    refused(site, "is the site folder or contains it");
    refused(site.resolve("."), "is the site folder or contains it");
    refused(site.resolve("content/.."), "is the site folder or contains it");
  }

  @Test
  void aParentOfTheSiteFolder() {
    refused(tmp, "is the site folder or contains it");
  }

  @Test
  void aFolderInsideContentOrTemplates() {
    refused(site.resolve("content"), "is inside the site's content/ folder");
    refused(site.resolve("content/sub"), "is inside the site's content/ folder");
    refused(site.resolve("content/new-folder"), "is inside the site's content/ folder");
    refused(site.resolve("templates/out"), "is inside the site's templates/ folder");
  }

  @Test
  void aFolderInsideContentReachedThroughALink() throws Exception {
    Path link = Files.createSymbolicLink(tmp.resolve("link-to-content"), site.resolve("content"));
    refused(link.resolve("out"), "is inside the site's content/ folder");
  }

  @Test
  void aNonEmptyFolderThatSourcedDidNotWrite() throws Exception {
    Path mine = Files.createDirectories(tmp.resolve("my-documents"));
    Files.writeString(mine.resolve("thesis.txt"), "years of work");
    refused(mine, "holds files that sourced did not write");
  }

  @Test
  void aFile() throws Exception {
    Path file = Files.writeString(tmp.resolve("file.txt"), "x");
    refused(file, "is a file, not a folder");
  }

  @Test
  void anEmptyFolderOrAFolderSourcedWroteIsAccepted() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    assertThat(Cli.run("build", "--source", site.toString(), "--output", empty.toString()).exit())
        .isZero();
    assertThat(Cli.run("build", "--source", site.toString(), "--output", empty.toString()).exit())
        .as("its own output again")
        .isZero();
    assertThat(
            Cli.run(
                    "build",
                    "--source",
                    site.toString(),
                    "--output",
                    site.resolve("site").toString())
                .exit())
        .as("the default site/ inside the site")
        .isZero();
  }
}
