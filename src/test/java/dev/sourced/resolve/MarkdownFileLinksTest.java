package dev.sourced.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.parse.MarkdownFileLinks;
import dev.sourced.testing.TestSite;
import java.io.IOException;
import java.nio.file.Path;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Links written to another Markdown file, as on GitHub ({@code [x](other.md)}, {@code
 * [x](../sec/page.md#frag)}), lead to that file's page in the built site, wherever its address
 * comes from (file name, {@code slug:}, bundle, section page, language); a link to a file that is
 * no page is a positioned {@code broken-link} warning, and so is an anchor the page lacks.
 */
class MarkdownFileLinksTest {
  @TempDir Path dir;

  @Test
  void linksToMarkdownFilesLeadToTheirPages() throws IOException {
    TestSite site =
        TestSite.of(
            dir,
            """
            -- sourced.yaml --
            title: Example
            base_url: https://example.org/explainers/
            -- content/posts/Sky ECC Takedown.md --
            ---
            title: Takedown
            date: 2021-03-09
            ---
            See [the timeline](../timeline/Argus_Timeline.md#action-day),
            [the phone](phone/index.md), [the section](../timeline/_index.md),
            [from the top](/posts/Moved.md), [escaped](Moved%2Emd?x=1#top),
            [same page](Sky%20ECC%20Takedown.md) and [a plain one](../../timeline/).
            -- content/posts/Moved.md --
            ---
            title: Moved
            slug: elsewhere/moved-here
            ---
            # Top
            -- content/posts/phone/index.md --
            ---
            title: Phone
            ---
            A bundle.
            -- content/timeline/_index.md --
            ---
            title: Timeline
            ---
            The section.
            -- content/timeline/Argus_Timeline.md --
            ---
            title: Argus
            date: 2021-03-10
            ---
            ## Action day

            Back to [the takedown](<../posts/Sky ECC Takedown.md>).
            """);
    site.build();
    assertThat(site.diagnostics()).noneMatch(d -> d.contains("broken-link"));
    Document takedown = site.html("posts/sky-ecc-takedown/index.html");
    assertThat(takedown.select("main a[href], article a[href]").eachAttr("href"))
        .containsSubsequence(
            "/explainers/timeline/argus_timeline/#action-day",
            "/explainers/posts/phone/",
            "/explainers/timeline/",
            "/explainers/elsewhere/moved-here/",
            "/explainers/elsewhere/moved-here/#top",
            "/explainers/posts/sky-ecc-takedown/",
            "../../timeline/");
    Document argus = site.html("timeline/argus_timeline/index.html");
    assertThat(argus.select("a[href=/explainers/posts/sky-ecc-takedown/]")).hasSize(1);
  }

  @Test
  void aLinkToAFileThatIsNoPageIsAPositionedWarning() throws IOException {
    TestSite site =
        TestSite.of(
            dir,
            """
            -- sourced.yaml --
            title: Example
            -- content/a.md --
            ---
            title: A
            date: 2021-03-09
            ---
            See [b](b.md), [typo](Argus.md), [anchor](argus.md#nowhere),
            [the draft](draft.md), [outside](../../etc/x.md) and [fine](argus.md#action-day).
            -- content/argus.md --
            ---
            title: Argus
            date: 2021-03-10
            ---
            ## Action day
            -- content/draft.md --
            ---
            title: Later
            draft: true
            ---
            Unfinished.
            """);
    site.build();
    assertThat(site.diagnostics())
        .containsExactly(
            "content/a.md:1:1: warning[no-sources] this article cites no sources at all",
            "content/a.md:5:5: warning[broken-link] the link \"b.md\" names content/b.md, which is"
                + " not a page of this site",
            "content/a.md:5:16: warning[broken-link] the link \"Argus.md\" names content/Argus.md,"
                + " which is not a page of this site",
            "content/a.md:5:34: warning[broken-link] the link \"argus.md#nowhere\" names an anchor"
                + " that page does not have",
            "content/a.md:6:1: warning[broken-link] the link \"draft.md\" names content/draft.md,"
                + " which is not a page of this site",
            "content/a.md:6:24: warning[broken-link] the link \"../../etc/x.md\" names a file"
                + " outside content/, which is not a page of this site",
            "content/argus.md:1:1: warning[no-sources] this article cites no sources at all");
    // A link that leads nowhere is written as the author wrote it.
    assertThat(site.html("a/index.html").select("a[href=b.md]")).hasSize(1);
  }

  @Test
  void aLinkFromATranslationLeadsToTheTranslationInItsLanguage() throws IOException {
    TestSite site =
        TestSite.of(
            dir,
            """
            -- sourced.yaml --
            title: Example
            languages: [nl, en]
            -- content/a.md --
            ---
            title: A
            date: 2021-03-09
            ---
            Zie [de gebruikers](users.md).
            -- content/a.en.md --
            ---
            title: A
            date: 2021-03-09
            ---
            See [the users](users.md) and [the Dutch page](users.md#top).
            -- content/users.md --
            ---
            title: Gebruikers
            date: 2021-03-09
            ---
            Tekst.
            -- content/users.en.md --
            ---
            title: Users
            date: 2021-03-09
            ---
            Text.
            """);
    site.build();
    assertThat(site.html("a/index.html").select("a[href=/users/]")).hasSize(1);
    assertThat(site.html("en/a/index.html").select("a[href^=/en/users/]")).hasSize(2);
  }

  @Test
  void whatCountsAsALinkToAMarkdownFile() {
    assertThat(MarkdownFileLinks.isFileLink("other.md")).isTrue();
    assertThat(MarkdownFileLinks.isFileLink("../sec/Page.MD#frag")).isTrue();
    assertThat(MarkdownFileLinks.isFileLink("/posts/a.markdown?x")).isTrue();
    assertThat(MarkdownFileLinks.isFileLink("https://github.com/x/README.md")).isFalse();
    assertThat(MarkdownFileLinks.isFileLink("//cdn.example.org/a.md")).isFalse();
    assertThat(MarkdownFileLinks.isFileLink("#a.md")).isFalse();
    assertThat(MarkdownFileLinks.isFileLink("notes.md/")).isFalse();
    assertThat(MarkdownFileLinks.isFileLink("page.html")).isFalse();
    assertThat(MarkdownFileLinks.target("content/posts/b.md", "../a/x.md"))
        .isEqualTo("content/a/x.md");
    assertThat(MarkdownFileLinks.target("content/posts/b.md", "/a%20b.md"))
        .isEqualTo("content/a b.md");
    assertThat(MarkdownFileLinks.target("content/b.md", "../x.md")).isNull();
  }
}
