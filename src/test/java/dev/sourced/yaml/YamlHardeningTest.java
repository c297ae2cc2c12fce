package dev.sourced.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.diag.DiagnosticPrinter;
import dev.sourced.pipeline.BuildResult;
import dev.sourced.testing.CpuClock;
import dev.sourced.testing.TestSite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Front-matter as an attacker or a careless author writes it, through whole builds: YAML 1.1
 * typing, duplicate keys, global tags, alias bombs, deep nesting, recursive keys and size. Each is
 * refused (or read as plain text) with exact diagnostics, quickly, and never with an exception.
 * Diagnostics are compared as {@code sourced check} prints them without source excerpts.
 */
class YamlHardeningTest {
  private static final String CONFIG = "-- sourced.yaml --\ntitle: T\n";
  private static final String NO_SOURCES =
      """
      content/a.md:1:1: warning[no-sources] this article cites no sources at all
        = hint: declare `sources:` and cite them with [@ID], or use facts that have sources
      """;

  @TempDir Path dir;
  private BuildResult result;

  /** Builds a site whose only article has {@code frontMatter} between its fences. */
  private TestSite article(String frontMatter, String body) {
    TestSite site =
        TestSite.of(dir, CONFIG + "-- content/a.md --\n---\n" + frontMatter + "---\n" + body);
    result = CpuClock.within("the build", 10, site::build);
    return site;
  }

  private String printed() {
    return new DiagnosticPrinter(p -> null, false).format(result.diagnostics());
  }

  @Test
  void yaml11LookalikesStayTextInTextFields() {
    TestSite site =
        article(
            """
        title: NO
        summary: 010
        date: 2021-03-09
        authors: [NO, 010, 1.10, "12:30", 12:30, yes]
        """,
            "Text.\n");
    assertThat(printed()).isEqualTo(NO_SOURCES);
    Document page = site.html("a/");
    assertThat(page.select("h1").text()).isEqualTo("NO");
    assertThat(page.select("p.summary").text()).isEqualTo("010");
    assertThat(page.select("p.meta").text()).endsWith("By NO, 010, 1.10, 12:30, 12:30, yes");
  }

  @Test
  void aValueWithALeadingZeroIsAnError() {
    article(
        """
        title: A
        date: 2021-03-09
        sources:
          s1: {title: R, url: "https://example.org/r"}
        facts:
          f1:
            label: L
            value: 010
            sources: [s1]
        """,
        "Text [@s1].\n");
    assertThat(printed())
        .isEqualTo(
            """
        content/a.md:9:12: error[wrong-type] `value` has a leading zero: 010
          = hint: write the number without leading zeros (YAML 1.1 would read 010 as 8)
        """);
    assertThat(result.written()).isFalse();
  }

  @Test
  void february30IsABadDate() {
    article("title: A\ndate: 2024-02-30\n", "Text.\n");
    assertThat(printed())
        .isEqualTo(
            """
        content/a.md:3:7: error[bad-date] `date` is not a valid date: "2024-02-30"
          = hint: write dates as YYYY-MM-DD with a real day, e.g. 2021-03-09
        """);
  }

  @Test
  void duplicateKeysNameTheFirstLineAtEveryLevel() {
    article(
        """
        title: A
        date: 2021-03-09
        sources:
          s1: {title: R, url: "https://example.org/r"}
          s1: {title: S, url: "https://example.org/s"}
        title: B
        """,
        "Text [@s1].\n");
    assertThat(printed())
        .isEqualTo(
            """
        content/a.md:6:3: error[duplicate-key] key "s1" is given twice (first at line 5)
          = hint: remove or rename one of them; YAML would silently keep only the last
        content/a.md:7:1: error[duplicate-key] key "title" is given twice (first at line 2)
          = hint: remove or rename one of them; YAML would silently keep only the last
        """);
  }

  @Test
  void duplicateKeysInADataFileCountFromItsFirstLine() {
    TestSite site =
        TestSite.of(
            dir,
            CONFIG
                + """
        -- content/_data/shared.yaml --
        sources:
          s1: {title: R, url: "https://example.org/r"}
          s1: {title: R}
        -- content/a.md --
        ---
        title: A
        date: 2021-03-09
        ---
        Text [@s1].
        """);
    result = site.build();
    assertThat(printed())
        .isEqualTo(
            """
        content/_data/shared.yaml:3:3: error[duplicate-key] key "s1" is given twice (first at line 2)
          = hint: remove or rename one of them; YAML would silently keep only the last
        """);
  }

  @Test
  void globalTagsAreRefused() {
    article(
        """
        title: A
        date: 2021-03-09
        summary: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://localhost/"]]]]
        """,
        "Text.\n");
    assertThat(printed())
        .isEqualTo(
            """
        content/a.md:4:10: error[yaml-syntax] invalid YAML in front-matter: Global tag is not allowed: tag:yaml.org,2002:javax.script.ScriptEngineManager
          = hint: YAML tags (`!!type`, `!name`) are not allowed
        """);
  }

