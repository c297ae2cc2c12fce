package dev.sourced.parse;

import dev.sourced.diag.Code;
import dev.sourced.diag.Diagnostics;
import dev.sourced.diag.SourcePosition;
import dev.sourced.model.Explainer;
import dev.sourced.model.Explainer.Cell;
import dev.sourced.model.Explainer.Item;
import dev.sourced.model.Explainer.Kind;
import dev.sourced.model.Explainer.Row;
import dev.sourced.model.PartialDate;
import dev.sourced.model.Texts;
import dev.sourced.yaml.YamlMap;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads an article's explainer pieces ({@code glances:}, {@code timelines:}, {@code comparisons:},
 * {@code unknowns:}) into {@link Explainer} records, checking what one file can: required fields,
 * that every glance row and timeline event names a source or a fact, and that each comparison row
 * has one cell per column. Whether the IDs exist is the resolve stage's work.
 */
final class ExplainerReader {
  static final List<String> KEYS = List.of("glances", "timelines", "comparisons", "unknowns");
  private static final List<String> ITEM_KEYS =
      List.of("term", "date", "when", "text", "sources", "facts");
  private final Diagnostics diagnostics;

  /** The pieces' words: one string for every language, or one per language. */
  private final TextFields words;

  /** {@code languages}: the site's, the default first (one for a site in one language). */
  ExplainerReader(Diagnostics diagnostics, List<String> languages) {
    this.diagnostics = diagnostics;
    this.words = new TextFields(diagnostics, languages);
  }

