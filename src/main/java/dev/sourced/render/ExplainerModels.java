package dev.sourced.render;

import dev.sourced.facts.FactsRenderContext;
import dev.sourced.facts.ValueFormatter;
import dev.sourced.model.Explainer;
import dev.sourced.model.Explainer.Cell;
import dev.sourced.model.Explainer.Item;
import dev.sourced.model.Explainer.Kind;
import dev.sourced.model.Explainer.Row;
import dev.sourced.model.Fact;
import dev.sourced.model.FactValue;
import dev.sourced.model.PartialDate;
import dev.sourced.model.Texts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The template model of one explainer piece, for the theme's {@code explainer.ftlh}: every figure
 * formatted with its qualifier, unit and caveat, every fact linked to its box, every source as this
 * page's reference number. The words around them ("At a glance", "Not in our sources") are the
 * template's, so a theme or a site can change them.
 *
 * <p>Timeline events are sorted by date (the first day of a month or year for events known only to
 * it), keeping the written order for equal dates; an event without a date of its own takes its
 * first fact's {@code as_of}.
 *
 * <p>The piece comes in the page's language ({@link Explainer#in}); a text not yet translated into
 * it is given as markup, marked with the language it is in and followed by the page's words for
 * "not yet translated", as a fact box marks an untranslated label.
 */
final class ExplainerModels {
  private final FactsRenderContext ctx;
  private final ValueFormatter fmt;

  ExplainerModels(FactsRenderContext ctx) {
    this.ctx = ctx;
    this.fmt = ctx.formatter();
  }

  Map<String, Object> model(Explainer e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", e.kind().directive());
    m.put("id", e.id());
    m.put("domId", e.kind().directive() + "-" + e.id());
    if (e.title() != null) m.put("title", words(e.texts(), "title", e.title()));
    List<Item> items = new ArrayList<>(e.items());
    if (e.kind() == Kind.TIMELINE) {
      // By the last day of each event's period: "Late 2020" (given as 2020) after "July 2020".
      items.sort(
          Comparator.comparing(
              (Item i) -> dateOf(i) == null ? null : dateOf(i).end(),
              Comparator.nullsLast(Comparator.naturalOrder())));
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Item item : items) out.add(item(item));
    m.put("items", out);
    m.put("columns", e.columns());
    m.put("columnsText", fmt.list(e.columns()));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Row r : e.rows()) rows.add(row(r));
    m.put("rows", rows);
    return m;
  }

  private PartialDate dateOf(Item item) {
    if (item.date() != null) return item.date();
    if (item.facts().isEmpty()) return null;
    Fact f = ctx.fact(item.facts().get(0));
    return f == null ? null : f.asOf();
  }

  private Map<String, Object> item(Item item) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (item.term() != null) m.put("term", words(item.texts(), "term", item.term()));
    PartialDate d = dateOf(item);
    if (d != null) {
      m.put("date", d.toString());
      m.put("dateText", fmt.date(d));
    }
    if (item.when() != null) m.put("when", words(item.texts(), "when", item.when()));
    m.put("text", words(item.texts(), "text", item.text()));
    // Linked to every source behind it: its own, then its facts'.
    LinkedHashSet<String> behind = new LinkedHashSet<>(item.sources());
    for (String id : item.facts()) {
      Fact f = ctx.fact(id);
      if (f != null) behind.addAll(f.usedInText().sources());
    }
    m.put("cites", cites(List.copyOf(behind)));
    List<Map<String, Object>> facts = new ArrayList<>();
    for (String id : item.facts()) {
      Fact f = ctx.fact(id);
      if (f == null) continue;
      Map<String, Object> fm = fact(f);
      fm.put("figure", fmt.withUnitAndCaveat(f, f.usedInText()));
      facts.add(fm);
    }
    m.put("facts", facts);
    return m;
  }

  private Map<String, Object> fact(Fact f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", f.id());
    m.put("label", f.label());
    m.put("href", ctx.factHref(f.id()));
    m.put("disputed", f.isDisputed());
    return m;
  }

  private Map<String, Object> row(Row r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("measure", words(r.texts(), "measure", r.measure()));
    if (r.note() != null) m.put("note", words(r.texts(), "note", r.note()));
    List<Map<String, Object>> cells = new ArrayList<>();
    for (Cell c : r.cells()) {
      Map<String, Object> cm = new LinkedHashMap<>();
      Fact f = c.fact() == null ? null : ctx.fact(c.fact());
      if (f == null) {
        cm.put("missing", true);
      } else {
        cm.put("fact", fact(f));
        List<Map<String, Object>> values = new ArrayList<>();
        List<Integer> picked = c.values();
        for (int i = 0; i < f.values().size(); i++) {
          if (!picked.isEmpty() && !picked.contains(i)) continue;
          values.add(value(f, f.values().get(i)));
        }
        cm.put("values", values);
      }
      cells.add(cm);
    }
    m.put("cells", cells);
    return m;
  }

  private Map<String, Object> value(Fact f, FactValue v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("figure", fmt.withUnitAndCaveat(f, v));
    if (v.scope() != null) m.put("scope", v.scope());
    PartialDate asOf = v.asOf() != null ? v.asOf() : f.asOf();
    if (asOf != null) {
      m.put("asOf", asOf.toString());
      m.put("asOfText", fmt.date(asOf));
    }
    m.put("cites", cites(v.sources()));
    return m;
  }

  /** A piece's text as the template shows it, marked where it is not yet translated. */
  private Object words(Texts texts, String field, String text) {
    return TranslatedText.of(texts, field, text, fmt.messages());
  }

  private List<Map<String, Object>> cites(List<String> ids) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String id : ctx.inReferenceOrder(ids)) {
      int n = ctx.referenceNumber(id);
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("id", id);
      c.put("number", n);
      c.put("href", ctx.referenceHref(id));
      var s = ctx.source(id);
      if (s != null && s.publisher() != null) c.put("publisher", s.publisher());
      out.add(c);
    }
    return out;
  }
}
