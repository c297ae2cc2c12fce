package dev.sourced.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.TestSite;
import java.nio.file.Path;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fixture {@code sites/unsafe-links}: 24 ways of writing a javascript:, data:, vbscript: or file:
 * address in Markdown (inline links, entity and escape tricks, angle brackets, autolinks, images,
 * reference definitions), then three safe links. Every unsafe address is blanked; the safe ones
 * stay.
 */
class UnsafeLinksFixtureTest {
  @TempDir static Path dir;
  static TestSite site;
  static Document page;

  @BeforeAll
  static void build() {
    site = TestSite.fixture("unsafe-links", dir);
    site.build();
    page = site.html("links/");
  }

  @Test
  void theBuildSucceedsWithAtMostLinkWarnings() {
    assertThat(site.diagnostics()).allSatisfy(d -> assertThat(d).contains("warning[broken-link]"));
  }

  @Test
  void everyUnsafeFormIsBlanked() {
    var items = page.select(".article-body ol > li");
    assertThat(items).hasSize(25);
    for (int i = 0; i < 24; i++) {
      Element item = items.get(i);
      var targets = item.select("a, img");
      assertThat(targets).as("item %d: %s", i + 1, item.html()).hasSize(1);
      String address =
          targets.first().hasAttr("href")
              ? targets.first().attr("href")
              : targets.first().attr("src");
      assertThat(address).as("item %d: %s", i + 1, item.html()).isEmpty();
    }
  }

  @Test
  void noAddressAnywhereOnThePageHasADangerousScheme() {
    for (Element e : page.select("[href], [src], [action], [formaction]")) {
      for (String attr : new String[] {"href", "src", "action", "formaction"}) {
        if (!e.hasAttr(attr)) continue;
        // Browsers drop ASCII tabs, newlines and leading spaces before reading the scheme.
        String v = e.attr(attr).replaceAll("[\\x00-\\x20]", "").toLowerCase(Locale.ROOT);
        String scheme = v.matches("^[a-z][a-z0-9+.-]*:.*") ? v.substring(0, v.indexOf(':')) : "";
        assertThat(scheme).as(e.outerHtml()).isIn("", "http", "https", "mailto");
      }
    }
  }

  @Test
  void safeLinksStay() {
    Element last = page.select(".article-body ol > li").last();
    assertThat(last.select("a").eachAttr("href"))
        .containsExactly("https://example.org/ok", "mailto:desk@example.org", "../links/");
    assertThat(last.selectFirst("a[href^=https]").attr("rel")).contains("noopener");
    assertThat(last.selectFirst("a[href=../links/]").hasAttr("rel")).isFalse();
  }
}
