package dev.sourced.model;

import dev.sourced.diag.SourcePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A piece of an explainer that an article declares in its front-matter and places in its body with
 * {@code {{KIND:ID}}}: an "at a glance" summary, a timeline, a side-by-side comparison, or a "what
 * we do not know" note. Each is made of the site's facts and sources, never of free-standing
 * figures: every glance row and timeline event is sourced (by its own sources or by its facts'),
 * and every comparison cell is a fact (or says the sources do not give one).
 *
 * @param title an optional heading for the piece
 * @param items glance rows, timeline events (in date order) or unknowns; empty for a comparison
 * @param columns a comparison's column headings (what is compared); empty otherwise
 * @param rows a comparison's measures; empty otherwise
 * @param texts the title in each language it is written in (see {@link Texts}); the words of items
 *     and rows are on each item and row
 */
public record Explainer(
    Kind kind,
    String id,
    String title,
    List<Item> items,
    List<String> columns,
    List<Row> rows,
    SourcePosition declaredAt,
    Texts texts) {

  /** A piece whose words are the same in every language. */
  public Explainer(
      Kind kind,
      String id,
      String title,
      List<Item> items,
      List<String> columns,
      List<Row> rows,
      SourcePosition declaredAt) {
    this(kind, id, title, items, columns, rows, declaredAt, Texts.NONE);
  }

  /**
   * This piece with its words in {@code lang}: a text not written in it shows the default
   * language's (else the first written), and its copy's {@link Texts#fallback} says so. A piece is
   * declared once for all of an article's translations; its facts, sources and dates are shared.
   */
  public Explainer in(String lang, String defaultLang) {
    Map<String, String> fb = new LinkedHashMap<>();
    List<Item> is = new ArrayList<>();
    for (Item i : items) is.add(i.in(lang, defaultLang));
    List<Row> rs = new ArrayList<>();
    for (Row r : rows) rs.add(r.in(lang, defaultLang));
    return new Explainer(
        kind,
        id,
        texts.in("title", lang, defaultLang, title, fb),
        List.copyOf(is),
        columns,
        List.copyOf(rs),
        declaredAt,
        texts.withFallbacks(fb));
  }

  /** The four pieces, with the front-matter key that declares them and their directive word. */
  public enum Kind {
    GLANCE("glances", "glance"),
    TIMELINE("timelines", "timeline"),
    COMPARISON("comparisons", "compare"),
    UNKNOWNS("unknowns", "unknowns");

    private final String key;
    private final String directive;

    Kind(String key, String directive) {
      this.key = key;
      this.directive = directive;
    }

    /** The front-matter key: {@code glances:}, {@code timelines:} ... */
    public String key() {
      return key;
    }

    /** The word in {@code {{glance:ID}}}, {@code {{timeline:ID}}}, {@code {{compare:ID}}} ... */
    public String directive() {
      return directive;
    }

    /** What diagnostics call it: glance, timeline, comparison, unknowns. */
    public String noun() {
      return this == COMPARISON ? "comparison" : directive;
    }

    public static Kind fromDirective(String word) {
      for (Kind k : values()) if (k.directive.equals(word)) return k;
      return null;
    }
  }

  /**
   * A glance row ({@code term}: "Who"), a timeline event ({@code date}, shown as {@code when} when
   * the author words it, e.g. "Mid-February 2021") or one thing the sources do not say.
   */
  public record Item(
      String term,
      PartialDate date,
      String when,
      String text,
      List<String> sources,
      List<String> facts,
      SourcePosition declaredAt,
      Texts texts) {

    /** An item whose words are the same in every language. */
    public Item(
        String term,
        PartialDate date,
        String when,
        String text,
        List<String> sources,
        List<String> facts,
        SourcePosition declaredAt) {
      this(term, date, when, text, sources, facts, declaredAt, Texts.NONE);
    }

    /** This item with its words ({@code term}, {@code when}, {@code text}) in {@code lang}. */
    public Item in(String lang, String defaultLang) {
      if (texts.isEmpty()) return this;
      Map<String, String> fb = new LinkedHashMap<>();
      return new Item(
          texts.in("term", lang, defaultLang, term, fb),
          date,
          texts.in("when", lang, defaultLang, when, fb),
          texts.in("text", lang, defaultLang, text, fb),
          sources,
          facts,
          declaredAt,
          texts.withFallbacks(fb));
    }
  }

  /** One measure of a comparison: a cell per column, and why the cells compare, or do not. */
  public record Row(
      String measure, List<Cell> cells, String note, SourcePosition declaredAt, Texts texts) {

    /** A row whose words are the same in every language. */
    public Row(String measure, List<Cell> cells, String note, SourcePosition declaredAt) {
      this(measure, cells, note, declaredAt, Texts.NONE);
    }

    /** This row with its words ({@code measure}, {@code note}) in {@code lang}. */
    public Row in(String lang, String defaultLang) {
      if (texts.isEmpty()) return this;
      Map<String, String> fb = new LinkedHashMap<>();
      return new Row(
          texts.in("measure", lang, defaultLang, measure, fb),
          cells,
          texts.in("note", lang, defaultLang, note, fb),
          declaredAt,
          texts.withFallbacks(fb));
    }
  }

  /**
   * A cell: a fact (all of its values, or the ones {@code values} picks), or, when {@code fact} is
   * null, a statement that the sources give no figure.
   */
  public record Cell(String fact, List<Integer> values, SourcePosition declaredAt) {}
}
