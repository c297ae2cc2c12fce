package dev.sourced.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sourced.config.ConfigLoader;
import dev.sourced.diag.Diagnostics;
import dev.sourced.load.ArticleFile;
import dev.sourced.load.SourceFile;
import dev.sourced.parse.PageParser;
import dev.sourced.parse.ParsedPage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes every place YAML is read: arbitrary text as an article's front-matter (through {@link
 * PageParser#parse} with an {@link ArticleFile} built here, as the loader would), as a data file
 * and as {@code sourced.yaml}. Nothing may throw; a page that is left out must say why (an error);
 * every position must lie inside the file.
 *
 * <p>A plain {@code mvn test} replays the saved inputs in {@code
 * src/test/resources/dev/sourced/fuzz/FrontMatterFuzzTestInputs/yamlEverywhere/}. To fuzz (one fuzz
 * test per run; crashes are saved into that folder, keep them as regression inputs):
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn test -Dtest=FrontMatterFuzzTest#yamlEverywhere \
 *     -Djazzer.max_duration=30m -Djazzer.instrument='dev.sourced.**,org.yaml.snakeyaml.**'
 * </pre>
 */
class FrontMatterFuzzTest {
  private static final String BODY = "Text {{fact:f1}} [@s1].\n";

  @BeforeAll
  static void replayQuickly() {
    FuzzChecks.fastReplay();
  }

  /** YAML's own tokens, the keys sourced reads, and the line breaks only YAML 1.1 knows. */
  @DictionaryEntries({
    "---",
    "...",
    ": ",
    "- ",
    "? ",
    "&a ",
    "*a",
    "!!str ",
    "!t ",
    "{",
    "}",
    "[",
    "]",
    "\"",
    "'",
    "|",
    ">",
    "#",
    "\t",
    "\u2028",
    "\u0085",
    "title: ",
    "date: ",
    "value: ",
    "values:",
    "sources:",
    "facts:",
    "claims:",
    "use: ",
    "status: disputed",
    "note: ",
    "verdict: ",
    "2021-03-09",
    "https://"
  })
  @FuzzTest(maxDuration = "2m")
  void yamlEverywhere(byte[] input) {
    String yaml = FuzzChecks.normalise(new String(input, StandardCharsets.UTF_8));

    // As front-matter: the fences and body around it, lines counted as the loader counts them.
    String text = "---\n" + yaml + "\n---\n" + BODY;
    int bodyLine = FuzzChecks.lineCount(yaml) + 3;
    ArticleFile article = new ArticleFile("content/a.md", Path.of("content/a.md"), "a", List.of());
    SourceFile src = new SourceFile("content/a.md", text, yaml, 2, BODY, bodyLine);
    Diagnostics diagnostics = new Diagnostics();
    ParsedPage page = PageParser.parse(article, src, false, diagnostics);
    if (page == null) {
      assertThat(diagnostics.hasErrors()).as("a page left out has an error saying why").isTrue();
    }
    FuzzChecks.positionsInside(diagnostics.sorted(), Map.of("content/a.md", text)::get);

    // As a data file.
    Diagnostics data = new Diagnostics();
    assertThat(
            PageParser.parseData(
                new SourceFile("content/_data/d.yaml", yaml, yaml, 1, "", 1), data))
        .isNotNull();
    FuzzChecks.positionsInside(data.sorted(), Map.of("content/_data/d.yaml", yaml)::get);

    // As the site's settings.
    Diagnostics config = new Diagnostics();
    assertThat(ConfigLoader.parse(yaml, config)).isNotNull();
    FuzzChecks.positionsInside(config.sorted(), Map.of("sourced.yaml", yaml)::get);
  }
}
