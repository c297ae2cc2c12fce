package dev.sourced.facts.internal;

import dev.sourced.facts.FactsRenderContext;
import dev.sourced.facts.ValueFormatter;
import dev.sourced.model.Claim;
import dev.sourced.model.Fact;
import dev.sourced.model.FactValue;
import dev.sourced.model.Source;
import java.util.List;
import java.util.Map;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Writes what a page shows of the rest of the site as plain HTML that works without JavaScript: a
 * fact value is a link to its box, a citation is a link to the reference list, boxes are sections
 * with every value, source, scope and note spelled out. Used by the render stage to fill the
 * markers a pre-rendered body left (see {@link dev.sourced.facts.BodyHtml}) and to write the boxes
 * of facts an article declares but does not box itself.
 */
public final class FactsHtml {
  private final HtmlWriter html;
  private final FactsRenderContext site;
  private final ValueFormatter fmt;

  public FactsHtml(HtmlWriter html, FactsRenderContext site) {
    this.html = html;
    this.site = site;
    this.fmt = site.formatter();
  }

  /**
   * A fact's value, linked to its box; {@code plain} (inside a link, where another link would be
   * invalid HTML, or an image's alternative text) writes the value alone.
   */
  public void fact(String id, boolean plain) {
    Fact f = site.fact(id);
    if (f == null) {
      html.text("{{fact:" + id + "}}");
      return;
    }
    if (plain) {
      html.text(fmt.inline(f) + fmt.caveat(f.shown()));
      return;
    }
    String cls = f.isDisputed() ? "fact fact-disputed" : "fact";
    html.tag("a", attrs("class", cls, "href", site.factHref(id), "data-fact", id));
    html.text(fmt.inline(f));
    html.tag("/a");
    caveat(f.shown());
  }

  /** The source's own caveat after a figure in running text, outside its link. */
  private void caveat(FactValue v) {
    if (v.caveat() == null) return;
    html.text(" ");
    html.tag("span", attrs("class", "fact-caveat"));
    html.text("(" + v.caveat() + ")");
    html.tag("/span");
  }

