package dev.sourced.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.TestSite;
import java.nio.file.Path;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sources carry their durability: the day they were read and an archived copy with its date, in
 * every reference list and on the source's page; {@code require_archive} makes a missing copy a
 * warning, which {@code --strict} fails on.
 */
class SourceDurabilityFixtureTest {
  @TempDir Path dir;

  static final String SITE =
      """
      -- sourced.yaml --
      locale: en-GB
      title: T
      -- content/_data/shared.yaml --
      sources:
        wayback:
          title: Kept by the Wayback Machine
          url: https://example.org/a
          accessed: 2021-03-10
          archive: https://web.archive.org/web/20210312093000/https://example.org/a
        dated:
          title: Kept elsewhere
          url: https://example.org/b
          archive: https://archive.example/b
          archived: 2021-04-01
        plain:
          title: Not kept
          url: https://example.org/c
      facts:
        shared:
          label: A shared figure
          value: 30
          sources: [wayback]
      -- content/a.md --
      ---
      title: A
      date: 2021-03-09
      ---
      Text {{fact:shared}} [@dated; @plain].
      """;

  @Test
  void everyReferenceListAndTheSourcePageShowTheAccessDateAndTheArchivedCopyWithItsDate() {
    TestSite site = TestSite.of(dir, SITE);
    assertThat(site.build().diagnostics()).isEmpty();

    Element article = site.html("a/index.html").selectFirst("section.references");
    // Sources cited in the text come first, in citation order; the fact's own source follows.
    assertThat(article.select("li").eachText())
        .containsExactly(
            "Kept elsewhere. Archived copy, 1 April 2021. What else cites this"
                + " https://example.org/b",
            "Not kept. What else cites this https://example.org/c",
            "Kept by the Wayback Machine. Accessed 10 March 2021. Archived copy, 12 March 2021."
                + " What else cites this https://example.org/a");
    assertThat(article.selectFirst("li a[href^=https://web.archive.org/]").text())
        .isEqualTo("Archived copy");

    Element facts = site.html("facts/index.html").selectFirst("section.references");
    assertThat(facts.select("li").eachText())
        .containsExactly(
            "Kept by the Wayback Machine. Accessed 10 March 2021. Archived copy, 12 March 2021."
                + " What else cites this");

    Element meta = site.html("sources/wayback/index.html").selectFirst("dl.source-meta");
    assertThat(meta.text())
        .contains("Accessed 10 March 2021")
        .contains(
            "Archived copy https://web.archive.org/web/20210312093000/https://example.org/a, 12"
                + " March 2021");
    assertThat(meta.selectFirst("time[datetime=2021-03-12]")).isNotNull();
  }

  @Test
  void requireArchiveWarnsAboutEachSourceWithoutACopyAndStrictFailsOnIt() {
    TestSite site =
        TestSite.of(dir, SITE).write("-- sourced.yaml --\ntitle: T\nrequire_archive: true\n");
    site.build();
    assertThat(site.diagnostics())
        .containsExactly(
            "content/_data/shared.yaml:12:3: warning[missing-archive] source \"plain\" has no"
                + " archived copy (sourced.yaml has require_archive)");
    assertThat(site.buildStrict().failed()).isTrue();
  }
}
