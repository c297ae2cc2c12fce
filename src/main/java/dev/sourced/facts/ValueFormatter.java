package dev.sourced.facts;

import com.ibm.icu.number.LocalizedNumberFormatter;
import com.ibm.icu.number.Notation;
import com.ibm.icu.number.NumberFormatter;
import com.ibm.icu.number.NumberFormatter.UnitWidth;
import com.ibm.icu.number.Precision;
import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.ListFormatter;
import com.ibm.icu.util.Currency;
import com.ibm.icu.util.MeasureUnit;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import dev.sourced.i18n.MessageFiles;
import dev.sourced.i18n.Messages;
import dev.sourced.model.Fact;
import dev.sourced.model.FactValue;
import dev.sourced.model.PartialDate;
import dev.sourced.model.Qualifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Date;
import java.util.Map;

/**
 * Formats figures and dates from the locale data of ICU4J (CLDR), for any locale: {@code 70,000},
 * {@code 70.000} or {@code 70 000}; the compact form from a million up where a fact asks for it
 * ("80 million", "80 miljoen", "80 Millionen", "80 millions"); money ("€1,500", "1.500 €", and in
 * compact form "1.2 million euros"); percentages ("12.5%", "12,5 %"); long dates ("9 March 2021",
 * "9 maart 2021", "9. März 2021"). Qualifiers ("about", "more than") are message texts, so word
 * order is the translator's.
 *
 * <p>Nothing here depends on the machine: the locale is the site's, dates are calendar dates in
 * UTC, and ICU's data is the jar's, not the JDK's, so a build's text stays the same when the JDK is
 * updated. The formatters are ICU's immutable {@code LocalizedNumberFormatter}s; the date format,
 * which is not thread-safe, is used under a lock.
 *
 * <p>In running text only the figure is shown (the author writes the noun: "{{fact:x}} users");
 * money and percentages carry their unit, since they are part of the figure. Boxes add the unit.
 */
public final class ValueFormatter {
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  /** Currency symbols authors may write for a unit, as the ISO 4217 code they stand for. */
  private static final Map<String, String> SYMBOLS = Map.of("€", "EUR", "$", "USD", "£", "GBP");

  private final ULocale locale;
  private final Messages messages;
  private final LocalizedNumberFormatter plain;
  private final LocalizedNumberFormatter compact;
  private final DateFormat longDate;
  private volatile DateFormat monthDate;

  /**
   * @param locale the locale numbers and dates are written in ("en-GB", "nl", "de-CH")
   * @param messages the words of the page's language, for qualifiers
   */
  public ValueFormatter(ULocale locale, Messages messages) {
    this.locale = locale;
    this.messages = messages;
    this.plain = NumberFormatter.withLocale(locale).precision(Precision.unlimited());
    this.compact =
        NumberFormatter.withLocale(locale)
            .notation(Notation.compactLong())
            .precision(Precision.maxFraction(1));
    DateFormat df = DateFormat.getDateInstance(DateFormat.LONG, locale);
    df.setTimeZone(TimeZone.GMT_ZONE);
    this.longDate = df;
  }

  /**
   * The month-and-year format, made the first time a date known to the month is written: it is
   * built from the locale's date-time patterns (a costly part of making a formatter), and most
   * sites date everything to the day.
   */
  private DateFormat monthDate() {
    DateFormat f = monthDate;
    if (f == null) {
      synchronized (this) {
        f = monthDate;
        if (f == null) {
          f = DateFormat.getInstanceForSkeleton("yMMMM", locale);
          f.setTimeZone(TimeZone.GMT_ZONE);
          monthDate = f;
        }
      }
    }
    return f;
  }

  /** A formatter for a locale tag ("nl", "de-CH") with the theme's words in its language. */
  public static ValueFormatter of(String localeTag) {
    ULocale l = ULocale.forLanguageTag(localeTag);
    return new ValueFormatter(l, MessageFiles.theme(l.getLanguage(), l));
  }

  public ULocale locale() {
    return locale;
  }

