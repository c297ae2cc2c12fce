package dev.sourced.resolve;

import dev.sourced.model.FrontMatter;
import dev.sourced.parse.ParsedPage;
import java.util.List;
import java.util.Set;

/**
 * An article with everything the site knows about it.
 *
 * @param url the site-relative address, e.g. {@code sky-ecc/} (always ending in {@code /})
 * @param references the sources in this page's numbered reference list, in order of first use
 * @param factsUsed the facts the body uses inline or in boxes, in order of first use
 * @param boxedFacts the facts that have a box in the body
 * @param ownFactsToBox the facts this article declares that get a box at its end (all its declared
 *     facts that the body does not box itself)
 * @param ownClaimsToBox the claims this article declares that no article shows, boxed at its end
 */
public record ResolvedPage(
    ParsedPage parsed,
    String url,
    List<String> references,
    List<String> factsUsed,
    Set<String> boxedFacts,
    List<String> claimsUsed,
    List<String> ownFactsToBox,
    List<String> ownClaimsToBox) {

  /**
   * The same page with another parse of the same shape (only its prose differs, see {@code
   * ProseEdit.sameShape}): what it uses and boxes, and its address, are the same.
   */
  public ResolvedPage withParsed(ParsedPage other) {
    return new ResolvedPage(
        other, url, references, factsUsed, boxedFacts, claimsUsed, ownFactsToBox, ownClaimsToBox);
  }

  public FrontMatter frontMatter() {
    return parsed.frontMatter();
  }

  public String title() {
    return parsed.frontMatter().title();
  }

  public String path() {
    return parsed.path();
  }
}
