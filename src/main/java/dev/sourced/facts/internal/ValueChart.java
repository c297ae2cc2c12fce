package dev.sourced.facts.internal;

import dev.sourced.facts.FactsRenderContext;
import dev.sourced.facts.ValueFormatter;
import dev.sourced.model.Fact;
import dev.sourced.model.FactValue;
import dev.sourced.model.Qualifier;
import dev.sourced.model.Source;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A fact's competing figures drawn at build time as an inline SVG bar chart, for the fact box: one
 * bar per numeric value, from zero, each labelled with its figure and source, the figure the text
 * uses marked in words. No script, no fonts, no fixed colours: bars and text take the theme's
 * colours through CSS classes ({@code value-chart-*}), so the chart follows dark mode and prints.
 *
 * <p>The SVG has no {@code viewBox}: its coordinates are CSS pixels and bar lengths are percentages
 * of its width, so text keeps its size on a phone while the bars shrink. The whole chart is one
 * image for assistive technology ({@code role="img"}) whose {@code aria-label} lists every figure
 * with its full source name; the table above it says the same. Figures in words ("hundreds of
 * millions") are not drawn and are named under the chart.
 */
public final class ValueChart {
  /** Vertical rhythm in CSS pixels. */
  private static final int ROW = 44;

  private static final int TOP = 4;
  private static final int SOURCE_BASELINE = 12;
  private static final int BAR_Y = 18;
  private static final int BAR_H = 16;

  /** The longest bar as a share of the width, leaving room for the "more than" arrow. */
  private static final BigDecimal SPAN = BigDecimal.valueOf(95);

  /** Where a bar is long enough to hold its own figure. */
  private static final BigDecimal INSIDE = BigDecimal.valueOf(50);

  private static final int SOURCE_LABEL_MAX = 34;

  private ValueChart() {}

  /** Whether a fact gets a chart: two or more numeric figures that are not all the same. */
  public static boolean applies(Fact f) {
    Set<BigDecimal> distinct = new java.util.HashSet<>();
    int numbers = 0;
    for (FactValue v : f.values()) {
      if (!v.isNumber()) continue;
      if (v.number().signum() < 0) return false;
      numbers++;
      distinct.add(v.number().stripTrailingZeros());
    }
    return numbers >= 2 && distinct.size() >= 2;
  }

  /** The chart as HTML (a figure holding the SVG and its caption), or "" when none applies. */
  public static String html(Fact f, FactsRenderContext site) {
    if (!applies(f)) return "";
    ValueFormatter fmt = site.formatter();
    BigDecimal max = BigDecimal.ZERO;
    List<Integer> drawn = new ArrayList<>();
    List<Integer> words = new ArrayList<>();
    for (int i = 0; i < f.values().size(); i++) {
      FactValue v = f.values().get(i);
      if (v.isNumber()) {
        drawn.add(i);
        if (v.number().compareTo(max) > 0) max = v.number();
      } else {
        words.add(i);
      }
    }
    if (max.signum() == 0) return "";

    int height = TOP + drawn.size() * ROW;
    StringBuilder alt =
        new StringBuilder("Bar chart, from zero, of what each source gives for: ")
            .append(f.label())
            .append(". ");
    StringBuilder rows = new StringBuilder();
    int row = 0;
    for (int i : drawn) {
      FactValue v = f.values().get(i);
      boolean used = i == f.use();
      String figure = fmt.inline(f, v);
      alt.append(fmt.withUnitAndCaveat(f, v))
          .append(" (")
          .append(names(v, site))
          .append(')')
          .append(used ? ", the figure used in the text" : "")
          .append("; ");
      BigDecimal pct =
          v.number()
              .multiply(SPAN)
              .divide(max, new MathContext(6, RoundingMode.HALF_EVEN))
              .setScale(1, RoundingMode.HALF_EVEN);
      if (v.number().signum() > 0 && pct.compareTo(BigDecimal.valueOf(0.5)) < 0) {
        pct = BigDecimal.valueOf(0.5);
      }
      String w = pct.stripTrailingZeros().toPlainString() + "%";
      int y = TOP + row * ROW;
      rows.append(used ? "<g class=\"value-chart-used\">" : "<g>");
      rows.append("<text x=\"6\" y=\"")
          .append(y + SOURCE_BASELINE)
          .append("\">")
          .append(esc(shortSources(v, site)));
      if (used) rows.append("<tspan class=\"mark\"> · used in the text</tspan>");
      rows.append("</text><rect y=\"")
          .append(y + BAR_Y)
          .append("\" width=\"")
          .append(w)
          .append("\" height=\"")
          .append(BAR_H)
          .append("\"/>");
      if (v.qualifier() == Qualifier.MORE_THAN || v.qualifier() == Qualifier.AT_LEAST) {
        // An open end: the figure is a floor, the true value lies further right.
        rows.append("<svg x=\"")
            .append(w)
            .append("\" y=\"")
            .append(y + BAR_Y)
            .append("\" width=\"8\" height=\"")
            .append(BAR_H)
            .append("\" overflow=\"visible\"><path d=\"M1 2l6 6-6 6\"/></svg>");
      }
      boolean inside = pct.compareTo(INSIDE) >= 0;
      rows.append("<text class=\"")
          .append(inside ? "val in" : "val")
          .append("\" x=\"")
          .append(w)
          .append("\" y=\"")
          .append(y + BAR_Y + 12)
          .append("\" dx=\"")
          .append(inside ? "-6\" text-anchor=\"end\"" : "12\"")
          .append('>')
          .append(esc(figure))
          .append("</text></g>");
      row++;
    }
    if (!words.isEmpty()) {
      alt.append("Not drawn, as no single number stands for them: ");
      for (int i : words) {
        FactValue v = f.values().get(i);
        alt.append(v.text()).append(" (").append(names(v, site)).append("); ");
      }
    }
    String label = alt.toString().strip();
    if (label.endsWith(";")) label = label.substring(0, label.length() - 1) + ".";

    StringBuilder out = new StringBuilder(rows.length() + 1024);
    out.append("<figure class=\"value-chart\">");
    out.append("<svg class=\"value-chart-svg\" role=\"img\" width=\"100%\" height=\"")
        .append(height)
        .append("\" aria-label=\"")
        .append(esc(label))
        .append("\">");
    out.append("<line y1=\"").append(TOP).append("\" y2=\"").append(height).append("\"/>");
    out.append(rows);
    out.append("</svg>");
    out.append("<figcaption class=\"value-chart-caption\">");
    out.append("Bars start at zero");
    if (f.unit() != null && !f.unit().isEmpty() && !"%".equals(f.unit())) {
      out.append("; unit: ").append(esc(f.unit()));
    }
    out.append(". Source: ");
    List<String> ids = new ArrayList<>();
    for (int i : drawn) ids.addAll(f.values().get(i).sources());
    int n = 0;
    for (String id : new LinkedHashSet<>(ids)) {
      Source s = site.source(id);
      if (s == null) continue;
      if (n++ > 0) out.append("; ");
      out.append("<a href=\"")
          .append(esc(site.referenceHref(id)))
          .append("\">[")
          .append(site.referenceNumber(id))
          .append("] ")
          .append(esc(shortName(s)))
          .append("</a>");
    }
    out.append('.');
    if (!words.isEmpty()) {
      out.append(" Not drawn (no single number): ");
      for (int k = 0; k < words.size(); k++) {
        FactValue v = f.values().get(words.get(k));
        if (k > 0) out.append("; ");
        out.append(esc(v.text())).append(" (").append(esc(refNumbers(v, site))).append(')');
      }
      out.append('.');
    }
    out.append("</figcaption></figure>\n");
    return out.toString();
  }

  /** "[5] Europol, [7] Biometrica", cut to fit a phone's width; the table has the full names. */
  private static String shortSources(FactValue v, FactsRenderContext site) {
    StringBuilder b = new StringBuilder();
    for (String id : v.sources()) {
      Source s = site.source(id);
      if (s == null) continue;
      if (b.length() > 0) b.append(", ");
      b.append('[').append(site.referenceNumber(id)).append("] ").append(shortName(s));
    }
    return cut(b.toString(), SOURCE_LABEL_MAX);
  }

  /** "[5] Europol (2021); [7] Biometrica (2021)": the reference list has the full entries. */
  private static String names(FactValue v, FactsRenderContext site) {
    List<String> names = new ArrayList<>();
    for (String id : v.sources()) {
      Source s = site.source(id);
      if (s != null) names.add("[" + site.referenceNumber(id) + "] " + shortName(s));
    }
    return String.join("; ", names);
  }

  private static String refNumbers(FactValue v, FactsRenderContext site) {
    List<String> nums = new ArrayList<>();
    for (String id : v.sources()) nums.add("[" + site.referenceNumber(id) + "]");
    return String.join(", ", nums);
  }

  /** The publisher up to its first bracket or comma, or the title where none is known. */
  static String shortName(Source s) {
    String p = s.publisher();
    if (p != null) {
      int cut = p.length();
      for (String stop : List.of(" (", ", ")) {
        int at = p.indexOf(stop);
        if (at > 0) cut = Math.min(cut, at);
      }
      p = p.substring(0, cut).strip();
    }
    String name =
        p == null || p.isEmpty() || (p.equalsIgnoreCase("unknown") && s.title() != null)
            ? s.title()
            : p;
    return s.date() == null ? name : name + " (" + s.date().year() + ")";
  }

  static String cut(String s, int max) {
    if (s.codePointCount(0, s.length()) <= max) return s;
    int end = s.offsetByCodePoints(0, max - 1);
    return s.substring(0, end).stripTrailing() + "…";
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
