package dev.sourced.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sourced.diag.Diagnostic;
import dev.sourced.testing.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two fixture sites under {@code src/test/resources/import/}, written in the style of real
 * sites (a Hugo newsroom with TOML, YAML and JSON front-matter, sections, a leaf bundle with
 * images, permalinks, aliases, drafts, mixed-case names and shortcodes; a Jekyll blog with
 * categories, drafts, a collection, Liquid tags and static files), imported: the source is left as
 * it was, the result is the same on every run, and the report lists exactly what was left.
 */
class SiteImporterTest {
  static final Path FIXTURES = Path.of("src/test/resources/import");
  static final Path HUGO = FIXTURES.resolve("hugo-newsroom");
  static final Path JEKYLL = FIXTURES.resolve("jekyll-blog");

  @TempDir Path tmp;

  static List<String> lines(SiteImporter.Result r) {
    return r.report().diagnostics().stream().map(Diagnostic::toString).toList();
  }

  @Test
  void theSourceSiteIsLeftAsItWasAndTwoImportsAreByteIdentical() throws IOException {
    for (var g : List.of(SiteImporter.Generator.HUGO, SiteImporter.Generator.JEKYLL)) {
      Path src = g == SiteImporter.Generator.HUGO ? HUGO : JEKYLL;
      Map<String, String> before = Trees.fingerprint(src);
      Path a = tmp.resolve(g + "-a");
      Path b = tmp.resolve(g + "-b");
      SiteImporter.run(g, src, a, false);
      SiteImporter.run(g, src, b, false);
      assertThat(Trees.fingerprint(src)).as("source after import").isEqualTo(before);
      assertThat(Trees.fingerprint(b)).isEqualTo(Trees.fingerprint(a));
      // Again into the same folder, replacing the earlier import.
      SiteImporter.run(g, src, a, true);
      assertThat(Trees.fingerprint(a)).isEqualTo(Trees.fingerprint(b));
    }
  }

  @Test
  void hugoSiteFilesGoWhereSourcedLooksForThem() throws IOException {
    Path out = tmp.resolve("new");
    SiteImporter.run(SiteImporter.Generator.HUGO, HUGO, out, false);
    assertThat(Trees.files(out))
        .containsExactly(
            "MIGRATION.txt",
            "content/_index.md",
            "content/about.md",
            "content/dossier/sources/_index.md",
            "content/dossier/sources/europol-press-release.md",
            "content/posts/_index.md",
            "content/posts/argus_timeline.md",
            "content/posts/draft-next.md",
            "content/posts/encrochat-2020/images/map.svg",
            "content/posts/encrochat-2020/index.md",
            "content/posts/encrochat-2020/phone.png",
            "content/posts/notice.md",
            "content/posts/sky-ecc-takedown.md",
            "data/authors.yaml",
            "sourced.yaml",
            "static/images/Logo.svg",
            "static/robots.txt");
    assertThat(Files.readString(out.resolve("sourced.yaml")))
        .isEqualTo(
            """
            title: "Sky ECC explainers"
            description: "How police read encrypted phones, explained with the sources."
            base_url: "https://example.org/explainers/"
            language: "en-gb"
            locale: "en"
            author: "Editorial desk"
            """);
    assertThat(Files.readString(out.resolve("content/posts/sky-ecc-takedown.md")))
        .startsWith(
            """
            ---
            title: "Police read Sky ECC: what happened on the action day"
            date: 2021-03-09
            updated: 2021-03-10
            tags: ["Sky ECC", "U.S.", "encryption", "Policing"]
            slug: "2021/03/police-read-sky-ecc-what-happened-on-the-action-day"
            aliases: ["/2021/03/sky-ecc/", "/posts/old-sky-ecc"]
            ---
            Dutch police said they made 30 arrests and searched 75 homes and offices in the
            Netherlands after reading messages sent with Sky ECC. The earlier EncroChat case is
            explained in [our EncroChat page](../../../2020/07/encrochat-the-hack-of-july-2020/) and its
            [timeline](../argus-timeline/#the-action-day).

            ![The service's logo, as shown by police](../../../images/Logo.svg "Sky ECC")

            *The service's logo, as shown by police*

            ```text
            action day: 2021-03-09
            ```

            Site description: {{< param "description" >}}

            To embed a shortcode in Hugo one writes \\{{< figure src="x.png" >}}.
            """);
    // JSON front-matter; publishDate is the date; the slug replaces the permalink's :slug.
    assertThat(Files.readString(out.resolve("content/posts/argus_timeline.md")))
        .startsWith(
            """
            ---
            title: "Operation Argus, a timeline"
            date: 2021-03-10
            tags: ["Sky ECC"]
            slug: "2021/03/argus-timeline"
            ---
            """);
    // Links to Markdown files follow the files they name to their new names.
    assertThat(Files.readString(out.resolve("content/about.md")))
        .endsWith(
            """
            How we count is explained in [the timeline](posts/argus_timeline.md#the-action-day), in
            [the EncroChat page](posts/encrochat-2020/index.md) and [our notes](notes/Unwritten.md).
            """);
    assertThat(Files.readString(out.resolve("content/posts/draft-next.md")))
        .contains("draft: true");
    assertThat(Files.readString(out.resolve("content/dossier/sources/europol-press-release.md")))
        .contains("slug: \"europol\"")
        .contains(
            "[the action day](../2021/03/police-read-sky-ecc-what-happened-on-the-action-day/)");
  }

