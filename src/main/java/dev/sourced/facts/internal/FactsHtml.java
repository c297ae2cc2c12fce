package dev.sourced.facts.internal;

import dev.sourced.facts.FactsRenderContext;
import dev.sourced.facts.ValueFormatter;
import dev.sourced.i18n.Messages;
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
  private final Messages words;

  public FactsHtml(HtmlWriter html, FactsRenderContext site) {
    this.html = html;
    this.site = site;
    this.fmt = site.formatter();
    this.words = fmt.messages();
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
      html.text(fmt.inline(f));
      return;
    }
    String cls = f.isDisputed() ? "fact fact-disputed" : "fact";
    html.tag("a", attrs("class", cls, "href", site.factHref(id), "data-fact", id));
    html.text(fmt.inline(f));
    html.tag("/a");
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
    html.text(words.text("factbox.kind"));
    html.tag("/span");
    html.text(" " + f.label());
    html.tag("/p");
    html.line();
    if (f.values().size() == 1) {
      html.tag("p", attrs("class", "factbox-value"));
      html.text(fmt.withUnit(f, f.shown()));
      html.tag("/p");
      html.line();
    } else {
      renderValues(f);
      html.raw(ValueChart.html(f, site));
    }
    html.tag("dl", attrs("class", "factbox-meta"));
    if (f.asOf() != null) {
      term(words.text("factbox.as_of"));
      html.tag("dd");
      html.tag("time", attrs("datetime", f.asOf().toString()));
      html.text(fmt.date(f.asOf()));
      html.tag("/time");
      html.tag("/dd");
    }
    term(words.text("factbox.status"));
    html.tag("dd", attrs("class", "fact-status fact-status-" + f.statusKey()));
    html.text(words.text("fact.status." + f.statusKey()));
    html.tag("/dd");
    term(words.text("factbox.sources"));
    html.tag("dd");
    sourceLinks(f.sourceIds());
    html.tag("/dd");
    List<FactsRenderContext.Link> others = site.alsoCitedIn(id);
    if (!others.isEmpty()) {
      term(words.text("factbox.also_cited"));
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
      html.text(words.text("factbox.note"));
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
    html.text(words.format("factbox.values_caption", "label", f.label()));
    html.tag("/caption");
    html.tag("thead");
    html.tag("tr");
    for (String h : List.of("figure", "scope", "source")) {
      html.tag("th", attrs("scope", "col"));
      html.text(words.text("factbox.column." + h));
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
      html.text(fmt.withUnit(f, v));
      if (used) {
        html.text(" ");
        html.tag("span", attrs("class", "fact-used-label"));
        html.text(words.text("factbox.used"));
        html.tag("/span");
      }
      html.tag("/td");
      html.tag("td");
      html.text(v.scope() == null ? "" : v.scope());
      if (v.asOf() != null) {
        html.text(v.scope() == null ? "" : ", ");
        html.text(words.format("factbox.value_as_of", "date", fmt.date(v.asOf())));
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
    html.text(words.text("claim.kind"));
    html.tag("/p");
    html.tag("blockquote", attrs("class", "claim-text"));
    html.tag("p", attrs("id", "claim-" + id + "-text"));
    html.text(c.claim());
    html.tag("/p");
    html.tag("/blockquote");
    html.line();
    html.tag("p", attrs("class", "claim-by"));
    if (c.date() == null) {
      html.text(words.format("claim.by", "claimant", c.claimant()));
    } else {
      // The date is markup (a <time> element) inside the translated sentence.
      String marker = "\uE000";
      String sentence =
          words.format("claim.by_on", java.util.Map.of("claimant", c.claimant(), "date", marker));
      int at = sentence.indexOf(marker);
      html.text(sentence.substring(0, at));
      html.tag("time", attrs("datetime", c.date().toString()));
      html.text(fmt.date(c.date()));
      html.tag("/time");
      html.text(sentence.substring(at + marker.length()));
    }
    html.tag("/p");
    html.line();
    html.tag("p", attrs("class", verdictClass));
    html.tag("span", attrs("class", "verdict-label"));
    html.text(words.text("claim.verdict"));
    html.tag("/span");
    html.text(" ");
    html.tag("strong", attrs("class", "verdict-value"));
    html.text(words.text(c.verdict().messageKey()));
    html.tag("/strong");
    html.text(" ");
    html.tag("a", attrs("class", "verdict-scale", "href", site.methodologyHref(c.verdict().key())));
    html.text(words.text("claim.scale"));
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
      html.text(words.text("claim.sources") + " ");
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
    return s.publisher() + (s.date() != null ? " (" + s.date().getYear() + ")" : "");
  }

  private void term(String name) {
    html.tag("dt");
    html.text(name);
    html.tag("/dt");
  }

  private static Map<String, String> attrs(String... kv) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
    return m;
  }
}
