package dev.sourced.facts.internal;

import dev.sourced.facts.FactsRenderContext;
import dev.sourced.facts.ValueFormatter;
import dev.sourced.i18n.Messages;
import dev.sourced.model.Claim;
import dev.sourced.model.Fact;
import dev.sourced.model.FactValue;
import dev.sourced.model.Source;
import dev.sourced.model.Texts;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
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
      html.text(fmt.inline(f) + fmt.caveat(f.usedInText()));
      return;
    }
    String cls = f.isDisputed() ? "fact fact-disputed" : "fact";
    html.tag("a", attrs("class", cls, "href", site.factHref(id), "data-fact", id));
    html.text(fmt.inline(f));
    html.tag("/a");
    caveat(f.usedInText());
  }

  /**
   * A declaration's text in the page's language; where it has not been translated yet, the text it
   * has, marked with its own language and followed by the page's words for "not yet translated", so
   * a reader (and a screen reader) is never given one language as another.
   */
  private void translated(Texts texts, String field, String text) {
    String from = texts.fallback(field);
    if (from == null) {
      html.text(text);
      return;
    }
    html.tag("span", attrs("class", "untranslated", "lang", from));
    html.text(text);
    html.tag("/span");
    html.text(" ");
    html.tag("small", attrs("class", "untranslated-note"));
    html.text(words.text("translation.missing"));
    html.tag("/small");
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
    // Numbers inside one mark ascend, whatever order the author wrote the IDs in.
    Integer[] order = new Integer[ids.size()];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(order, Comparator.comparingInt(i -> site.referenceNumber(ids.get(i))));
    html.tag("sup", attrs("class", "cite"));
    html.text("[");
    for (int k = 0; k < order.length; k++) {
      int i = order[k];
      String id = ids.get(i);
      if (k > 0) html.text(", ");
      int n = occurrences[i];
      // The reference's ID is in the address already: no data-ref (a page may hold a hundred).
      html.tag("a", attrs("href", site.referenceHref(id), "id", "cite-" + id + "-" + n));
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
    html.text(" ");
    translated(f.texts(), "label", f.label());
    html.tag("/p");
    html.line();
    boolean single = f.values().size() == 1;
    if (single) {
      FactValue v = f.usedInText();
      html.tag("p", attrs("class", "factbox-value"));
      html.text(fmt.withUnitAndCaveat(f, v));
      html.tag("/p");
      html.line();
      if (v.scope() != null) {
        html.tag("p", attrs("class", "factbox-scope"));
        translated(v.texts(), "scope", v.scope());
        html.tag("/p");
        html.line();
      }
    } else {
      List<FigureRows.Row> rows = FigureRows.of(f, site);
      renderRows(f, rows);
      html.raw(ValueChart.html(f, rows, site));
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
    html.tag("dd", attrs("class", "fact-status fact-status-" + f.status().key()));
    html.text(words.text("fact.status." + f.status().key()));
    html.tag("/dd");
    if (single) {
      // With several values, the rows above name every source once, next to its own figure.
      term(words.format("factbox.sources_term", "count", f.sourceIds().size()));
      html.tag("dd");
      sourceLinks(f.sourceIds());
      html.tag("/dd");
    }
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
      html.text(" ");
      translated(f.texts(), "note", f.note());
      html.tag("/p");
      html.line();
    }
    html.tag("/aside");
    html.line();
  }

  /**
   * One row per distinct figure, each source once, next to its scope and, where it words the figure
   * otherwise than the row's heading, its own wording: "about 70,000 users: [1] Blueprint
   * underworld uncovered: 70,000, customers of the Canadian provider; [4] NL Times (2021), users
   * worldwide ...". What every source of a row shares is said once.
   */
  private void renderRows(Fact f, List<FigureRows.Row> rows) {
    FactValue usedValue = f.usedInText();
    html.tag("dl", attrs("class", "factbox-figures"));
    for (FigureRows.Row row : rows) {
      html.tag("div", attrs("class", row.used() ? "figure-row fact-used" : "figure-row"));
      html.tag("dt");
      html.tag("span", attrs("class", "figure"));
      html.text(fmt.withUnitAndCaveat(f, row.heading()));
      html.tag("/span");
      if (row.used() && row.shared()) usedLabel();
      html.tag("/dt");
      html.tag("dd");
      if (row.shared()) {
        html.tag("span", attrs("class", "source-links"));
        for (int i = 0; i < row.entries().size(); i++) {
          if (i > 0) html.text("; ");
          sourceLink(row.entries().get(i).sourceId());
        }
        html.tag("/span");
        scope(row.entries().get(0).value());
      } else {
        html.tag("ul", attrs("class", "figure-sources"));
        for (FigureRows.Entry e : row.entries()) {
          html.tag("li");
          sourceLink(e.sourceId());
          FactValue v = e.value();
          if (v.qualifier() != row.heading().qualifier()) {
            html.text(": ");
            html.tag("span", attrs("class", "figure-wording"));
            html.text(fmt.inline(f, v));
            html.tag("/span");
          }
          scope(v);
          if (v == usedValue) usedLabel();
          html.tag("/li");
        }
        html.tag("/ul");
      }
      html.tag("/dd");
      html.tag("/div");
    }
    html.tag("/dl");
    html.line();
  }

  /** ", scope, as of 9 March 2021" after a figure or a source, when the value has them. */
  private void scope(FactValue v) {
    if (v.scope() == null && v.asOf() == null) return;
    html.tag("span", attrs("class", "figure-scope"));
    String text = v.scope() == null ? "" : v.scope();
    if (v.asOf() != null) {
      text +=
          (text.isEmpty() ? "" : ", ")
              + words.format("factbox.value_as_of", "date", fmt.date(v.asOf()));
    }
    html.text(" — " + text);
    html.tag("/span");
  }

  private void usedLabel() {
    html.text(" ");
    html.tag("span", attrs("class", "fact-used-label"));
    html.text(words.text("factbox.used"));
    html.tag("/span");
  }

  /** A claim with its verdict, and its ClaimReview for search engines. */
  public void claim(String id) {
    Claim c = site.claim(id);
    if (c == null) return;
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
    translated(c.texts(), "claim", c.claim());
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
          words.format("claim.by_on", Map.of("claimant", c.claimant(), "date", marker));
      int at = sentence.indexOf(marker);
      html.text(sentence.substring(0, at));
      html.tag("time", attrs("datetime", c.date().toString()));
      html.text(fmt.date(c.date()));
      html.tag("/time");
      html.text(sentence.substring(at + marker.length()));
    }
    html.tag("/p");
    html.line();
    html.tag("p", attrs("class", "verdict verdict-" + c.verdict().key()));
    html.tag("span", attrs("class", "verdict-label"));
    html.text(words.text("claim.verdict"));
    html.tag("/span");
    html.text(" ");
    // The one verdict badge, as the templates write it (base.ftlh's verdictTag macro).
    html.tag("strong", attrs("class", "verdict-tag verdict-" + c.verdict().key()));
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
      translated(c.texts(), "explanation", c.explanation());
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

  /**
   * Each source as its reference number and short name, linked to the page's reference list, in
   * ascending number order.
   */
  private void sourceLinks(List<String> ids) {
    List<String> sorted = site.inReferenceOrder(ids);
    sorted.removeIf(id -> site.source(id) == null);
    html.tag("span", attrs("class", "source-links"));
    for (int i = 0; i < sorted.size(); i++) {
      if (i > 0) html.text("; ");
      sourceLink(sorted.get(i));
    }
    html.tag("/span");
  }

  /**
   * "[5] Europol (2021)": the number in its own element, so that a card shown on another page can
   * put that page's number in its place (facts.js, which reads the source's ID from the address: no
   * data-ref, a page may hold hundreds).
   */
  private void sourceLink(String id) {
    Source s = site.source(id);
    if (s == null) return;
    html.tag("a", attrs("href", site.referenceHref(id)));
    html.tag("span", attrs("class", "ref-number"));
    html.text("[" + site.referenceNumber(id) + "]");
    html.tag("/span");
    html.text(" " + s.shortName());
    html.tag("/a");
  }

  private void term(String name) {
    html.tag("dt");
    html.text(name);
    html.tag("/dt");
  }

  private static Map<String, String> attrs(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
    return m;
  }
}