  @Test
  void hugoReportListsWhatWasLeftWithItsPositionInTheSourceSite() throws IOException {
    var r = SiteImporter.run(SiteImporter.Generator.HUGO, HUGO, tmp.resolve("new"), false);
    assertThat(lines(r))
        .containsExactly(
            "content/about.md:4:1: warning[unmapped-key] front-matter key \"menu\" has no sourced"
                + " equivalent and is left out",
            "content/about.md:5:1: warning[unmapped-key] front-matter key \"weight\" has no sourced"
                + " equivalent and is left out",
            "content/about.md:10:70: warning[unresolved-ref] the Markdown file that the link"
                + " \"notes/Unwritten.md\" names is not in the imported content; kept as written",
            "content/dossier/sources/europol-press-release.md:7:22: warning[unresolved-ref] the page"
                + " that {{< ref \"posts/missing.md\" >}} names is not in the imported content; kept"
                + " as text",
            "content/posts/Argus_Timeline.md:6:3: warning[unmapped-key] front-matter key \"series\""
                + " has no sourced equivalent and is left out",
            "content/posts/Sky-ECC-Takedown.md:9:1: warning[unmapped-key] front-matter key \"toc\""
                + " has no sourced equivalent and is left out",
            "content/posts/Sky-ECC-Takedown.md:22:19: warning[unconverted-shortcode] the shortcode"
                + " {{< param >}} has no sourced equivalent; it is kept as text",
            "content/posts/encrochat-2020/index.md:6:1: warning[unmapped-key] front-matter key"
                + " \"resources\" has no sourced equivalent and is left out",
            "content/posts/encrochat-2020/index.md:13:1: warning[unconverted-shortcode] the shortcode"
                + " {{< gallery >}} has no sourced equivalent; it is kept as text",
            "content/posts/notice.md:5:1: warning[unconverted-shortcode] the shortcode {{% notice %}}"
                + " has no sourced equivalent; it is kept as text",
            "hugo.toml:4:1: warning[not-imported] the theme \"ananke\" is not imported",
            "hugo.toml:5:1: warning[unmapped-config] config key \"paginate\" has no sourced"
                + " equivalent and is left out",
            "hugo.toml:14:1: warning[unmapped-config] config key \"markup\" has no sourced"
                + " equivalent and is left out");
    String saved = Files.readString(tmp.resolve("new/MIGRATION.txt"));
    assertThat(saved)
        .startsWith("sourced import hugo: 10 pages, 5 files copied, 13 to finish by hand")
        .contains(r.report().format(false))
        .contains("  content/posts/Sky-ECC-Takedown.md -> content/posts/sky-ecc-takedown.md\n")
        .contains("  layouts/ (Hugo templates");
  }

