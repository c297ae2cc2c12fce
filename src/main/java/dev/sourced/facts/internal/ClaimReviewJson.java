package dev.sourced.facts.internal;

import dev.sourced.facts.FactsRenderContext;
import dev.sourced.facts.Json;
import dev.sourced.model.Claim;
import dev.sourced.model.Verdict;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The schema.org {@code ClaimReview} for one claim box, as JSON-LD. Ratings use the documented
 * scale 1 (false) to 5 (true); an unproven claim gets no numeric rating, only its name.
 */
final class ClaimReviewJson {
  private ClaimReviewJson() {}

  static String of(Claim c, FactsRenderContext site) {
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("@context", "https://schema.org");
    j.put("@type", "ClaimReview");
    j.put("url", site.pagePermalink() + "#claim-" + c.id());
    j.put("claimReviewed", c.claim());
    j.put("author", organization(site.publisher()));
    LocalDate reviewed = site.reviewDate() != null ? site.reviewDate() : c.date();
    if (reviewed != null) j.put("datePublished", reviewed.toString());
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("@type", "Claim");
    item.put("author", organization(c.claimant()));
    if (c.date() != null) item.put("datePublished", c.date().toString());
    j.put("itemReviewed", item);
    Verdict v = c.verdict();
    Map<String, Object> rating = new LinkedHashMap<>();
    rating.put("@type", "Rating");
    rating.put("alternateName", site.formatter().messages().text(v.messageKey()));
    if (v.rating() > 0) {
      rating.put("ratingValue", v.rating());
      rating.put("bestRating", Verdict.BEST);
      rating.put("worstRating", 1);
    }
    j.put("reviewRating", rating);
    return Json.write(j, false);
  }

  /** Keys in a fixed order: Map.of would iterate differently from run to run. */
  private static Map<String, Object> organization(String name) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("@type", "Organization");
    m.put("name", name);
    return m;
  }
}