  public Messages messages() {
    return messages;
  }

  /** The figure as running text shows it: "about 70,000", "more than €1.2 million". */
  public String inline(Fact fact) {
    return inline(fact, fact.usedInText());
  }

  public String inline(Fact fact, FactValue v) {
    String figure;
    Currency currency = currency(fact.unit());
    if (!v.isNumber()) {
      figure = v.text();
    } else if (currency != null) {
      figure = money(v.number(), currency, fact.compact());
    } else if ("%".equals(fact.unit())) {
      figure = percent(v.number());
    } else {
      figure = number(v.number(), fact.compact());
    }
    return qualified(v.qualifier(), figure);
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
        || currency(fact.unit()) != null
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

  /**
   * The currency a unit names: an ISO 4217 code ("EUR", "CHF") or one of the symbols €, $, £; null
   * for any other unit.
   */
  static Currency currency(String unit) {
    if (unit == null) return null;
    String code = SYMBOLS.getOrDefault(unit, unit);
    if (!code.matches("[A-Z]{3}") || !Currency.isAvailable(code, null, null)) return null;
    return Currency.getInstance(code);
  }

  /**
   * An amount: whole amounts without decimals, others with the currency's own (cents); from a
   * million up in compact form, the currency named in words ("1.2 million euros"), since CLDR has
   * long compact forms for numbers but only abbreviations ("€1.2M") for money.
   */
  String money(BigDecimal n, Currency currency, boolean compactForm) {
    LocalizedNumberFormatter f = NumberFormatter.withLocale(locale).unit(currency);
    if (compactForm && n.abs().compareTo(MILLION) >= 0) {
      f = f.unitWidth(UnitWidth.FULL_NAME).notation(Notation.compactLong());
      return f.precision(Precision.maxFraction(1)).format(n).toString();
    }
    boolean whole = n.stripTrailingZeros().scale() <= 0;
    return f.precision(
            whole ? Precision.integer() : Precision.currency(Currency.CurrencyUsage.STANDARD))
        .format(n)
        .toString();
  }

  /** A percentage as written (12.5 is 12.5 %, not 1,250 %). */
  String percent(BigDecimal n) {
    return NumberFormatter.withLocale(locale)
        .unit(MeasureUnit.PERCENT)
        .precision(Precision.unlimited())
        .format(n.stripTrailingZeros())
        .toString();
  }

  /** A number in the locale's grouping, or the compact form from a million up. */
  public String number(BigDecimal n, boolean compactForm) {
    if (compactForm && n.abs().compareTo(MILLION) >= 0) {
      return compact.format(n).toString();
    }
    return plain.format(n.stripTrailingZeros()).toString();
  }

  /** A figure with its qualifier, in the language's word order: "about 70,000". */
  public String qualified(Qualifier q, String figure) {
    if (q == null || q == Qualifier.EXACT) return figure;
    return messages.format("qualifier." + q.key(), "value", figure);
  }

  /** Names joined as the locale joins a list: "EncroChat and Sky ECC", "EncroChat en Sky ECC". */
  public String list(Collection<String> items) {
    return ListFormatter.getInstance(locale).format(items);
  }

  /** "9 March 2021" (en-GB), "March 9, 2021" (en), "9 maart 2021" (nl). */
  public String date(LocalDate d) {
    if (d == null) return "";
    return format(longDate, d);
  }

  /**
   * As precise as it is known: "2 July 2020", a month in the locale's words ("July 2020", "juli
   * 2020", "Juli 2020"), or the year alone.
   */
  public String date(PartialDate d) {
    if (d == null) return "";
    return switch (d.precision()) {
      case DAY -> format(longDate, d.start());
      case MONTH -> format(monthDate(), d.start());
      case YEAR -> Integer.toString(d.year());
    };
  }

  private static String format(DateFormat f, LocalDate d) {
    Date at = Date.from(d.atStartOfDay(ZoneOffset.UTC).toInstant());
    synchronized (f) {
      return f.format(at);
    }
  }
}
