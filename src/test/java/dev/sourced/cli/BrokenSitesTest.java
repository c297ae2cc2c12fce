package dev.sourced.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.Cli;
import dev.sourced.testing.Trees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every broken site under {@code src/test/resources/sites/broken/<case>/}, built through the
 * command line into an output folder that already holds a previous site. Each case lists its exact
 * diagnostics, in order, in {@code expected-diagnostics.txt}: the first line of each printed
 * diagnostic ({@code path:line:col: severity[CODE] message}). A case may also hold {@code
 * expected-stderr.txt} (the whole of standard error, with source line, caret and hint) and {@code
 * links.txt} ({@code link -> target} lines: symbolic links made before the build, since a
 * repository cannot hold links leading out of the site). {@code <outside>} in an expected line
 * stands for the folder beside the site that such links lead to.
 */
class BrokenSitesTest {
  static final Path BROKEN = Trees.SITES.resolve("broken");
  static final List<String> NOT_SITE =
      List.of("expected-diagnostics.txt", "expected-stderr.txt", "links.txt");

  @TempDir Path tmp;

  static Stream<String> cases() {
    return Trees.names(BROKEN).stream();
  }

  @Test
  void everyBrokenCaseHasItsExpectedDiagnostics() {
    assertThat(cases().toList())
        .hasSizeGreaterThanOrEqualTo(25)
        .allSatisfy(
            c -> assertThat(BROKEN.resolve(c).resolve("expected-diagnostics.txt")).isRegularFile());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aBrokenSiteFailsWithItsExactDiagnosticsAndLeavesThePreviousOutput(String name)
      throws IOException {
    Path caseDir = BROKEN.resolve(name);
    Path site = tmp.resolve("site");
    Path outside = tmp.resolve("outside");
    Path out = tmp.resolve("out");
    copySite(caseDir, site);
    makeLinks(caseDir, site, outside);

    Cli previous =
        Cli.run(
            "build",
            "--source",
            Trees.fixture("home-newest-first").toString(),
            "--output",
            out.toString());
    assertThat(previous.exit()).as(previous.toString()).isZero();
    Map<String, String> before = Trees.fingerprint(out);
    List<String> siblings = Trees.names(tmp);

    Cli r = Cli.run("build", "--source", site.toString(), "--output", out.toString());

    String context = "case " + name + ": " + r;
    assertThat(r.exit()).as(context).isEqualTo(Main.CONTENT_ERRORS);
    List<String> expected =
        Files.readAllLines(caseDir.resolve("expected-diagnostics.txt"), StandardCharsets.UTF_8)
            .stream()
            .filter(l -> !l.isBlank())
            .map(l -> l.replace("<outside>", realPath(outside)))
            .toList();
    assertThat(r.diagnosticLines()).as(context).containsExactlyElementsOf(expected);
    assertThat(r.hasStackTrace()).as(context).isFalse();
    assertThat(r.err()).as(context).contains("build failed: ");
    assertThat(Trees.fingerprint(out)).as("the previous output is untouched").isEqualTo(before);
    assertThat(Trees.names(tmp)).as("no temporary folders left").isEqualTo(siblings);

    Path stderr = caseDir.resolve("expected-stderr.txt");
    if (Files.exists(stderr)) {
      assertThat(r.err()).isEqualTo(Files.readString(stderr, StandardCharsets.UTF_8));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void checkReportsTheSameDiagnosticsAndWritesNothing(String name) throws IOException {
    Path caseDir = BROKEN.resolve(name);
    Path site = tmp.resolve("site");
    copySite(caseDir, site);
    makeLinks(caseDir, site, tmp.resolve("outside"));
    Map<String, String> before = Trees.fingerprint(tmp);
    Cli build =
        Cli.run("build", "--source", site.toString(), "--output", tmp.resolve("out").toString());
    Cli check = Cli.run("check", "--source", site.toString());
    assertThat(check.exit()).as(check.toString()).isEqualTo(Main.CONTENT_ERRORS);
    assertThat(check.diagnosticLines()).isEqualTo(build.diagnosticLines());
    assertThat(Trees.fingerprint(tmp)).isEqualTo(before);
  }

  private static void copySite(Path caseDir, Path site) {
    Trees.copy(caseDir, site);
    for (String f : NOT_SITE) {
      try {
        Files.deleteIfExists(site.resolve(f));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  private static void makeLinks(Path caseDir, Path site, Path outside) throws IOException {
    Path links = caseDir.resolve("links.txt");
    if (!Files.exists(links)) return;
    Files.createDirectories(outside);
    Files.writeString(outside.resolve("secret.md"), "---\ntitle: Secret\ndate: 2021-01-01\n---\n");
    for (String line : Files.readAllLines(links)) {
      if (line.isBlank()) continue;
      String[] parts = line.split(" -> ");
      Path link = site.resolve(parts[0].strip());
      Files.createDirectories(link.getParent());
      Files.createSymbolicLink(link, Path.of(parts[1].strip()));
    }
  }

  private static String realPath(Path p) {
    try {
      return Files.exists(p) ? p.toRealPath().toString() : p.toString();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
