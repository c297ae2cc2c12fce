package dev.sourced.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.pipeline.BuildOptions;
import dev.sourced.pipeline.BuildResult;
import dev.sourced.pipeline.Pipeline;
import dev.sourced.testing.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After every kind of edit, an incremental rebuild leaves exactly what a clean build of the same
 * sources writes: same files, same bytes.
 */
class IncrementalBuildTest {
  @TempDir Path dir;

  static final String SITE =
      """
      -- sourced.yaml --
      title: Incremental
      base_url: https://example.org/
      -- content/_data/shared.yaml --
      sources:
        s0: {title: Shared report, publisher: Agency, date: 2021-01-01, url: "https://example.org/s0"}
      facts:
        shared:
          label: Shared figure
          value: 1200
          unit: people
          as_of: 2021-01-01
          sources: [s0]
      -- content/a.md --
      ---
      title: A
      date: 2021-03-09
      tags: [one]
      sources:
        s1: {title: Report, publisher: Europol, date: 2021-03-10, url: "https://example.org/r"}
      facts:
        users:
          label: Users
          value: 70000
          approx: true
          unit: users
          as_of: 2021-03-09
          sources: [s1]
      ---
      Police read {{fact:users}} accounts [@s1]. See {{fact:shared}}.

      {{factbox:users}}
      -- content/b.md --
      ---
      title: B
      date: 2021-03-10
      tags: [one, two]
      ---
      Elsewhere, {{fact:users}} again [@s0].
      """;

  @Test
  void everyKindOfEditGivesWhatACleanBuildGives() throws IOException {
    TestSite site = TestSite.of(dir, SITE);
    Path out = dir.resolve("served");
    Pipeline session =
        Pipeline.keepingState(new BuildOptions(site.root(), out, false, TestSite.TODAY));
    assertThat(session.rebuild(null).failed()).isFalse();
    assertSameAsClean(site, out);

    // Prose-only edits take the quick way (one page rendered); the result must not differ.
    edit(site, "content/a.md", "Police read", "Investigators read");
    rebuildAndCompare(session, site, out, "content/a.md");

    edit(
        site, "content/a.md", "Investigators read", "A new first paragraph.\n\nInvestigators read");
    rebuildAndCompare(session, site, out, "content/a.md");

    edit(site, "content/b.md", "Elsewhere,", "Somewhere else,");
    rebuildAndCompare(session, site, out, "content/b.md");

    edit(site, "content/a.md", "See {{fact:shared}}.", "See {{fact:shared}} and [B](../b/).");
    rebuildAndCompare(session, site, out, "content/a.md");

    edit(site, "content/a.md", "value: 70000", "value: 71000");
    rebuildAndCompare(session, site, out, "content/a.md");

    edit(site, "content/b.md", "title: B", "title: B, renamed");
    rebuildAndCompare(session, site, out, "content/b.md");

    edit(site, "content/b.md", "again [@s0].", "again [@s0].\n\n{{factbox:shared}}");
    rebuildAndCompare(session, site, out, "content/b.md");

    site.write(
        """
        -- content/c.md --
        ---
        title: C
        date: 2021-04-01
        tags: [three]
        ---
        A third article uses {{fact:users}} [@s1].
        """);
    rebuildAndCompare(session, site, out, "content/c.md");

    edit(site, "content/_data/shared.yaml", "value: 1200", "value: 1300");
    rebuildAndCompare(session, site, out, "content/_data/shared.yaml");

    site.write(
        """
        -- templates/404.ftlh --
        <#import "base.ftlh" as base>
        <@base.layout><h1>Lost</h1></@base.layout>
        """);
    rebuildAndCompare(session, site, out, "templates/404.ftlh");

    edit(site, "sourced.yaml", "title: Incremental", "title: Renamed site");
    rebuildAndCompare(session, site, out, "sourced.yaml");

    Files.delete(site.root().resolve("content/c.md"));
    rebuildAndCompare(session, site, out, "content/c.md");
  }

