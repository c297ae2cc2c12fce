package dev.sourced.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.util.ULocale;
import dev.sourced.testing.TestSite;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page without a {@code summary} still has a meta description: the first words of its text, in
 * its own language, without citation marks, fact boxes or captions, cut at a word boundary.
 */
class PageDescriptionTest {
  @TempDir Path dir;

  static final String SITE =
      """
      -- sourced.yaml --
      title: Descriptions
      base_url: https://example.org/
      languages: [en, nl]
      description: {en: The site, nl: De site}
      -- content/_data/sources.yaml --
      sources:
        s1: {title: Report, publisher: Europol, date: 2021-03-10, url: "https://example.org/r"}
      facts:
        users:
          label: {en: Users, nl: Gebruikers}
          value: 70000
          approx: true
          unit: users
          as_of: 2021-03-09
          sources: [s1]
      -- content/long/index.md --
      ---
      title: Long
      date: 2021-03-09
      images:
        port.jpg: {alt: A port, credit: Desk, licence: CC0 1.0, url: "https://example.org/p"}
      ---
      {{factbox:users}}

      Police read {{fact:users}} accounts [@s1] of "Sky ECC" & <EncroChat>, two services
      that sold phones for encrypted messages.

      ![A port](port.jpg "A caption that is not text")

      Their users believed nobody else could read them; the police and prosecutors of three
      countries did so for months before the action day.
      -- content/long/index.nl.md --
      ---
      title: Lang
      date: 2021-03-09
      ---
      De politie las {{fact:users}} accounts [@s1].
      -- content/summary.md --
      ---
      title: With a summary
      summary: The written summary.
      date: 2021-03-09
      ---
      Police read {{fact:users}} accounts [@s1].
      -- content/empty.md --
      ---
      title: Only a heading
      ---
      ## A heading
      """;

  @Test
  void aPageWithoutASummaryIsDescribedByTheStartOfItsOwnText() throws Exception {
    TestSite site = TestSite.of(dir, SITE);
    BufferedImage photo = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    ImageIO.write(photo, "jpeg", site.root().resolve("content/long/port.jpg").toFile());
    site.build();

    Document en = site.html("long/index.html");
    String expected =
        "Police read about 70,000 accounts of \"Sky ECC\" & <EncroChat>, two services that sold"
            + " phones for encrypted messages. Their users believed nobody else could read…";
    assertThat(en.select("meta[name=description]").attr("content")).isEqualTo(expected);
    assertThat(en.select("meta[property=og:description]").attr("content")).isEqualTo(expected);
    assertThat(en.select("script[type=application/ld+json]").html())
        .contains("\"description\":\"Police read about 70,000 accounts");
    // Escaped once: the markup holds entities, never a raw < in an attribute.
    assertThat(site.file("long/index.html"))
        .contains("&lt;EncroChat&gt;")
        .doesNotContain("<EncroChat>");

    Document nl = site.html("nl/long/index.html");
    assertThat(nl.select("meta[name=description]").attr("content"))
        .isEqualTo("De politie las ongeveer 70.000 accounts.");

    assertThat(site.html("summary/index.html").select("meta[name=description]").attr("content"))
        .isEqualTo("The written summary.");
    assertThat(site.html("empty/index.html").select("meta[name=description]").attr("content"))
        .isEqualTo("The site");
  }

  @Test
  void textIsCutAtAWordBoundaryInItsLanguage() {
    String words = "word ".repeat(40).strip();
    String cut = PageDescription.cut(words, ULocale.ENGLISH);
    assertThat(cut).hasSizeLessThanOrEqualTo(PageDescription.LIMIT).endsWith("word…");
    assertThat(cut.substring(0, cut.length() - 1)).isEqualTo("word ".repeat(31) + "word");
    // Thai is written without spaces: ICU's dictionary still finds the words.
    String thai = "ตำรวจอ่านข้อความที่เข้ารหัส".repeat(10);
    String t = PageDescription.cut(thai, new ULocale("th"));
    assertThat(t).hasSizeLessThanOrEqualTo(PageDescription.LIMIT).endsWith("…");
    assertThat(thai).startsWith(t.substring(0, t.length() - 1));
    // A comma at the cut gives way to the ellipsis; a text that fits is left whole.
    String commas = "one, ".repeat(40);
    assertThat(PageDescription.cut(commas, ULocale.ENGLISH)).endsWith("one…");
    assertThat(PageDescription.cut("Short.", ULocale.ENGLISH)).isEqualTo("Short.");
    // One word longer than the limit is cut where the room ends.
    String word = "a".repeat(300);
    assertThat(PageDescription.cut(word, ULocale.ENGLISH))
        .isEqualTo("a".repeat(PageDescription.LIMIT - 1) + "…");
  }
}
