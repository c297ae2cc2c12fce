package dev.sourced.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.TestSite;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small inline cases of the citation syntax around CommonMark's own link syntax. */
class CitationSyntaxTest {
  @TempDir Path dir;

  private static final String HEAD =
      """
      -- sourced.yaml --
      title: T
      -- content/a.md --
      ---
      title: A
      date: 2021-03-09
      sources:
        s1: {title: Report, url: "https://example.org/r"}
      ---
      Cited [@s1].

      """;

  @Test
  void aLinkReferenceDefinitionWithTheSameLabelWinsOverACitation() {
    // The citation processor documents that "a real link reference definition of the same label
    // wins": [@ref] with [@ref]: URL below is an ordinary link, not a citation of source "ref".
    TestSite site =
        TestSite.of(
            dir,
            HEAD
                + """
        A link [@ref] with its own definition.

        [@ref]: https://example.org/defined
        """);
    site.build();
    assertThat(site.diagnostics()).isEmpty();
    var p = site.html("a/").select(".article-body p").get(1);
    assertThat(p.select("a").attr("href")).isEqualTo("https://example.org/defined");
    assertThat(p.select("a").text()).isEqualTo("@ref");
    assertThat(p.select("sup.cite")).isEmpty();
  }

  @Test
  void aCitationInsideALinkTextOrWithADestinationIsNotACitation() {
    TestSite site =
        TestSite.of(
            dir,
            HEAD
                + """
        See [@s1](https://example.org/elsewhere).
        """);
    site.build();
    assertThat(site.diagnostics()).isEmpty();
    var p = site.html("a/").select(".article-body p").get(1);
    assertThat(p.select("sup.cite")).isEmpty();
    assertThat(p.select("a").attr("href")).isEqualTo("https://example.org/elsewhere");
  }

  @Test
  void anEscapedBraceAndCodeAreNotExpanded() {
    TestSite site =
        TestSite.of(
            dir,
            HEAD
                + """
        Literal \\{{fact:x}} and `{{fact:y}}` and

        ```
        {{factbox:z}} [@nope]
        ```
        """);
    site.build();
    assertThat(site.diagnostics()).isEmpty();
    var body = site.html("a/").selectFirst(".article-body");
    assertThat(body.select("p").get(1).text()).isEqualTo("Literal {{fact:x}} and {{fact:y}} and");
    assertThat(body.select("pre code").text()).isEqualTo("{{factbox:z}} [@nope]");
    assertThat(body.select("a.fact, aside.factbox")).isEmpty();
  }
}
