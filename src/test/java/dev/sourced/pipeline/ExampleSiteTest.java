package dev.sourced.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.Cli;
import dev.sourced.testing.TestSite;
import dev.sourced.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's own example site (the project root: sourced.yaml, content/, templates/) builds
 * cleanly, also under --strict, and its output is byte for byte the committed site/ folder; this is
 * what CI checks. Builds go to a temporary folder, never into ./site.
 */
class ExampleSiteTest {
  static final Path ROOT = Path.of("").toAbsolutePath();
  @TempDir static Path tmp;
  static TestSite site;

  @BeforeAll
  static void build() {
    assertThat(ROOT.resolve("sourced.yaml")).as("tests run from the project root").isRegularFile();
    site = TestSite.at(ROOT, tmp.resolve("out"));
    site.build();
  }

  @Test
  void theExampleSiteBuildsWithZeroDiagnostics() {
    assertThat(site.diagnostics()).isEmpty();
  }

  @Test
  void theExampleSiteBuildsWithZeroDiagnosticsUnderStrict() {
    Cli r = Cli.run("check", "--strict", "--source", ROOT.toString());
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.diagnosticLines()).isEmpty();
    assertThat(TestSite.at(ROOT, tmp.resolve("strict")).buildStrict().diagnostics()).isEmpty();
  }

  @Test
  void theOutputIsTheCommittedSiteFolderByteForByte() {
    Path committed = ROOT.resolve("site");
    assertThat(committed.resolve("index.html")).isRegularFile();
    Map<String, String> expected = Trees.fingerprint(committed);
    Map<String, String> actual = Trees.fingerprint(site.output());
    assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void aBuildThroughTheCommandLineGivesTheSameBytes() throws Exception {
    Path out = tmp.resolve("cli");
    Cli r = Cli.run("build", "--source", ROOT.toString(), "--output", out.toString());
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(Trees.fingerprint(out)).isEqualTo(Trees.fingerprint(site.output()));
    assertThat(Files.exists(ROOT.resolve("site").resolve(".sourced-build"))).isTrue();
  }

  /** Inside one citation mark numbers ascend, in the text and in every explainer piece. */
  @Test
  void everyCitationMarkOnEveryPageHasItsNumbersInAscendingOrder() {
    int marks = 0;
    for (String f : Trees.files(site.output())) {
      if (!f.endsWith(".html")) continue;
      for (Element sup : site.html(f).select("sup.cite")) {
        List<Integer> numbers = sup.select("a").eachText().stream().map(Integer::valueOf).toList();
        assertThat(numbers).as(f + ": " + sup.text()).isSorted();
        marks++;
      }
    }
    assertThat(marks).isGreaterThan(50);
  }
}
