package dev.sourced.model;

import dev.sourced.diag.SourcePosition;
import java.util.List;

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
 */
public record Explainer(
    Kind kind,
    String id,
    String title,
    List<Item> items,
    List<String> columns,
    List<Row> rows,
    SourcePosition declaredAt) {

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
      SourcePosition declaredAt) {}

  /** One measure of a comparison: a cell per column, and why the cells compare, or do not. */
  public record Row(String measure, List<Cell> cells, String note, SourcePosition declaredAt) {}

  /**
   * A cell: a fact (all of its values, or the ones {@code values} picks), or, when {@code fact} is
   * null, a statement that the sources give no figure.
   */
  public record Cell(String fact, List<Integer> values, SourcePosition declaredAt) {}
}