  @Test
  void anAliasBombIsRefusedQuickly() {
    List<String> lines =
        new ArrayList<>(
            List.of(
                "title: A",
                "date: 2021-03-09",
                "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"));
    String names = "abcdefghi";
    for (int i = 1; i < names.length(); i++) {
      String previous = "*" + names.charAt(i - 1);
      lines.add(
          names.charAt(i)
              + ": &"
              + names.charAt(i)
              + " ["
              + String.join(",", java.util.Collections.nCopies(9, previous))
              + "]");
    }
    long start = CpuClock.process(); // the build runs on threads of its own
    article(String.join("\n", lines) + "\n", "Text.\n");
    assertThat((CpuClock.process() - start) / 1_000_000).as("CPU milliseconds").isLessThan(5_000);
    assertThat(printed())
        .isEqualTo(
            """
        content/a.md:2:1: error[yaml-syntax] invalid YAML in front-matter: Number of aliases for non-scalar nodes exceeds the specified max=20
          = hint: use fewer YAML aliases (`*name`)
        """);
  }

  @Test
  void deepFlowNestingIsRefused() {
    article(
        "title: A\ndate: 2021-03-09\nsummary: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n",
        "Text.\n");
    assertThat(printed())
        .isEqualTo(
            """
        content/a.md:2:1: error[yaml-syntax] invalid YAML in front-matter: Nesting Depth exceeded max 24
          = hint: flatten the YAML structure
        """);
  }

  @Test
  void deepBlockNestingIsRefused() {
    StringBuilder yaml = new StringBuilder("title: A\ndate: 2021-03-09\nx:\n");
    for (int i = 1; i <= 60; i++) yaml.append("  ".repeat(i)).append("k:\n");
    article(yaml.toString(), "Text.\n");
    assertThat(printed())
        .isEqualTo(
            """
        content/a.md:2:1: error[yaml-syntax] invalid YAML in front-matter: Nesting Depth exceeded max 24
          = hint: flatten the YAML structure
        """);
  }

  @Test
  void aRecursiveKeyIsRefused() {
    article("title: A\ndate: 2021-03-09\n? &k [a, *k]\n: v\n", "Text.\n");
    assertThat(printed())
        .isEqualTo(
            """
        content/a.md:1:1: warning[no-sources] this article cites no sources at all
          = hint: declare `sources:` and cite them with [@ID], or use facts that have sources
        content/a.md:4:3: error[yaml-key] a key must be plain text, not a list
          = hint: write keys as words, e.g. `title:`
        """);
  }

  @Test
  void recursiveValuesAreReadOnceWithoutLooping() {
    article("title: A\ndate: 2021-03-09\nauthors: &k [x, *k]\ntags: &t [y, *t]\n", "Text.\n");
    assertThat(printed())
        .isEqualTo(
            NO_SOURCES
                + """
        content/a.md:4:10: error[wrong-type] `authors[]` must be text, not a list
          = hint: each item of `authors` is one word or phrase
        content/a.md:5:7: error[wrong-type] `tags[]` must be text, not a list
          = hint: each item of `tags` is one word or phrase
        """);
  }

  @Test
  void oversizedFrontMatterIsRefused() {
    article(
        "title: A\ndate: 2021-03-09\nsummary: " + "x".repeat(SafeYaml.CODE_POINT_LIMIT) + "\n",
        "Text.\n");
    assertThat(printed())
        .isEqualTo(
            """
        content/a.md:2:1: error[yaml-syntax] invalid YAML in front-matter: The incoming YAML document exceeds the limit: 1048576 code points.
          = hint: front-matter is limited to 1048576 characters; move data to content/_data/
        """);
  }

  @Test
  void tabIndentationGetsTheTabHint() {
    article("title: A\ndate: 2021-03-09\nsources:\n\ts1: {title: R}\n", "Text.\n");
    assertThat(printed())
        .isEqualTo(
            """
        content/a.md:5:1: error[yaml-syntax] invalid YAML in front-matter: found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation)
          = hint: indent YAML with spaces, not tabs
        """);
  }

  @Test
  void crlfFrontMatterKeepsLineNumbers() {
    TestSite site = TestSite.of(dir, CONFIG);
    site.write("-- content/a.md --\n---\ntitle: A\ndate: 2021-03-09\ntitle: B\n---\nText.\n");
    try {
      Path file = site.root().resolve("content/a.md");
      java.nio.file.Files.writeString(
          file, java.nio.file.Files.readString(file).replace("\n", "\r\n"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    result = site.build();
    assertThat(printed())
        .isEqualTo(
            NO_SOURCES
                + """
        content/a.md:4:1: error[duplicate-key] key "title" is given twice (first at line 2)
          = hint: remove or rename one of them; YAML would silently keep only the last
        """);
  }
}
