package dev.sourced.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.TestSite;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * YAML, TOML and JSON front-matter mean the same and are checked the same: one page written in each
 * gives the same page, and the same mistake in each gives the same diagnostic at the position of
 * the value at fault.
 */
class FrontMatterFormatsTest {
  static final String CONFIG =
      """
      -- sourced.yaml --
      title: Formats
      -- content/_data/sources.yaml --
      sources:
        report: {title: Annual report, url: "https://example.org/report"}
      """;

  @TempDir Path tmp;

  @Test
  void theSameFrontMatterInEachLanguageGivesTheSamePage() {
    TestSite site =
        TestSite.of(
            tmp,
            CONFIG
                + """
                -- content/yaml.md --
                ---
                title: "Ten: a list"
                summary: "10"
                date: 2021-03-16
                tags: [policing, "U.S."]
                draft: false
                ---
                Text [@report].
                -- content/toml.md --
                +++
                title = "Ten: a list"
                summary = "10"
                date = 2021-03-16T09:00:00+01:00
                tags = ["policing", "U.S."]
                draft = false
                +++
                Text [@report].
                -- content/json.md --
                {
                  "title": "Ten: a list",
                  "summary": "10",
                  "date": "2021-03-16",
                  "tags": ["policing", "U.S."],
                  "draft": false
                }
                Text [@report].
                """);
    site.build();
    assertThat(site.diagnostics()).isEmpty();
    for (String page : List.of("yaml/", "toml/", "json/")) {
      Document d = site.html(page);
      assertThat(d.selectFirst("article h1").text()).as(page).isEqualTo("Ten: a list");
      assertThat(d.selectFirst(".summary").text()).as(page).isEqualTo("10");
      assertThat(d.select("time").first().attr("datetime")).as(page).isEqualTo("2021-03-16");
      assertThat(d.select(".tags a").eachAttr("href"))
          .as(page)
          .containsExactly("/tags/policing/", "/tags/u.s/");
      assertThat(d.select(".article-body p").text()).as(page).startsWith("Text");
    }
  }

  @Test
  void theSameMistakesGiveTheSameDiagnosticsAtTheValue() {
    TestSite site =
        TestSite.of(
            tmp,
            CONFIG
                + """
                -- content/a-yaml.md --
                ---
                title: A
                date: 2021-02-30
                draft: "yes"
                tags: [ok, [nested]]
                wieght: 1
                ---
                Text [@report].
                -- content/b-toml.md --
                +++
                title = "B"
                date = "2021-02-30"
                draft = "yes"
                tags = ["ok", ["nested"]]
                wieght = 1
                +++
                Text [@report].
                -- content/c-json.md --
                {
                  "title": "C",
                  "date": "2021-02-30",
                  "draft": "yes",
                  "tags": ["ok", ["nested"]],
                  "wieght": 1
                }
                Text [@report].
                """);
    site.build();
    assertThat(site.diagnostics())
        .containsExactly(
            "content/a-yaml.md:3:7: error[bad-date] `date` is not a valid date: \"2021-02-30\"",
            "content/a-yaml.md:4:8: error[wrong-type] `draft` must be true or false, not \"yes\"",
            "content/a-yaml.md:5:12: error[wrong-type] `tags[]` must be text, not a list",
            "content/a-yaml.md:6:1: warning[unknown-key] unknown key \"wieght\" in front-matter"
                + " (also in 2 other files)",
            "content/b-toml.md:3:8: error[bad-date] `date` is not a valid date: \"2021-02-30\"",
            "content/b-toml.md:4:9: error[wrong-type] `draft` must be true or false, not \"yes\"",
            "content/b-toml.md:5:15: error[wrong-type] `tags[]` must be text, not a list",
            "content/c-json.md:3:11: error[bad-date] `date` is not a valid date: \"2021-02-30\"",
            "content/c-json.md:4:12: error[wrong-type] `draft` must be true or false, not \"yes\"",
            "content/c-json.md:5:18: error[wrong-type] `tags[]` must be text, not a list");
  }

  @Test
  void aKeyGivenTwiceIsAnErrorInEveryLanguage() {
    TestSite site =
        TestSite.of(
            tmp,
            CONFIG
                + """
                -- content/a.md --
                ---
                title: A
                title: B
                ---
                Text.
                -- content/b.md --
                +++
                title = "A"
                title = "B"
                +++
                Text.
                -- content/c.md --
                {"title": "A",
                 "title": "B"}
                Text.
                """);
    site.build();
    assertThat(site.diagnostics())
        .containsExactly(
            "content/a.md:3:1: error[duplicate-key] key \"title\" is given twice (first at line 2)",
            "content/b.md:3:1: error[toml-syntax] invalid TOML in front-matter: title previously"
                + " defined at line 2, column 1",
            "content/c.md:2:2: error[duplicate-key] key \"title\" is given twice (first at line 1)");
  }
}