  @Test
  void pagesSectionsAliasesAndStaticFilesRebuildAsACleanBuildDoes() throws IOException {
    TestSite site = TestSite.of(dir, SITE);
    Path out = dir.resolve("served");
    Pipeline session =
        Pipeline.keepingState(new BuildOptions(site.root(), out, false, TestSite.TODAY));
    assertThat(session.rebuild(null).failed()).isFalse();

    site.write(
        """
        -- static/robots.txt --
        User-agent: *
        """);
    rebuildAndCompare(session, site, out, "static/robots.txt");
    edit(site, "static/robots.txt", "User-agent: *", "User-agent: *\nDisallow: /drafts/");
    rebuildAndCompare(session, site, out, "static/robots.txt");

    site.write(
        """
        -- content/_index.md --
        +++
        title = "Start here"
        +++
        The home page's own text.
        -- content/about.md --
        # About us

        No date, so a page.
        """);
    rebuildAndCompare(session, site, out, "content/_index.md");
    // A prose edit of a page and of the home page's own text.
    edit(site, "content/about.md", "No date", "Without a date");
    rebuildAndCompare(session, site, out, "content/about.md");
    edit(site, "content/_index.md", "own text", "own words");
    rebuildAndCompare(session, site, out, "content/_index.md");

    edit(site, "content/b.md", "title: B", "title: B\naliases: [/old-b/]");
    rebuildAndCompare(session, site, out, "content/b.md");
    edit(site, "content/b.md", "aliases: [/old-b/]", "aliases: [/older-b/]");
    rebuildAndCompare(session, site, out, "content/b.md");

    Files.delete(site.root().resolve("static/robots.txt"));
    rebuildAndCompare(session, site, out, "static/robots.txt");
  }

  @Test
  void aBrokenEditKeepsTheLastGoodSiteAndTheFixRestoresIt() throws IOException {
    TestSite site = TestSite.of(dir, SITE);
    Path out = dir.resolve("served");
    Pipeline session =
        Pipeline.keepingState(new BuildOptions(site.root(), out, false, TestSite.TODAY));
    session.rebuild(null);
    Map<String, String> good = tree(out);

    edit(site, "content/a.md", "{{fact:users}} accounts", "{{fact:usres}} accounts");
    BuildResult broken = session.rebuild(List.of("content/a.md"));
    assertThat(broken.failed()).isTrue();
    assertThat(broken.diagnostics().get(0).toString())
        .isEqualTo("content/a.md:16:13: error[unknown-fact] unknown fact \"usres\"");
    assertThat(tree(out)).isEqualTo(good);

    edit(site, "content/a.md", "{{fact:usres}} accounts", "{{fact:users}} people");
    rebuildAndCompare(session, site, out, "content/a.md");
  }

  private void rebuildAndCompare(Pipeline session, TestSite site, Path out, String changed)
      throws IOException {
    BuildResult r = session.rebuild(List.of(changed));
    assertThat(r.failed()).as("rebuild after %s: %s", changed, r.diagnostics()).isFalse();
    assertSameAsClean(site, out);
  }

  private void assertSameAsClean(TestSite site, Path out) throws IOException {
    Path clean = dir.resolve("clean-" + System.nanoTime());
    BuildResult r = Pipeline.build(new BuildOptions(site.root(), clean, false, TestSite.TODAY));
    assertThat(r.failed()).isFalse();
    Map<String, String> expected = tree(clean);
    expected.remove(".sourced-build");
    assertThat(tree(out)).isEqualTo(expected);
  }

  private static void edit(TestSite site, String path, String from, String to) throws IOException {
    Path p = site.root().resolve(path);
    String text = Files.readString(p);
    assertThat(text).contains(from);
    Files.writeString(p, text.replace(from, to));
  }

  /**
   * Every file under a folder, by relative path, with its text (bytes read as ISO-8859-1, so binary
   * files such as favicon.ico compare too).
   */
  static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(
            root.relativize(p).toString().replace('\\', '/'),
            new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1));
      }
    }
    return files;
  }
}
