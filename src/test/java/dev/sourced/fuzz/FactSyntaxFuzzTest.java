package dev.sourced.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sourced.pipeline.BuildResult;
import dev.sourced.testing.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the fact syntax: arbitrary bytes as the Markdown body of an article whose front-matter
 * declares sources, facts (plain, compact, disputed) and a claim, through the real build (load,
 * parse, resolve, render; nothing written). The build must return a result, never throw, and every
 * diagnostic must point inside the file.
 *
 * <p>A plain {@code mvn test} replays the saved inputs in {@code
 * src/test/resources/dev/sourced/fuzz/FactSyntaxFuzzTestInputs/markdownBody/}. To fuzz (one fuzz
 * test per run; crashes are saved into that folder, keep them as regression inputs):
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn test -Dtest=FactSyntaxFuzzTest#markdownBody \
 *     -Djazzer.max_duration=30m -Djazzer.instrument='dev.sourced.**,org.commonmark.**'
 * </pre>
 */
class FactSyntaxFuzzTest {
  static final String FRONT_MATTER =
      """
      ---
      title: Fuzz
      date: 2021-03-09
      sources:
        s1: {title: First, publisher: Europol, date: 2021-03-10, url: "https://example.org/s1"}
        s2: {title: Second, publisher: NL Times, url: "https://example.org/s2"}
      facts:
        f1:
          {label: Users, value: 70000, approx: true, unit: users, as_of: 2021-03-09, sources: [s1]}
        f2: {label: Messages, value: 80000000, format: compact, qualifier: more-than, sources: [s2]}
        e1: {label: Cost, value: 1200000, unit: EUR, format: compact, sources: [s1, s2]}
        d1:
          label: Users worldwide
          values:
            - {value: 170000, source: s2, scope: all users}
            - {text: hundreds of thousands, source: s1, scope: estimate}
          use: 0
          status: disputed
          note: They count different users.
      claims:
        c1:
          claim: It could not be read.
          claimant: Sky Global
          date: 2021-03-10
          verdict: false
          sources: [s1]
      ---
      """;

  @TempDir static Path dir;
  private static TestSite site;

  private static TestSite site() {
    if (site == null) {
      site = TestSite.of(dir, "-- sourced.yaml --\ntitle: Fuzz\nbase_url: https://example.org/\n");
    }
    return site;
  }

  @BeforeAll
  static void replayQuickly() {
    FuzzChecks.fastReplay();
  }

  /** Tokens in libFuzzer's format (an inline entry cannot hold a line break). */
  @DictionaryFile(resourcePath = "facts.dict")
  @FuzzTest(maxDuration = "2m")
  void markdownBody(byte[] body) throws IOException {
    TestSite s = site();
    Path file = s.root().resolve("content/a.md");
    Files.createDirectories(file.getParent());
    byte[] head = FRONT_MATTER.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] all = new byte[head.length + body.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(body, 0, all, head.length, body.length);
    Files.write(file, all);

    BuildResult result = s.check();
    assertThat(result).isNotNull();
    assertThat(result.written()).isFalse();
    FuzzChecks.positionsInside(result.diagnostics(), result.sourceText());
  }
}