  /**
   * {@code [@A; @B]}: each source's reference number, linked to the reference list; {@code
   * occurrences[i]} counts how many times the page has cited {@code ids[i]} so far, for ids the
   * reference list links back to.
   */
  public void citation(List<String> ids, int[] occurrences) {
    html.tag("sup", attrs("class", "cite"));
    html.text("[");
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      if (i > 0) html.text(", ");
      int n = occurrences[i];
      html.tag(
          "a", attrs("href", site.referenceHref(id), "id", "cite-" + id + "-" + n, "data-ref", id));
      html.text(Integer.toString(site.referenceNumber(id)));
      html.tag("/a");
    }
    html.text("]");
    html.tag("/sup");
  }

  /** A fact box: the value or every competing value, as-of, status, sources, note. */
  public void factBox(String id) {
    Fact f = site.fact(id);
    if (f == null) return;
    html.line();
    html.tag(
        "aside",
        attrs(
            "class",
            f.isDisputed() ? "factbox factbox-disputed" : "factbox",
            "id",
            "fact-" + id,
            "aria-labelledby",
            "fact-" + id + "-label"));
    html.line();
    html.tag("p", attrs("class", "factbox-label", "id", "fact-" + id + "-label"));
    html.tag("span", attrs("class", "factbox-kind"));
    html.text("Fact");
    html.tag("/span");
    html.text(" " + f.label());
    html.tag("/p");
    html.line();
    if (f.values().size() == 1) {
      html.tag("p", attrs("class", "factbox-value"));
      html.text(fmt.withUnitAndCaveat(f, f.shown()));
      html.tag("/p");
      html.line();
    } else {
      renderValues(f);
      html.raw(ValueChart.html(f, site));
    }
    html.tag("dl", attrs("class", "factbox-meta"));
    if (f.asOf() != null) {
      term("As of");
      html.tag("dd");
      html.tag("time", attrs("datetime", f.asOf().toString()));
      html.text(fmt.date(f.asOf()));
      html.tag("/time");
      html.tag("/dd");
    }
    term("Status");
    html.tag("dd", attrs("class", "fact-status fact-status-" + f.statusLabel().replace(' ', '-')));
    html.text(capitalise(f.statusLabel()));
    html.tag("/dd");
    term("Sources");
    html.tag("dd");
    sourceLinks(f.sourceIds());
    html.tag("/dd");
    List<FactsRenderContext.Link> others = site.alsoCitedIn(id);
    if (!others.isEmpty()) {
      term("Also cited in");
      html.tag("dd");
      html.tag("ul", attrs("class", "also-cited"));
      for (FactsRenderContext.Link l : others) {
        html.tag("li");
        html.tag("a", attrs("href", l.href()));
        html.text(l.title());
        html.tag("/a");
        html.tag("/li");
      }
      html.tag("/ul");
      html.tag("/dd");
    }
    html.tag("/dl");
    html.line();
    if (f.note() != null) {
      html.tag("p", attrs("class", "factbox-note"));
      html.tag("strong");
      html.text("Editor's note:");
      html.tag("/strong");
      html.text(" " + f.note());
      html.tag("/p");
      html.line();
    }
    html.tag("/aside");
    html.line();
  }

  private void renderValues(Fact f) {
    html.tag("table", attrs("class", "factbox-values"));
    html.tag("caption", attrs("class", "visually-hidden"));
    html.text("What each source gives for: " + f.label());
    html.tag("/caption");
    html.tag("thead");
    html.tag("tr");
    for (String h : List.of("Figure", "Scope", "Source")) {
      html.tag("th", attrs("scope", "col"));
      html.text(h);
      html.tag("/th");
    }
    html.tag("/tr");
    html.tag("/thead");
    html.tag("tbody");
    for (int i = 0; i < f.values().size(); i++) {
      FactValue v = f.values().get(i);
      boolean used = i == f.use();
      html.tag("tr", used ? attrs("class", "fact-used") : Map.of());
      html.tag("td");
      html.text(fmt.withUnitAndCaveat(f, v));
      if (used) {
        html.text(" ");
        html.tag("span", attrs("class", "fact-used-label"));
        html.text("(used in the text)");
        html.tag("/span");
      }
      html.tag("/td");
      html.tag("td");
      html.text(v.scope() == null ? "" : v.scope());
      if (v.asOf() != null) {
        html.text(v.scope() == null ? "" : ", ");
        html.text("as of " + fmt.date(v.asOf()));
      }
      html.tag("/td");
      html.tag("td");
      sourceLinks(v.sources());
      html.tag("/td");
      html.tag("/tr");
    }
    html.tag("/tbody");
    html.tag("/table");
    html.line();
  }

  /** A claim with its verdict, and its ClaimReview for search engines. */
  public void claim(String id) {
    Claim c = site.claim(id);
    if (c == null) return;
    String verdictClass = "verdict verdict-" + c.verdict().key();
    html.line();
    html.tag(
        "section",
        attrs(
            "class",
            "claim",
            "id",
            "claim-" + id,
            "aria-labelledby",
            "claim-" + id + "-label claim-" + id + "-text"));
    html.line();
    html.tag("p", attrs("class", "claim-label", "id", "claim-" + id + "-label"));
    html.text("Claim");
    html.tag("/p");
    html.tag("blockquote", attrs("class", "claim-text"));
    html.tag("p", attrs("id", "claim-" + id + "-text"));
    html.text(c.claim());
    html.tag("/p");
    html.tag("/blockquote");
    html.line();
    html.tag("p", attrs("class", "claim-by"));
    html.text("Claimed by " + c.claimant());
    if (c.date() != null) {
      html.text(", ");
      html.tag("time", attrs("datetime", c.date().toString()));
      html.text(fmt.date(c.date()));
      html.tag("/time");
    }
    html.tag("/p");
    html.line();
    html.tag("p", attrs("class", verdictClass));
    html.tag("span", attrs("class", "verdict-label"));
    html.text("Our verdict:");
    html.tag("/span");
    html.text(" ");
    html.tag("strong", attrs("class", "verdict-value"));
    html.text(c.verdict().label());
    html.tag("/strong");
    html.text(" ");
    html.tag("a", attrs("class", "verdict-scale", "href", site.methodologyHref(c.verdict().key())));
    html.text("How we rate claims");
    html.tag("/a");
    html.tag("/p");
    html.line();
    if (c.explanation() != null) {
      html.tag("p", attrs("class", "claim-explanation"));
      html.text(c.explanation());
      html.tag("/p");
      html.line();
    }
    if (!c.sources().isEmpty()) {
      html.tag("p", attrs("class", "claim-sources"));
      html.text("Sources: ");
      sourceLinks(c.sources());
      html.tag("/p");
      html.line();
    }
    html.tag("/section");
    html.line();
    html.tag("script", attrs("type", "application/ld+json"));
    html.raw(ClaimReviewJson.of(c, site));
    html.tag("/script");
    html.line();
  }

  /** Each source as its reference number and name, linked to the page's reference list. */
  private void sourceLinks(List<String> ids) {
    html.tag("span", attrs("class", "source-links"));
    for (int i = 0; i < ids.size(); i++) {
      if (i > 0) html.text("; ");
      Source s = site.source(ids.get(i));
      if (s == null) continue;
      html.tag("a", attrs("href", site.referenceHref(s.id()), "data-ref", s.id()));
      html.text("[" + site.referenceNumber(s.id()) + "] " + sourceName(s));
      html.tag("/a");
    }
    html.tag("/span");
  }

  static String sourceName(Source s) {
    if (s.publisher() == null) return s.title();
    return s.publisher() + (s.date() != null ? " (" + s.date().year() + ")" : "");
  }

  private void term(String name) {
    html.tag("dt");
    html.text(name);
    html.tag("/dt");
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static Map<String, String> attrs(String... kv) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
    return m;
  }
}