  @Test
  void jekyllPostsPagesAndCollectionsKeepTheirAddresses() throws IOException {
    Path out = tmp.resolve("new");
    var r = SiteImporter.run(SiteImporter.Generator.JEKYLL, JEKYLL, out, false);
    assertThat(Trees.files(out))
        .containsExactly(
            "MIGRATION.txt",
            "content/about.md",
            "content/contact.md",
            "content/docs/_index.md",
            "content/docs/method_notes.md",
            "content/explainers/what-is-sky-ecc.md",
            "content/posts/encrochat-lessons.md",
            "content/posts/news/europol-statement.md",
            "content/posts/sky-ecc-arrests.md",
            "data/navigation.yml",
            "sourced.yaml",
            "static/CNAME",
            "static/assets/img/phone.png");
    assertThat(Files.readString(out.resolve("sourced.yaml")))
        .contains("base_url: \"https://example.org/blog\"\n")
        .contains("author: \"Editorial desk\"\n");
    assertThat(Files.readString(out.resolve("content/posts/sky-ecc-arrests.md")))
        .isEqualTo(
            """
            ---
            title: "Thirty arrests after police read Sky ECC"
            date: 2021-03-09
            tags: ["sky-ecc", "encryption", "policing"]
            slug: "policing/2021/03/09/sky-ecc-arrests"
            aliases: ["/policing/2021/03/09/sky-ecc-arrests.html"]
            ---
            Police said they made 30 arrests in the Netherlands on 9 March 2021.
            Europol's statement is covered [in the next post](../../../../../news/europe/2021/03/10/europol-statement/),
            and the background [in the explainer](../../../../../explainers/what-is-sky-ecc/).

            ![A phone](../../../../../assets/img/phone.png)
            ![The same phone](../../../../../assets/img/phone.png)

            ```ruby
            puts "action day"
            ```

            {% include figure.html src="phone.png" %}

            Liquid written as text: \\{{ page.title }}.

            Written by {{ page.author }}.
            """);
    assertThat(Files.readString(out.resolve("content/posts/news/europol-statement.md")))
        .startsWith(
            """
            ---
            title: "Europol on the Sky ECC action"
            date: 2021-03-10
            updated: 2021-03-12
            tags: ["Europe"]
            slug: "news/europe/2021/03/10/europol-statement"
            aliases: ["/europol-statement/", "/news/europe/2021/03/10/Europol-Statement.html"]
            ---
            """);
    assertThat(Files.readString(out.resolve("content/posts/encrochat-lessons.md")))
        .isEqualTo(
            """
            ---
            title: "What EncroChat taught the police"
            draft: true
            ---
            Unfinished.
            """);
    assertThat(Files.readString(out.resolve("content/docs/method_notes.md")))
        .endsWith(
            "[the contact page](../contact.md) and [the arrests](../posts/sky-ecc-arrests.md).\n");
    assertThat(Files.readString(out.resolve("content/contact.md")))
        .contains("aliases: [\"/contact.html\"]");
    assertThat(Files.readString(out.resolve("content/about.md"))).doesNotContain("aliases");
    assertThat(lines(r))
        .contains(
            "_posts/2021-03-09-sky-ecc-arrests.md:2:1: warning[unmapped-key] front-matter key"
                + " \"layout\" has no sourced equivalent and is left out (in 3 files)",
            "_posts/2021-03-09-sky-ecc-arrests.md:18:1: warning[unconverted-liquid] the Liquid tag"
                + " {% include %} has no sourced equivalent; it is kept as text",
            "_posts/2021-03-09-sky-ecc-arrests.md:22:12: warning[unconverted-liquid] the Liquid"
                + " output {{ page.author }} has no sourced equivalent; it is kept as text",
            "index.html:1:1: warning[not-imported] a Liquid page (.html with front-matter) is not"
                + " imported",
            "news/_posts/2021-03-10-Europol-Statement.markdown:10:79: warning[unresolved-ref] the"
                + " page that {% post_url 2020-01-01-nothing %} names is not in the imported site;"
                + " kept as text");
  }

  @Test
  void refusesAFolderInUseAndADestinationInsideTheSource() throws IOException {
    Path used = tmp.resolve("used");
    Files.createDirectories(used);
    Files.writeString(used.resolve("notes.txt"), "mine");
    assertThatThrownBy(() -> SiteImporter.run(SiteImporter.Generator.HUGO, HUGO, used, true))
        .hasMessageContaining("is not empty");
    assertThat(Files.readString(used.resolve("notes.txt"))).isEqualTo("mine");
    Path copy = tmp.resolve("copy");
    Trees.copy(HUGO, copy);
    assertThatThrownBy(
            () -> SiteImporter.run(SiteImporter.Generator.HUGO, copy, copy.resolve("new"), false))
        .hasMessageContaining("outside the source site");
    assertThat(Files.exists(copy.resolve("new"))).isFalse();
  }
}
