package dev.sourced.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.JsonReader;
import dev.sourced.testing.Links;
import dev.sourced.testing.TestSite;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fixture {@code sites/claim-review}: "checks" (published 2021-03-12) declares and boxes a false
 * and an unproven claim; "courts" boxes a claim from content/_data/ and one of the checks' claims
 * again. Each box is followed by a schema.org ClaimReview, and every verdict links to its entry on
 * the methodology page.
 */
class ClaimReviewFixtureTest {
  @TempDir static Path dir;
  static TestSite site;

  @BeforeAll
  static void build() {
    site = TestSite.fixture("claim-review", dir);
    site.build();
    assertThat(site.diagnostics()).isEmpty();
  }

  @Test
  void theClaimBoxSpellsOutClaimClaimantDateVerdictExplanationAndSources() {
    Element box = site.html("checks/").getElementById("claim-uncrackable");
    assertThat(box).isNotNull();
    assertThat(box.select("blockquote.claim-text").text())
        .isEqualTo("Sky ECC messages could not be decrypted.");
    assertThat(box.select(".claim-by").text()).isEqualTo("Claimed by Sky Global, 10 March 2021");
    assertThat(box.select(".claim-by time").attr("datetime")).isEqualTo("2021-03-10");
    assertThat(box.select(".verdict-tag").text()).isEqualTo("False");
    assertThat(box.select(".claim-explanation").text())
        .isEqualTo("Police read the messages live from mid-February.");
    assertThat(box.select(".claim-sources a").eachAttr("href"))
        .containsExactly("#ref-nltimes-2021");
  }

  @Test
  void everyVerdictLinksToItsAnchorOnTheMethodologyPage() {
    Document methodology = site.html("methodology/");
    int verdicts = 0;
    for (var page : site.allHtml().entrySet()) {
      for (Element verdict : page.getValue().select(".claim .verdict")) {
        verdicts++;
        String key = verdict.className().replaceAll(".*verdict-(\\S+).*", "$1");
        Element link = verdict.selectFirst("a.verdict-scale");
        assertThat(link).as(page.getKey()).isNotNull();
        assertThat(link.attr("href")).isEqualTo("/methodology/#verdict-" + key);
        assertThat(methodology.getElementById("verdict-" + key)).as(key).isNotNull();
      }
    }
    assertThat(verdicts).as("4 boxes in articles, 1 shared box on /facts/").isEqualTo(5);
    assertThat(methodology.select("dt[id^=verdict-]").eachAttr("id"))
        .containsExactly(
            "verdict-true",
            "verdict-mostly-true",
            "verdict-mixed",
            "verdict-mostly-false",
            "verdict-false",
            "verdict-unproven");
  }

  @Test
  void eachClaimBoxHasAValidClaimReview() {
    Map<String, Object> review = review(site.html("checks/"), "uncrackable");
    assertThat(review.get("@context")).isEqualTo("https://schema.org");
    assertThat(review.get("@type")).isEqualTo("ClaimReview");
    assertThat(review.get("url")).isEqualTo("https://example.org/checks/#claim-uncrackable");
    assertThat(review.get("claimReviewed")).isEqualTo("Sky ECC messages could not be decrypted.");
    assertThat(JsonReader.at(review, "author", "name")).isEqualTo("Fact desk");
    assertThat(JsonReader.at(review, "itemReviewed", "@type")).isEqualTo("Claim");
    assertThat(JsonReader.at(review, "itemReviewed", "author", "name")).isEqualTo("Sky Global");
    assertThat(JsonReader.at(review, "itemReviewed", "datePublished")).isEqualTo("2021-03-10");
    assertThat(JsonReader.at(review, "reviewRating", "alternateName")).isEqualTo("False");
    assertThat(JsonReader.at(review, "reviewRating", "ratingValue")).isEqualTo(BigDecimal.ONE);
    assertThat(JsonReader.at(review, "reviewRating", "bestRating"))
        .isEqualTo(BigDecimal.valueOf(5));
    assertThat(JsonReader.at(review, "reviewRating", "worstRating")).isEqualTo(BigDecimal.ONE);
  }

  @Test
  void theReviewIsDatedWhenTheReviewWasPublishedNotWhenTheClaimWasMade() {
    // schema.org ClaimReview.datePublished is the date of the fact check (the article, published
    // 2021-03-12); the claim's own date (2021-03-10) belongs to itemReviewed.datePublished.
    Map<String, Object> review = review(site.html("checks/"), "uncrackable");
    assertThat(review.get("datePublished")).isEqualTo("2021-03-12");
  }

  @Test
  void anUnprovenClaimHasANamedRatingButNoNumber() {
    Map<String, Object> review = review(site.html("checks/"), "users-innocent");
    assertThat(JsonReader.at(review, "reviewRating", "alternateName")).isEqualTo("Unproven");
    @SuppressWarnings("unchecked")
    Map<String, Object> rating = (Map<String, Object>) review.get("reviewRating");
    assertThat(rating).doesNotContainKey("ratingValue");
  }

  @Test
  void aSharedClaimCanBeBoxedInAnyArticle() {
    Document courts = site.html("courts/");
    Map<String, Object> review = review(courts, "evidence-admissible");
    assertThat(JsonReader.at(review, "reviewRating", "alternateName")).isEqualTo("Mostly false");
    assertThat(JsonReader.at(review, "reviewRating", "ratingValue"))
        .isEqualTo(BigDecimal.valueOf(2));
    assertThat(courts.select("section.references li").eachAttr("id"))
        .containsExactly("ref-court-2022", "ref-nltimes-2021");
  }

  @Test
  void theClaimsIndexLinksToABoxThatExists() {
    // The facts page links every claim to "its home"; for a claim from content/_data/ that is
    // /facts/#claim-ID, so that page must carry the claim's box (as it does for shared facts).
    Document facts = site.html("facts/");
    List<String> hrefs = facts.select("#claims ~ div table a[href*=#claim-]").eachAttr("href");
    assertThat(hrefs).contains("/facts/#claim-evidence-admissible", "/checks/#claim-uncrackable");
    assertThat(Links.broken(site, "/")).isEmpty();
  }

  /** The ClaimReview that follows the box of {@code id}, parsed as strict JSON. */
  static Map<String, Object> review(Document page, String id) {
    for (Element script : page.select("script[type=application/ld+json]")) {
      Map<String, Object> json = JsonReader.object(script.data());
      if ("ClaimReview".equals(json.get("@type"))
          && String.valueOf(json.get("url")).endsWith("#claim-" + id)) {
        return json;
      }
    }
    throw new AssertionError("no ClaimReview for " + id);
  }
}
