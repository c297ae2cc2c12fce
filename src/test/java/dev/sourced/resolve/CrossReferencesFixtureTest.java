package dev.sourced.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.Links;
import dev.sourced.testing.TestSite;
import java.nio.file.Path;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fixture {@code sites/cross-references}: alpha declares fact "users", beta and gamma use it;
 * content/_data/ declares the shared fact "population", used by alpha and gamma. Each fact has one
 * box, at its home; every other use links there, and the box lists every other user.
 */
class CrossReferencesFixtureTest {
  @TempDir static Path dir;
  static TestSite site;

  @BeforeAll
  static void build() {
    site = TestSite.fixture("cross-references", dir);
    site.build();
    assertThat(site.diagnostics()).isEmpty();
  }

  @Test
  void theHomeBoxListsEveryOtherArticleThatUsesTheFact() {
    Element box = site.html("alpha/").getElementById("fact-users");
    assertThat(box).isNotNull();
    assertThat(box.select(".also-cited a").eachAttr("href")).containsExactly("/beta/", "/gamma/");
    assertThat(box.select(".also-cited a").eachText())
        .containsExactly("Beta uses it inline", "Gamma uses both");
  }

  @Test
  void inlineUsesElsewhereLinkToTheBoxAtItsHome() {
    for (String page : new String[] {"beta/", "gamma/"}) {
      Document d = site.html(page);
      Element use = d.selectFirst("a.fact[data-fact=users]");
      assertThat(use).as(page).isNotNull();
      assertThat(use.attr("href")).as(page).isEqualTo("/alpha/#fact-users");
      assertThat(use.text()).isEqualTo("about 70,000");
      assertThat(d.getElementById("fact-users")).as("no second box on " + page).isNull();
    }
  }

  @Test
  void theHomePageLinksToItsOwnBoxInPage() {
    Document alpha = site.html("alpha/");
    assertThat(alpha.selectFirst("a.fact[data-fact=users]").attr("href")).isEqualTo("#fact-users");
    assertThat(alpha.select("aside.factbox")).hasSize(1);
  }

  @Test
  void aSharedFactHasItsBoxOnTheFactsPageListingEveryUser() {
    Document facts = site.html("facts/");
    Element box = facts.getElementById("fact-population");
    assertThat(box).isNotNull();
    assertThat(box.is("aside.factbox")).isTrue();
    assertThat(box.select(".factbox-value").text()).isEqualTo("1,250,000 people");
    assertThat(box.select(".also-cited a").eachAttr("href"))
        .containsExactlyInAnyOrder("/alpha/", "/gamma/");
    for (String page : new String[] {"alpha/", "gamma/"}) {
      Document d = site.html(page);
      assertThat(d.selectFirst("a.fact[data-fact=population]").attr("href"))
          .as(page)
          .isEqualTo("/facts/#fact-population");
      assertThat(d.getElementById("fact-population")).as(page).isNull();
    }
    assertThat(site.html("beta/").select("a.fact[data-fact=population]")).isEmpty();
  }

  @Test
  void theFactsIndexNamesEveryFactWithWhereItIsUsed() {
    Document facts = site.html("facts/");
    var rows = facts.select("table.index-table tbody tr");
    assertThat(rows).hasSize(2);
    Element users =
        rows.stream().filter(r -> r.text().contains("Users monitored")).findFirst().orElseThrow();
    assertThat(users.selectFirst("a").attr("href")).isEqualTo("/alpha/#fact-users");
    assertThat(users.select("td").get(3).select("a").eachAttr("href"))
        .containsExactlyInAnyOrder("/alpha/", "/beta/", "/gamma/");
  }

  @Test
  void aSourcePageListsEveryArticleRelyingOnIt() {
    Document src = site.html("sources/europol-2021/");
    assertThat(src.select("main a[href^=/]").eachAttr("href"))
        .contains("/alpha/#fact-users", "/alpha/", "/beta/", "/gamma/");
  }

  @Test
  void everyInternalLinkAndAnchorExists() {
    assertThat(Links.broken(site, "/")).isEmpty();
  }
}
