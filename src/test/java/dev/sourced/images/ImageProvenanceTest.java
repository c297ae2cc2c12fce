package dev.sourced.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.TestImages;
import dev.sourced.testing.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An image's provenance, declared under {@code images:} and checked like a source: figures with
 * caption, credit and licence; source pages that list the images relying on them; and the exact
 * diagnostics of an entry without credit or alternative text, an image shown with no entry, an
 * unknown source or file.
 */
class ImageProvenanceTest {
  @TempDir Path dir;

  static final String CONFIG =
      """
      -- sourced.yaml --
      locale: en-GB
      title: Test
      base_url: https://example.org/
      images: {widths: [100, 200], webp: false}
      """;

  private TestSite site(String article) throws IOException {
    TestSite site = TestSite.of(dir, CONFIG + "-- content/port/index.md --\n" + article);
    byte[] jpeg = TestImages.jpeg(TestImages.photo(300, 200, 1), 0.8f);
    Files.write(site.root().resolve("content/port/harbour.jpg"), jpeg);
    Files.write(site.root().resolve("content/port/crane.jpg"), jpeg);
    return site;
  }

  @Test
  void aCreditedImageAloneInItsParagraphIsAFigureWithCaptionCreditAndLicence() throws IOException {
    TestSite site =
        site(
            """
            ---
            title: The port
            date: 2021-03-09
            sources:
              pa: {title: Port photos, publisher: Port Authority, url: "https://example.org/p"}
            images:
              harbour.jpg:
                credit: Jan de Vries
                licence: CC BY 4.0
                licence_url: https://creativecommons.org/licenses/by/4.0/
                source: pa
                date: 2021-03-09
              crane.jpg:
                alt: A crane over the quay
                credit: Port Authority
                licence: CC0 1.0
                url: https://example.org/crane
                caption: The crane, from the entry.
            ---
            ![Ships in the harbour](harbour.jpg "The harbour at dawn.")

            Words, then an image among them: ![](crane.jpg) and more words.

            ![](crane.jpg)
            """);
    site.build();
    assertThat(site.diagnostics()).isEmpty();
    Document page = site.html("port/");
    Element figure = page.selectFirst(".article-body figure.figure");
    assertThat(figure).isNotNull();
    Element img = figure.selectFirst("img");
    assertThat(img.attr("alt")).isEqualTo("Ships in the harbour");
    assertThat(img.hasAttr("title")).as("the title is the caption").isFalse();
    Element caption = figure.selectFirst("figcaption");
    assertThat(caption.text())
        .isEqualTo("The harbour at dawn. Image: Jan de Vries, 9 March 2021, CC BY 4.0");
    Element credit = caption.selectFirst(".image-credit a");
    assertThat(credit.attr("href")).isEqualTo("/sources/pa/");
    assertThat(credit.text()).isEqualTo("Jan de Vries");
    Element licence = caption.select(".image-credit a").last();
    assertThat(licence.attr("href")).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
    assertThat(licence.attr("rel")).contains("license");

    // Inline: an <img> in its paragraph, alt text from the entry; alone: a figure, caption too.
    Element inline = page.selectFirst(".article-body p img");
    assertThat(inline.attr("alt")).isEqualTo("A crane over the quay");
    Element second = page.select(".article-body figure").get(1);
    assertThat(second.selectFirst("figcaption").text())
        .isEqualTo("The crane, from the entry. Image: Port Authority, CC0 1.0");
    assertThat(second.selectFirst(".image-credit a").attr("href"))
        .isEqualTo("https://example.org/crane");

    // The source's page and the sources list name the images that rely on it.
    Document source = site.html("sources/pa/");
    Element listed = source.selectFirst(".source-images li");
    assertThat(listed).isNotNull();
    assertThat(listed.text()).contains("harbour.jpg").contains("The port");
    assertThat(listed.selectFirst("a").attr("href")).isEqualTo("/port/harbour.jpg");
    assertThat(site.html("sources/").selectFirst(".source-index li").text()).contains("1 image");
  }

  @Test
  void anEntryWithoutCreditOrAltTextIsAPositionedErrorAndDecorativeNeedsNoAlt() throws IOException {
    TestSite site =
        site(
            """
            ---
            title: The port
            date: 2021-03-09
            images:
              harbour.jpg: {licence: CC0 1.0, url: "https://example.org/h"}
              crane.jpg: {credit: Me, licence: CC0 1.0, url: "https://example.org/c", decorative: true}
            ---
            ![](harbour.jpg)

            ![](crane.jpg)
            """);
    site.build();
    assertThat(site.diagnostics())
        .containsExactly(
            "content/port/index.md:1:1: warning[no-sources] this article cites no sources at all",
            "content/port/index.md:5:16: error[missing-field] image \"harbour.jpg\" needs"
                + " `credit`",
            "content/port/index.md:8:1: error[missing-alt] image \"harbour.jpg\" has no"
                + " alternative text");
  }

  @Test
  void anImageShownWithoutAnEntryIsAWarningAndAnErrorUnderStrict() throws IOException {
    TestSite site =
        site(
            """
            ---
            title: The port
            date: 2021-03-09
            ---
            ![Ships](harbour.jpg)
            """);
    site.build();
    assertThat(site.diagnostics())
        .containsExactly(
            "content/port/index.md:1:1: warning[no-sources] this article cites no sources at all",
            "content/port/index.md:5:1: warning[uncredited-image] image \"harbour.jpg\" has no"
                + " entry under images: (who made it, its licence)");
    assertThat(site.html("port/").selectFirst("figure img").attr("width")).isEqualTo("300");
    site.buildStrict();
    assertThat(site.diagnostics())
        .containsExactly(
            "content/port/index.md:1:1: error[no-sources] this article cites no sources at all",
            "content/port/index.md:5:1: error[uncredited-image] image \"harbour.jpg\" has no"
                + " entry under images: (who made it, its licence)");
  }

  @Test
  void anUnknownSourceOrFileGetsDidYouMean() throws IOException {
    TestSite site =
        site(
            """
            ---
            title: The port
            date: 2021-03-09
            sources:
              port-authority: {title: Port photos, url: "https://example.org/p"}
            images:
              harbour.jpg: {credit: Me, licence: CC0 1.0, source: port-autority}
              harbor.jpg: {credit: Me, licence: CC0 1.0, url: "https://example.org/h"}
              crane.jpg: {credit: Me}
            ---
            ![Ships](harbour.jpg)
            """);
    site.build();
    assertThat(site.diagnostics())
        .containsExactly(
            "content/port/index.md:5:3: warning[unused-source] source \"port-authority\" is"
                + " declared but nothing cites it",
            "content/port/index.md:7:55: error[unknown-source] image \"harbour.jpg\" names"
                + " unknown source \"port-autority\"",
            "content/port/index.md:8:3: error[unknown-image] images: names \"harbor.jpg\","
                + " which is not a file beside this article",
            "content/port/index.md:9:3: warning[image-provenance] image \"crane.jpg\" does not"
                + " say its licence",
            "content/port/index.md:9:3: warning[image-provenance] image \"crane.jpg\" does not"
                + " say where it comes from");
    assertThat(site.result().diagnostics().get(1).hint())
        .isEqualTo("did you mean \"port-authority\"?");
    assertThat(site.result().diagnostics().get(2).hint())
        .isEqualTo("did you mean \"harbour.jpg\"?");
  }
}
