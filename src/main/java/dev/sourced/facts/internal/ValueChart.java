package dev.sourced.facts.internal;

import dev.sourced.facts.FactsRenderContext;
import dev.sourced.facts.ValueFormatter;
import dev.sourced.i18n.Messages;
import dev.sourced.model.Fact;
import dev.sourced.model.FactValue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A fact's competing figures drawn at build time as an inline SVG bar chart, for the fact box: one
 * bar per distinct figure (the rows of {@link FigureRows}: five sources that give 70,000 make one
 * bar), from zero, each labelled with its figure, the figure the text uses marked in words. The
 * bars name no source: the rows above the chart name each source once, next to its own wording. No
 * script, no fonts, no fixed colours: bars and text take the theme's colours through CSS classes
 * ({@code value-chart-*}), so the chart follows dark mode and prints.
 *
 * <p>The SVG has no {@code viewBox}: its coordinates are CSS pixels and bar lengths are percentages
 * of its width, so text keeps its size on a phone while the bars shrink. The whole chart is one
 * image for assistive technology ({@code role="img"}) whose {@code aria-label} lists every figure
 * and how many sources give it. Figures in words ("hundreds of millions") are not drawn and are
 * named under the chart.
 */
public final class ValueChart {
  /** Vertical rhythm in CSS pixels: a label line, then the bar. */
  private static final int ROW = 40;

  private static final int TOP = 4;
  private static final int LABEL_BASELINE = 13;
  private static final int BAR_Y = 18;
  private static final int BAR_H = 14;

  /** The longest bar as a share of the width, leaving room for the "more than" arrow. */
  private static final BigDecimal SPAN = BigDecimal.valueOf(95);

  private ValueChart() {}

  /** Whether a fact gets a chart: two or more distinct numeric figures, none below zero. */
  public static boolean applies(Fact f) {
    Set<BigDecimal> distinct = new HashSet<>();
    for (FactValue v : f.values()) {
      if (!v.isNumber()) continue;
      if (v.number().signum() < 0) return false;
      distinct.add(v.number().stripTrailingZeros());
    }
    return distinct.size() >= 2;
  }

  /** The chart of a fact as HTML (a figure holding the SVG and its caption), or "". */
  public static String html(Fact f, FactsRenderContext site) {
    return html(f, FigureRows.of(f, site), site);
  }

  /** The chart of a box's rows as HTML, or "" when none applies. */
  static String html(Fact f, List<FigureRows.Row> rows, FactsRenderContext site) {
    if (!applies(f)) return "";
    ValueFormatter fmt = site.formatter();
    Messages msg = fmt.messages();
    BigDecimal max = BigDecimal.ZERO;
    List<FigureRows.Row> drawn = new ArrayList<>();
    List<FigureRows.Row> words = new ArrayList<>();
    for (FigureRows.Row r : rows) {
      if (r.isNumber()) {
        drawn.add(r);
        if (FigureRows.number(r).compareTo(max) > 0) max = FigureRows.number(r);
      } else {
        words.add(r);
      }
    }
    if (max.signum() == 0) return "";

    int height = TOP + drawn.size() * ROW;
    StringBuilder alt =
        new StringBuilder(msg.format("chart.label", "label", f.label())).append(' ');
    StringBuilder bars = new StringBuilder();
    int row = 0;
    for (FigureRows.Row r : drawn) {
      String figure = fmt.inline(f, r.heading());
      alt.append(fmt.withUnitAndCaveat(f, r.heading()))
          .append(" (")
          .append(count(msg, r.entries().size()))
          .append(')')
          .append(r.used() ? ", " + msg.text("chart.label_used") : "")
          .append("; ");
      BigDecimal pct =
          FigureRows.number(r)
              .multiply(SPAN)
              .divide(max, new MathContext(6, RoundingMode.HALF_EVEN))
              .setScale(1, RoundingMode.HALF_EVEN);
      if (FigureRows.number(r).signum() > 0 && pct.compareTo(BigDecimal.valueOf(0.5)) < 0) {
        pct = BigDecimal.valueOf(0.5);
      }
      String w = pct.stripTrailingZeros().toPlainString() + "%";
      int y = TOP + row * ROW;
      bars.append(r.used() ? "<g class=\"value-chart-used\">" : "<g>");
      bars.append("<text class=\"val\" x=\"6\" y=\"")
          .append(y + LABEL_BASELINE)
          .append("\">")
          .append(esc(figure));
      if (r.used()) {
        bars.append("<tspan class=\"mark\"> · ")
            .append(esc(msg.text("chart.used")))
            .append("</tspan>");
      }
      bars.append("</text><rect y=\"")
          .append(y + BAR_Y)
          .append("\" width=\"")
          .append(w)
          .append("\" height=\"")
          .append(BAR_H)
          .append("\"/>");
      if (FigureRows.openEnded(r)) {
        // An open end: the figure is a floor, the true value lies further right.
        bars.append("<svg x=\"")
            .append(w)
            .append("\" y=\"")
            .append(y + BAR_Y)
            .append("\" width=\"8\" height=\"")
            .append(BAR_H)
            .append("\" overflow=\"visible\"><path d=\"M1 1l6 6-6 6\"/></svg>");
      }
      bars.append("</g>");
      row++;
    }
    if (!words.isEmpty()) {
      alt.append(msg.text("chart.label_words")).append(' ');
      for (FigureRows.Row r : words) {
        alt.append(r.heading().text())
            .append(" (")
            .append(count(msg, r.entries().size()))
            .append("); ");
      }
    }
    String label = alt.toString().strip();
    if (label.endsWith(";")) label = label.substring(0, label.length() - 1) + ".";

    StringBuilder out = new StringBuilder(bars.length() + 512);
    out.append("<figure class=\"value-chart\">");
    out.append("<svg class=\"value-chart-svg\" role=\"img\" width=\"100%\" height=\"")
        .append(height)
        .append("\" aria-label=\"")
        .append(esc(label))
        .append("\">");
    out.append("<line y1=\"").append(TOP).append("\" y2=\"").append(height).append("\"/>");
    out.append(bars);
    out.append("</svg>");
    out.append("<figcaption class=\"value-chart-caption\">");
    out.append(esc(msg.text("chart.caption")));
    if (f.unit() != null && !f.unit().isEmpty() && !"%".equals(f.unit())) {
      out.append("; ").append(esc(msg.format("chart.caption_unit", "unit", f.unit())));
    }
    out.append('.');
    if (!words.isEmpty()) {
      out.append(' ').append(esc(msg.text("chart.caption_words"))).append(' ');
      for (int k = 0; k < words.size(); k++) {
        if (k > 0) out.append("; ");
        out.append(esc(words.get(k).heading().text()));
      }
      out.append('.');
    }
    out.append("</figcaption></figure>\n");
    return out.toString();
  }

  private static String count(Messages msg, int sources) {
    return msg.format("chart.sources", "count", sources);
  }

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