  List<Explainer> read(YamlMap front) {
    List<Explainer> out = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      YamlMap all = front.map(kind.key());
      if (all == null) continue;
      for (String id : all.keys()) {
        if (!DeclarationReader.ID.matcher(id).matches()) {
          diagnostics.error(
              all.at(id),
              Code.BAD_ID,
              kind.directive() + " ID \"" + id + "\" is not valid",
              "IDs start with a letter or digit and hold only letters, digits, - _ and .");
          continue;
        }
        YamlMap m = all.asMap(all.node(id), id);
        if (m == null) continue;
        Explainer e = piece(kind, id, m, all.at(id));
        if (e != null) out.add(e);
      }
    }
    return out;
  }

  private Explainer piece(Kind kind, String id, YamlMap m, SourcePosition at) {
    String what = kind.noun() + " \"" + id + "\"";
    String listKey =
        switch (kind) {
          case GLANCE, COMPARISON -> "rows";
          case TIMELINE -> "events";
          case UNKNOWNS -> "items";
        };
    m.warnUnknownKeys(
        what,
        kind == Kind.COMPARISON ? List.of("title", "columns", "rows") : List.of("title", listKey));
    String title = words.text(m, "title", "title", false, what, true);
    Texts titleTexts = words.take();
    List<Node> nodes = m.list(listKey);
    if (nodes.isEmpty()) {
      diagnostics.error(at, Code.MISSING_FIELD, what + " has no `" + listKey + "`", hint(kind));
    }
    if (kind == Kind.COMPARISON) return comparison(id, title, titleTexts, m, nodes, what, at);
    // A piece keeps its good items when others are reported, so that placing it is not reported
    // as unknown too (the build stops on the item's error anyway).
    List<Item> items = new ArrayList<>();
    for (Node n : nodes) {
      Item item = item(kind, m, n, what);
      if (item != null) items.add(item);
    }
    return new Explainer(kind, id, title, List.copyOf(items), List.of(), List.of(), at, titleTexts);
  }

  private Item item(Kind kind, YamlMap parent, Node n, String what) {
    if (kind == Kind.UNKNOWNS && n instanceof ScalarNode s && !parent.isNull(s)) {
      return new Item(null, null, null, s.getValue().strip(), List.of(), List.of(), parent.at(n));
    }
    YamlMap v = parent.asMap(n, kind == Kind.TIMELINE ? "events[]" : "rows[]");
    if (v == null) return null;
    String part =
        (kind == Kind.TIMELINE ? "an event of " : kind == Kind.GLANCE ? "a row of " : "an item of ")
            + what;
    v.warnUnknownKeys(part, ITEM_KEYS);
    String term = kind == Kind.GLANCE ? words.text(v, "term", "term", true, part, true) : null;
    String text = words.text(v, "text", "text", true, part, true);
    PartialDate date = kind == Kind.TIMELINE ? v.partialDate("date", false, part) : null;
    String when = kind == Kind.TIMELINE ? words.text(v, "when", "when", false, part, true) : null;
    Texts texts = words.take();
    List<String> sources = v.strings("sources", part);
    List<String> facts = v.strings("facts", part);
    if (kind == Kind.TIMELINE && date == null && facts.isEmpty() && !v.has("date")) {
      diagnostics.error(
          v.position(),
          Code.MISSING_FIELD,
          part + " has no `date`",
          "add `date: 2021-03-09` (or 2021-03, or 2021), or name a dated fact in `facts:`");
      return null;
    }
    if (kind != Kind.UNKNOWNS && sources.isEmpty() && facts.isEmpty()) {
      diagnostics.error(
          v.position(),
          Code.ITEM_UNSOURCED,
          part + " names no source and no fact",
          "add `sources: [ID]` for where it comes from, or `facts: [ID]` for the figures it shows");
      return null;
    }
    if ((kind == Kind.GLANCE && term == null) || text == null) return null;
    if (kind == Kind.TIMELINE && date == null && v.has("date")) return null;
    return new Item(
        term, date, when, text, List.copyOf(sources), List.copyOf(facts), v.position(), texts);
  }

  private Explainer comparison(
      String id,
      String title,
      Texts titleTexts,
      YamlMap m,
      List<Node> nodes,
      String what,
      SourcePosition at) {
    List<String> columns = m.strings("columns", what);
    if (columns.size() < 2) {
      diagnostics.error(
          m.has("columns") ? m.at("columns") : at,
          Code.MISSING_FIELD,
          what + " needs `columns` naming at least two things to compare",
          "e.g. `columns: [EncroChat, Sky ECC]`");
      return new Explainer(
          Kind.COMPARISON, id, title, List.of(), columns, List.of(), at, titleTexts);
    }
    List<Row> rows = new ArrayList<>();
    for (Node n : nodes) {
      YamlMap r = m.asMap(n, "rows[]");
      if (r == null) continue;
      String part = "a row of " + what;
      r.warnUnknownKeys(part, List.of("measure", "cells", "note"));
      String measure = words.text(r, "measure", "measure", true, part, true);
      String note = words.text(r, "note", "note", false, part, true);
      Texts texts = words.take();
      List<Node> cellNodes = r.list("cells");
      if (cellNodes.size() != columns.size()) {
        diagnostics.error(
            r.has("cells") ? r.at("cells") : r.position(),
            Code.BAD_VALUE,
            part
                + " has "
                + cellNodes.size()
                + (cellNodes.size() == 1 ? " cell" : " cells")
                + " for "
                + columns.size()
                + " columns",
            "give one cell per column: a fact ID, {fact: ID, values: [0]}, or ~ where the"
                + " sources give no figure");
        continue;
      }
      List<Cell> cells = new ArrayList<>();
      for (Node c : cellNodes) {
        Cell cell = cell(r, c, part);
        if (cell != null) cells.add(cell);
      }
      if (measure != null && cells.size() == columns.size()) {
        rows.add(new Row(measure, List.copyOf(cells), note, r.position(), texts));
      }
    }
    return new Explainer(
        Kind.COMPARISON,
        id,
        title,
        List.of(),
        List.copyOf(columns),
        List.copyOf(rows),
        at,
        titleTexts);
  }

  private Cell cell(YamlMap row, Node c, String part) {
    if (row.isNull(c)) return new Cell(null, List.of(), row.at(c));
    if (c instanceof ScalarNode s) return new Cell(s.getValue().strip(), List.of(), row.at(c));
    YamlMap m = row.asMap(c, "cells[]");
    if (m == null) return null;
    m.warnUnknownKeys("a cell of " + part, List.of("fact", "values"));
    String fact = m.string("fact", true, "a cell of " + part);
    List<Integer> values = new ArrayList<>();
    for (String v : m.strings("values", "a cell of " + part)) {
      try {
        values.add(Integer.parseInt(v));
      } catch (NumberFormatException e) {
        diagnostics.error(
            m.valueAt("values"),
            Code.WRONG_TYPE,
            "`values` of a cell must list value numbers (from 0), not \"" + v + "\"",
            "e.g. `{fact: encrochat-messages, values: [0, 2]}`");
        return null;
      }
    }
    return fact == null ? null : new Cell(fact, List.copyOf(values), m.position());
  }

  private static String hint(Kind kind) {
    return switch (kind) {
      case GLANCE -> "list `rows:` of `{term: Who, text: ..., sources: [ID]}`";
      case TIMELINE -> "list `events:` of `{date: 2021-03-09, text: ..., sources: [ID]}`";
      case COMPARISON -> "list `rows:` of `{measure: ..., cells: [fact-a, fact-b]}`";
      case UNKNOWNS -> "list `items:`, one thing the sources do not say each";
    };
  }
}
