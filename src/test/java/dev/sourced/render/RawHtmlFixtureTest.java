package dev.sourced.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.TestSite;
import java.nio.file.Path;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fixtures {@code sites/raw-html-off} and {@code sites/raw-html-on}: the same article with a script
 * block, an inline element with an event handler and an image with onerror. With raw_html false
 * (the default) all of it is shown as text; with raw_html true the author's HTML passes.
 * Front-matter text is always escaped, whatever the setting.
 */
class RawHtmlFixtureTest {
  @TempDir Path dir;

  private Document build(String fixture) {
    TestSite site = TestSite.fixture(fixture, dir);
    site.build();
    assertThat(site.diagnostics()).isEmpty();
    return site.html("html/");
  }

  @Test
  void rawHtmlOffShowsTheMarkupAsText() {
    Document page = build("raw-html-off");
    Element body = page.selectFirst(".article-body");
    assertThat(body.select("script")).isEmpty();
    assertThat(body.select("b, div.raw-block, img")).isEmpty();
    assertThat(body.text())
        .contains(
            "<script>alert(\"block\")</script>",
            "<b class=\"raw-inline\" onclick=\"alert(1)\">bold</b>",
            "onerror=\"alert(2)\"");
    assertThat(page.getAllElements()).noneMatch(RawHtmlFixtureTest::hasEventHandler);
  }

  @Test
  void rawHtmlOnPassesTheAuthorsHtml() {
    Document page = build("raw-html-on");
    Element body = page.selectFirst(".article-body");
    assertThat(body.select("script").first().data()).isEqualTo("alert(\"block\")");
    assertThat(body.select("b.raw-inline").text()).isEqualTo("bold");
    assertThat(body.select("div.raw-block img").attr("onerror")).isEqualTo("alert(2)");
  }

  @Test
  void frontMatterTextIsEscapedEvenWithRawHtmlOn() {
    for (String fixture : new String[] {"raw-html-off", "raw-html-on"}) {
      Document page = build(fixture);
      assertThat(page.selectFirst("h1").text())
          .as(fixture)
          .isEqualTo("Raw <script>alert('title')</script> HTML");
      assertThat(page.select("h1 *")).as(fixture).isEmpty();
      assertThat(page.select("script").eachAttr("src"))
          .as(fixture)
          .allSatisfy(src -> assertThat(src).matches("^(|/assets/[^/]+\\.js)$"));
      page.select("script")
          .forEach(
              s ->
                  assertThat(s.data())
                      .as(fixture)
                      .doesNotContainIgnoringCase("<script")
                      .doesNotContainIgnoringCase("</script"));
      assertThat(page.selectFirst("meta[name=description]").attr("content"))
          .isEqualTo("<b>not bold</b>");
      Element ref = page.getElementById("ref-s1");
      assertThat(ref.select("img")).as(fixture).isEmpty();
      assertThat(ref.selectFirst("a").text()).isEqualTo("<img src=x onerror=alert(1)>");
    }
  }

  @Test
  void theArticleJsonLdCannotBeClosedByATitle() {
    Document page = build("raw-html-off");
    var scripts = page.select("script[type=application/ld+json]");
    assertThat(scripts).isNotEmpty();
    for (Element s : scripts) {
      var json = dev.sourced.testing.JsonReader.object(s.data());
      if ("Article".equals(json.get("@type"))) {
        assertThat(json.get("headline")).isEqualTo("Raw <script>alert('title')</script> HTML");
      }
    }
  }

  private static boolean hasEventHandler(Element e) {
    return e.attributes().asList().stream()
        .anyMatch(a -> a.getKey().toLowerCase(java.util.Locale.ROOT).startsWith("on"));
  }
}
