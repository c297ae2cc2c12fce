package dev.sourced.facts.internal;

import dev.sourced.facts.FactsRenderContext;
import dev.sourced.model.Fact;
import dev.sourced.model.FactValue;
import dev.sourced.model.Qualifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A fact's values as a box shows them: one row per distinct figure (the same number, or the same
 * words), in order of first declaration, so five sources that all give 70,000 make one row and one
 * bar instead of five. Within a row every source keeps its own wording ("about", "more than"),
 * scope and date: a row never lends one source's qualifier to another. Only what all of a row's
 * sources share is said once, for the row.
 *
 * <p>A row's heading is the figure as the text shows it when the text's value is in the row: the
 * text says "about 70,000", so the heading (and the chart's bar) says "about 70,000", not a bare
 * "70,000" that drops the text's qualifier. A row without the text's value whose sources word it
 * differently is headed by the bare figure. An entry worded otherwise than its row's heading shows
 * its own wording.
 */
final class FigureRows {
  /** One source's entry in a row: the value it gives, under which it is named. */
  record Entry(String sourceId, FactValue value) {}

  /**
   * One distinct figure.
   *
   * @param heading the value whose wording the row's heading takes: the shared wording when every
   *     entry words the figure the same, else the text's value when it is in the row, else the bare
   *     figure (qualifier dropped)
   * @param shared whether every entry has the same qualifier, scope and date (said once)
   * @param used whether the figure the text uses is in this row
   * @param entries one per source, in reference-number order
   */
  record Row(FactValue heading, boolean shared, boolean used, List<Entry> entries) {
    boolean isNumber() {
      return heading.isNumber();
    }
  }

  private FigureRows() {}

  static List<Row> of(Fact f, FactsRenderContext site) {
    Map<Object, List<FactValue>> groups = new LinkedHashMap<>();
    for (FactValue v : f.values()) {
      Object key = v.isNumber() ? v.number().stripTrailingZeros() : v.text().strip();
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(v);
    }
    FactValue usedValue = f.usedInText();
    List<Row> rows = new ArrayList<>();
    for (List<FactValue> values : groups.values()) {
      FactValue first = values.get(0);
      boolean shared = true;
      for (FactValue v : values) {
        shared &=
            v.qualifier() == first.qualifier()
                && Objects.equals(v.scope(), first.scope())
                && Objects.equals(v.asOf(), first.asOf());
      }
      boolean sameWording = values.stream().allMatch(v -> v.qualifier() == first.qualifier());
      boolean used = values.stream().anyMatch(v -> v == usedValue);
      FactValue heading = sameWording ? first : used ? usedValue : bare(first);
      List<Entry> entries = new ArrayList<>();
      for (FactValue v : values) for (String id : v.sources()) entries.add(new Entry(id, v));
      entries.sort(Comparator.comparingInt(e -> site.referenceNumber(e.sourceId())));
      rows.add(new Row(heading, shared, used, List.copyOf(entries)));
    }
    return rows;
  }

  /** The figure without its qualifier, for a row whose sources word it differently. */
  private static FactValue bare(FactValue v) {
    return new FactValue(
        v.number(), v.text(), Qualifier.EXACT, v.sources(), null, null, null, v.declaredAt());
  }

  /** Whether the figure is a floor ("more than", "at least") in every source of the row. */
  static boolean openEnded(Row row) {
    for (Entry e : row.entries()) {
      Qualifier q = e.value().qualifier();
      if (q != Qualifier.MORE_THAN && q != Qualifier.AT_LEAST) return false;
    }
    return true;
  }

  static BigDecimal number(Row row) {
    return row.heading().number();
  }
}
