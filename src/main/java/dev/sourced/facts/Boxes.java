package dev.sourced.facts;

import dev.sourced.facts.internal.FactsHtml;
import dev.sourced.facts.internal.ValueChart;
import dev.sourced.model.Fact;
import java.util.List;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Fact and claim boxes outside an article's body (the boxes at an article's end, the facts page's
 * shared boxes), written exactly as the body writes them. The one way in to the extension's
 * renderers from other stages: {@code facts.internal} is used by nothing outside {@code facts}
 * (tested).
 */
public final class Boxes {
  private Boxes() {}

  /** Fact boxes, then claim boxes, as the body writes them. */
  public static String html(List<String> factIds, List<String> claimIds, FactsRenderContext site) {
    if (factIds.isEmpty() && claimIds.isEmpty()) return "";
    StringBuilder out = new StringBuilder();
    FactsHtml html = new FactsHtml(new HtmlWriter(out), site);
    for (String id : factIds) html.factBox(id);
    for (String id : claimIds) html.claim(id);
    return out.toString();
  }

  /** The chart of a fact's competing figures, or "" when it has none to compare. */
  public static String chart(Fact fact, FactsRenderContext site) {
    return ValueChart.html(fact, site);
  }
}
