package dev.sourced.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.pipeline.BuildResult;
import dev.sourced.testing.TestSite;
import dev.sourced.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output plan is the one list of what a build writes: links to any planned page are known to
 * lead somewhere, the files written are exactly the planned ones, and an article cannot take a
 * planned address.
 */
class OutputPlanTest {
  @TempDir Path dir;

  static final String SITE =
      """
      -- sourced.yaml --
      title: Plan
      base_url: https://example.org/
      -- content/_data/sources.yaml --
      sources:
        europol: {title: Report, publisher: Europol, date: 2021-03-10, url: "https://example.org/r"}
      -- content/a/index.md --
      ---
      title: A
      date: 2021-03-09
      tags: [Policing, policing, Encryption]
      ---
      Text [@europol]. See [search](/search/), [the tag](/tags/policing/),
      [all tags](../tags/), [the index](/search.json), [the source](/sources/europol/),
      [facts](/facts/#top), [the feed](../feed.xml), [home](../), [a picture](pic.txt),
      [methodology](/methodology/), [corrections](../corrections/), [b](../b/).
      -- content/a/pic.txt --
      not really a picture
      -- content/b.md --
      ---
      title: B
      date: 2021-03-10
      tags: [encryption]
      ---
      Back to [a](/a/) and [the missing page](/404.html) [@europol].
      """;

  @Test
  void linksToPagesTheBuildWritesAreNotReportedBroken() {
    TestSite site = TestSite.of(dir, SITE);
    BuildResult r = site.buildStrict();
    assertThat(site.diagnostics()).isEmpty();
    assertThat(r.written()).isTrue();
  }

  @Test
  void aLinkToAnUnplannedPageIsStillReported() {
    TestSite site =
        TestSite.of(dir, SITE)
            .write(
                """
                -- content/b.md --
                ---
                title: B
                date: 2021-03-10
                ---
                See [nothing](/tags/nothing/) [@europol].
                """);
    site.build();
    assertThat(site.diagnostics())
        .containsExactly(
            "content/b.md:5:5: warning[broken-link] the link \"/tags/nothing/\" leads to no page"
                + " of this site");
  }

  @Test
  void theBuildWritesExactlyThePlannedFilesAndTheThemeAssets() {
    TestSite site = TestSite.of(dir, SITE);
    BuildResult r = site.build();
    Set<String> planned = new TreeSet<>();
    for (OutputPlan.Output o : OutputPlan.of(r.site()).outputs()) planned.add(o.path());
    Set<String> written = new TreeSet<>();
    for (String f : Trees.files(site.output())) {
      // Assets and the search index's parts are named by their bytes, like assets.
      if (!f.startsWith("assets/") && !f.startsWith(".") && !f.matches("search/[td]/.*")) {
        written.add(f);
      }
    }
    assertThat(written).isEqualTo(planned);
    assertThat(planned).contains("tags/policing/index.html", "search/index.html", "a/pic.txt");
  }

  @Test
  void redirectsStaticFilesAndTheHomePagesOwnTextArePlannedAndWrittenExactly() {
    TestSite site =
        TestSite.of(
            dir,
            """
            -- sourced.yaml --
            title: Plan
            -- content/_index.md --
            ---
            title: Start
            ---
            Welcome.
            -- content/a.md --
            ---
            title: A
            aliases: [/old-a/, /a.html]
            ---
            Text.
            -- static/robots.txt --
            User-agent: *
            -- static/.well-known/security.txt --
            Contact: mailto:desk@example.org
            """);
    BuildResult r = site.build();
    assertThat(r.failed()).as(r.diagnostics().toString()).isFalse();
    Set<String> planned = new TreeSet<>();
    for (OutputPlan.Output o : OutputPlan.of(r.site()).outputs()) planned.add(o.path());
    Set<String> written = new TreeSet<>();
    for (String f : Trees.files(site.output())) {
      if (!f.startsWith("assets/") && !f.equals(".sourced-build") && !f.matches("search/[td]/.*")) {
        written.add(f);
      }
    }
    assertThat(written).isEqualTo(planned);
    assertThat(planned)
        .contains(
            "index.html", "old-a/index.html", "a.html", "robots.txt", ".well-known/security.txt");
    // The home page's own text takes the generated home page's place: one index.html.
    assertThat(site.html("").selectFirst("article h1").text()).isEqualTo("Start");
  }

  @Test
  void everyAddressTheBuildWritesItselfIsReserved() {
    for (String slug : List.of("search", "tags", "assets", "feed.xml", "search.json", "404.html")) {
      Path d = dir.resolve(slug);
      TestSite site =
          TestSite.of(
              d,
              """
              -- sourced.yaml --
              title: Reserved
              -- content/a.md --
              ---
              title: A
              date: 2021-03-09
              slug: "%s"
              ---
              Text.
              """
                  .formatted(slug));
      site.check();
      assertThat(site.diagnostics()).anyMatch(l -> l.contains("error[reserved-slug]"));
    }
  }

  @Test
  void theThemeFolderIsThePlannedTemplatesAndTheListedFiles() throws Exception {
    Path theme = Path.of("src/main/resources/theme");
    Set<String> onDisk = new TreeSet<>(Trees.files(theme));
    onDisk.remove("theme.list");
    assertThat(new TreeSet<>(dev.sourced.render.Theme.files())).isEqualTo(onDisk);
    for (String t : OutputKind.templates()) assertThat(Files.exists(theme.resolve(t))).isTrue();
  }
}
