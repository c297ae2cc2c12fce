package dev.sourced.facts;

import dev.sourced.model.Fact;
import dev.sourced.model.FactValue;
import dev.sourced.model.PartialDate;
import dev.sourced.model.Qualifier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * Formats figures and dates for the site's locale: {@code 70,000} or {@code 70.000}, the compact
 * form ("80 million", "80 miljoen") where a fact asks for it, qualifiers ("about", "more than"),
 * money ("€1.2 million") and percentages. The same input always gives the same text, whatever the
 * locale of the machine that builds. Immutable and thread-safe.
 *
 * <p>In running text only the figure is shown (the author writes the noun: "{{fact:x}} users");
 * money and percentages carry their unit, since they are part of the figure. Boxes add the unit.
 */
public final class ValueFormatter {
  private static final Map<String, String> CURRENCY =
      Map.of("EUR", "€", "€", "€", "USD", "$", "$", "$", "GBP", "£", "£", "£");

  private final String locale;
  private final DecimalFormatSymbols symbols;
  private final DateTimeFormatter longDate;
  private final DateTimeFormatter monthDate;

  public ValueFormatter(String locale) {
    this.locale = locale;
    Locale l = Locale.forLanguageTag(locale);
    this.symbols = DecimalFormatSymbols.getInstance(l);
    this.longDate = DateTimeFormatter.ofPattern("d MMMM uuuu", l);
    this.monthDate = DateTimeFormatter.ofPattern("LLLL uuuu", l);
  }

  public String locale() {
    return locale;
  }

  /** The figure as running text shows it: "about 70,000", "more than €1.2 million". */
  public String inline(Fact fact) {
    return inline(fact, fact.usedInText());
  }

  public String inline(Fact fact, FactValue v) {
    String figure;
    if (!v.isNumber()) {
      figure = v.text();
    } else if (isCurrency(fact.unit())) {
      String sym = CURRENCY.get(fact.unit());
      figure = sym + ("nl".equals(locale) ? "\u00a0" : "") + money(v.number(), fact.compact());
    } else if ("%".equals(fact.unit())) {
      figure = number(v.number(), false) + "%";
    } else {
      figure = number(v.number(), fact.compact());
    }
    String q = qualifier(v.qualifier());
    return q.isEmpty() ? figure : q + " " + figure;
  }

  /**
   * The figure with its unit, as a box shows it: "about 70,000 users". A figure in words ("hundreds
   * of millions") is shown as written.
   */
  public String withUnit(Fact fact, FactValue v) {
    String s = inline(fact, v);
    if (!v.isNumber()
        || fact.unit() == null
        || fact.unit().isEmpty()
        || isCurrency(fact.unit())
        || "%".equals(fact.unit())) {
      return s;
    }
    return s + " " + fact.unit();
  }

  /**
   * The figure with its unit and the source's own caveat: "746 people (according to the Daily Mail,
   * as cited by DutchNews)". What every place that shows a figure away from running text shows
   * (boxes, charts, lists, exports).
   */
  public String withUnitAndCaveat(Fact fact, FactValue v) {
    return withUnit(fact, v) + caveat(v);
  }

  /** " (caveat)" for a figure that carries one, else empty. */
  public String caveat(FactValue v) {
    return v.caveat() == null ? "" : " (" + v.caveat() + ")";
  }

  private static boolean isCurrency(String unit) {
    return unit != null && CURRENCY.containsKey(unit);
  }

  /** An amount: whole amounts as they are, others with two decimals (cents). */
  String money(BigDecimal n, boolean compact) {
    if (compact && n.abs().compareTo(BigDecimal.valueOf(1_000_000)) >= 0) return number(n, true);
    if (n.stripTrailingZeros().scale() <= 0) return plain(n);
    DecimalFormat f = new DecimalFormat("#,##0.00", symbols);
    return f.format(n.setScale(2, RoundingMode.HALF_EVEN));
  }

  /** A number in the locale's grouping, or the compact form from a million up. */
  public String number(BigDecimal n, boolean compact) {
    if (compact && n.abs().compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
      boolean billions = n.abs().compareTo(BigDecimal.valueOf(1_000_000_000)) >= 0;
      BigDecimal scaled =
          n.divide(BigDecimal.valueOf(billions ? 1_000_000_000 : 1_000_000))
              .setScale(1, RoundingMode.HALF_EVEN)
              .stripTrailingZeros();
      if (!billions && scaled.abs().compareTo(BigDecimal.valueOf(1000)) >= 0) {
        // 999,999,999.99 rounds to 1,000 million: say 1 billion.
        billions = true;
        scaled =
            n.divide(BigDecimal.valueOf(1_000_000_000))
                .setScale(1, RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
      }
      String word =
          "nl".equals(locale)
              ? (billions ? "miljard" : "miljoen")
              : (billions ? "billion" : "million");
      return plain(scaled) + " " + word;
    }
    return plain(n);
  }

  private String plain(BigDecimal n) {
    DecimalFormat f = new DecimalFormat("#,##0", symbols);
    f.setMaximumFractionDigits(340);
    return f.format(n.stripTrailingZeros());
  }

  public String qualifier(Qualifier q) {
    if (q == null || q == Qualifier.EXACT) return "";
    if (!"nl".equals(locale)) return q.english();
    return switch (q) {
      case ABOUT -> "ongeveer";
      case ALMOST -> "bijna";
      case MORE_THAN -> "meer dan";
      case LESS_THAN -> "minder dan";
      case AT_LEAST -> "ten minste";
      case UP_TO -> "tot";
      case EXACT -> "";
    };
  }

  /** "9 March 2021" / "9 maart 2021". */
  public String date(LocalDate d) {
    return d == null ? "" : longDate.format(d);
  }

  /** As precise as it is known: "2 July 2020", "July 2020" / "juli 2020", or "2020". */
  public String date(PartialDate d) {
    if (d == null) return "";
    return switch (d.precision()) {
      case DAY -> longDate.format(d.start());
      case MONTH -> monthDate.format(d.start());
      case YEAR -> Integer.toString(d.year());
    };
  }
}
