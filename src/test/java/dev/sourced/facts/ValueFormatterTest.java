package dev.sourced.facts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.model.Fact;
import dev.sourced.model.FactValue;
import dev.sourced.model.PartialDate;
import dev.sourced.model.Qualifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Figures and dates as readers see them, in English, Dutch, German and French, from ICU's locale
 * data: grouping, the compact form, money, percentages, qualifiers and long dates; and the same
 * text whatever the locale of the machine that builds. French groups with a narrow no-break space
 * (written {@code _} in the tables), money and percentages are spaced with a no-break space ({@code
 * ~}).
 */
class ValueFormatterTest {
  private static final ValueFormatter EN = ValueFormatter.of("en");
  private static final ValueFormatter NL = ValueFormatter.of("nl");
  private static final ValueFormatter DE = ValueFormatter.of("de");
  private static final ValueFormatter FR = ValueFormatter.of("fr");
  private static final String NBSP = "\u00a0";

  private static Fact fact(String number, String unit, boolean compact, Qualifier q) {
    FactValue v =
        new FactValue(new BigDecimal(number), null, q, List.of("s1"), null, null, null, null);
    return new Fact("x", "X", unit, compact, null, false, null, List.of(v), 0, null);
  }

  private static Fact fact(String number) {
    return fact(number, null, false, Qualifier.EXACT);
  }

  /** The tables' stand-ins for the spaces one cannot see. */
  private static String spaces(String s) {
    return s.replace('_', '\u202f').replace('~', '\u00a0');
  }

  private static void inAll(Fact f, String en, String nl, String de, String fr) {
    assertThat(EN.inline(f)).as("en").isEqualTo(spaces(en));
    assertThat(NL.inline(f)).as("nl").isEqualTo(spaces(nl));
    assertThat(DE.inline(f)).as("de").isEqualTo(spaces(de));
    assertThat(FR.inline(f)).as("fr").isEqualTo(spaces(fr));
  }

  @ParameterizedTest(name = "{0} -> {1} / {2} / {3} / {4}")
  @CsvSource(
      delimiter = '|',
      value = {
        "70000     | 70,000     | 70.000     | 70.000     | 70_000",
        "0         | 0          | 0          | 0          | 0",
        "999       | 999        | 999        | 999        | 999",
        "1000      | 1,000      | 1.000      | 1.000      | 1_000",
        "1234.5678 | 1,234.5678 | 1.234,5678 | 1.234,5678 | 1_234,5678",
        "1.10      | 1.1        | 1,1        | 1,1        | 1,1",
        "-70000    | -70,000    | -70.000    | -70.000    | -70_000",
        "80000000  | 80,000,000 | 80.000.000 | 80.000.000 | 80_000_000",
      })
  void groupsDigitsForTheLocale(String number, String en, String nl, String de, String fr) {
    inAll(fact(number), en, nl, de, fr);
  }

  @ParameterizedTest(name = "compact {0} -> {1} / {2} / {3} / {4}")
  @CsvSource(
      delimiter = '|',
      value = {
        "80000000   | 80 million   | 80 miljoen   | 80 Millionen   | 80 millions",
        "1200000    | 1.2 million  | 1,2 miljoen  | 1,2 Millionen  | 1,2 million",
        "1000000    | 1 million    | 1 miljoen    | 1 Million      | 1 million",
        "999999     | 999,999      | 999.999      | 999.999        | 999_999",
        "3400000000 | 3.4 billion  | 3,4 miljard  | 3,4 Milliarden | 3,4 milliards",
        "1000000000 | 1 billion    | 1 miljard    | 1 Milliarde    | 1 milliard",
        "-1500000   | -1.5 million | -1,5 miljoen | -1,5 Millionen | -1,5 million",
      })
  void compactFormFromAMillionUp(String number, String en, String nl, String de, String fr) {
    inAll(fact(number, null, true, Qualifier.EXACT), en, nl, de, fr);
  }

  /** Rounding to one decimal must move up a word: "1,000 million" is not how anyone writes. */
  @Test
  void compactFormThatRoundsUpToABillionSaysBillion() {
    assertThat(EN.inline(fact("999990000", null, true, Qualifier.EXACT))).isEqualTo("1 billion");
    assertThat(NL.inline(fact("999990000", null, true, Qualifier.EXACT))).isEqualTo("1 miljard");
    assertThat(DE.inline(fact("999990000", null, true, Qualifier.EXACT))).isEqualTo("1 Milliarde");
  }

  /** A figure must never be shown as a different figure: 0.000000001 is not 0. */
  @Test
  void smallDecimalsAreNotRoundedAway() {
    assertThat(EN.inline(fact("0.000000001"))).isEqualTo("0.000000001");
    assertThat(NL.inline(fact("0.000000001"))).isEqualTo("0,000000001");
  }

  @Test
  void fullFormatIgnoresTheMillionThreshold() {
    assertThat(EN.number(new BigDecimal("80000000"), false)).isEqualTo("80,000,000");
    assertThat(EN.number(new BigDecimal("80000000"), true)).isEqualTo("80 million");
  }

  /** Money in the locale's pattern: the symbol's side and spacing are CLDR's. */
  @ParameterizedTest(name = "{0} {1} -> {3} / {4} / {5} / {6}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1200000 | EUR | false | €1,200,000    | €~1.200.000 | 1.200.000~€ | 1_200_000~€",
        "1234.5  | EUR | false | €1,234.50     | €~1.234,50  | 1.234,50~€  | 1_234,50~€",
        "5       | USD | false | $5            | US$~5       | 5~$         | 5~$US",
        "12      | €   | false | €12           | €~12        | 12~€        | 12~€",
        "40      | CHF | false | CHF~40        | CHF~40      | 40~CHF      | 40~CHF",
      })
  void moneyCarriesItsSymbol(
      String number, String unit, boolean compact, String en, String nl, String de, String fr) {
    inAll(fact(number, unit, compact, Qualifier.EXACT), en, nl, de, fr);
  }

  /**
   * Compact amounts name the currency in words, from CLDR's long forms: CLDR has compact forms for
   * money only as abbreviations ("€1.2M"), which readers of running text should not have to decode.
   */
  @ParameterizedTest(name = "{0} {1} -> {2} / {3} / {4} / {5}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1200000    | EUR | 1.2 million euros      | 1,2 miljoen euro        "
            + "| 1,2 Millionen Euro        | 1,2 million euros",
        "2500000000 | GBP | 2.5 billion British pounds | 2,5 miljard Britse pond"
            + "| 2,5 Milliarden Britische Pfund | 2,5 milliards livres sterling",
      })
  void compactMoneyNamesTheCurrency(
      String number, String unit, String en, String nl, String de, String fr) {
    inAll(fact(number, unit, true, Qualifier.EXACT), en, nl, de, fr);
    assertThat(EN.inline(fact(number, "€".equals(unit) ? "€" : unit, true, Qualifier.MORE_THAN)))
        .isEqualTo("more than " + en);
  }

  @Test
  void percentagesCarryTheSign() {
    inAll(fact("12.5", "%", false, Qualifier.EXACT), "12.5%", "12,5%", "12,5~%", "12,5~%");
    // A percentage is never written in words, even when the fact asks for compact.
    assertThat(EN.inline(fact("1500000", "%", true, Qualifier.EXACT))).isEqualTo("1,500,000%");
  }

  @ParameterizedTest(name = "{0} -> {1} / {2} / {3} / {4}")
  @CsvSource(
      delimiter = '|',
      value = {
        "EXACT     | 70,000           | 70.000            | 70.000             | 70_000",
        "ABOUT     | about 70,000     | ongeveer 70.000   | etwa 70.000        | environ 70_000",
        "MORE_THAN | more than 70,000 | meer dan 70.000   | mehr als 70.000    | plus de 70_000",
        "LESS_THAN | less than 70,000 | minder dan 70.000 | weniger als 70.000 | moins de 70_000",
        "AT_LEAST  | at least 70,000  | ten minste 70.000 | mindestens 70.000  | au moins 70_000",
        "UP_TO     | up to 70,000     | tot 70.000        | bis zu 70.000      | jusqu’à 70_000",
      })
  void qualifiersAreTheLanguagesWords(Qualifier q, String en, String nl, String de, String fr) {
    inAll(fact("70000", null, false, q), en, nl, de, fr);
  }

  @Test
  void aQualifierGoesBeforeTheMoneyAndTheCompactWord() {
    assertThat(EN.inline(fact("80000000", null, true, Qualifier.MORE_THAN)))
        .isEqualTo("more than 80 million");
    assertThat(NL.inline(fact("80000000", null, true, Qualifier.MORE_THAN)))
        .isEqualTo("meer dan 80 miljoen");
    assertThat(NL.inline(fact("1200000", "EUR", true, Qualifier.ABOUT)))
        .isEqualTo("ongeveer 1,2 miljoen euro");
  }

  /** Any locale ICU has data for works, with no code per language. */
  @Test
  void otherLocalesNeedNoCode() {
    assertThat(ValueFormatter.of("de-CH").inline(fact("70000.5"))).isEqualTo("70’000.5");
    assertThat(ValueFormatter.of("nl-BE").inline(fact("1234.5", "EUR", false, Qualifier.EXACT)))
        .isEqualTo("€" + NBSP + "1.234,50");
    assertThat(ValueFormatter.of("es").inline(fact("80000000", null, true, Qualifier.EXACT)))
        .isEqualTo("80 millones");
  }

  @Test
  void boxesAddTheUnitButNotTwice() {
    Fact users = fact("70000", "users", false, Qualifier.ABOUT);
    assertThat(EN.withUnit(users, users.usedInText())).isEqualTo("about 70,000 users");
    assertThat(NL.withUnit(users, users.usedInText())).isEqualTo("ongeveer 70.000 users");
    Fact euros = fact("1200000", "EUR", true, Qualifier.EXACT);
    assertThat(EN.withUnit(euros, euros.usedInText())).isEqualTo("1.2 million euros");
    Fact share = fact("40", "%", false, Qualifier.EXACT);
    assertThat(EN.withUnit(share, share.usedInText())).isEqualTo("40%");
    Fact bare = fact("3");
    assertThat(EN.withUnit(bare, bare.usedInText())).isEqualTo("3");
  }

  @Test
  void aFigureInWordsIsShownAsWritten() {
    FactValue words =
        new FactValue(
            null, "hundreds of millions", Qualifier.EXACT, List.of("s1"), null, null, null, null);
    Fact f = new Fact("x", "X", "messages", false, null, false, null, List.of(words), 0, null);
    assertThat(EN.inline(f)).isEqualTo("hundreds of millions");
    assertThat(EN.withUnit(f, words)).isEqualTo("hundreds of millions");
  }

  /** Long dates in the locale's order: "en" is CLDR's American English, "en-GB" British. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "en    | March 9, 2021 | May 1, 2021",
        "en-GB | 9 March 2021  | 1 May 2021",
        "nl    | 9 maart 2021  | 1 mei 2021",
        "de    | 9. März 2021  | 1. Mai 2021",
        "fr    | 9 mars 2021   | 1 mai 2021",
      })
  void datesAreLongAndInTheSiteLocale(String locale, String march9, String may1) {
    ValueFormatter f = ValueFormatter.of(locale);
    assertThat(f.date(LocalDate.of(2021, 3, 9))).isEqualTo(march9);
    assertThat(f.date(LocalDate.of(2021, 5, 1))).isEqualTo(may1);
    assertThat(f.date((LocalDate) null)).isEmpty();
  }

  @Test
  void datesKnownToTheMonthOrTheYearAreShownToThatPrecision() {
    assertThat(EN.date(PartialDate.ofMonth(2020, 7))).isEqualTo("July 2020");
    assertThat(NL.date(PartialDate.ofMonth(2020, 7))).isEqualTo("juli 2020");
    assertThat(ValueFormatter.of("de").date(PartialDate.ofMonth(2020, 7))).isEqualTo("Juli 2020");
    assertThat(ValueFormatter.of("fr").date(PartialDate.ofMonth(2020, 7)))
        .isEqualTo("juillet 2020");
    assertThat(EN.date(PartialDate.ofYear(2020))).isEqualTo("2020");
    assertThat(EN.date(PartialDate.ofDay(LocalDate.of(2020, 7, 2)))).isEqualTo("July 2, 2020");
    assertThat(ValueFormatter.of("en-GB").date(PartialDate.ofDay(LocalDate.of(2020, 7, 2))))
        .isEqualTo("2 July 2020");
    assertThat(PartialDate.ofMonth(2020, 2).end()).isEqualTo(LocalDate.of(2020, 2, 29));
  }

  @Test
  void almostIsItsOwnQualifierInEveryLanguage() {
    assertThat(EN.qualified(Qualifier.ALMOST, "20 million")).isEqualTo("almost 20 million");
    assertThat(NL.qualified(Qualifier.ALMOST, "20 miljoen")).isEqualTo("bijna 20 miljoen");
    assertThat(ValueFormatter.of("de").qualified(Qualifier.ALMOST, "20")).isEqualTo("fast 20");
    assertThat(ValueFormatter.of("fr").qualified(Qualifier.ALMOST, "20")).isEqualTo("presque 20");
  }

  /**
   * German swaps the separators ("70.000,5"), Turkish has its dotted capital I, Arabic (Egypt) its
   * own digits: none of them may leak into a site built on such a machine.
   */
  @Test
  void resultsDoNotDependOnTheDefaultLocale() {
    Locale saved = Locale.getDefault();
    Locale savedFormat = Locale.getDefault(Locale.Category.FORMAT);
    Locale savedDisplay = Locale.getDefault(Locale.Category.DISPLAY);
    try {
      for (String tag : List.of("de-DE", "tr-TR", "ar-EG", "fr-CH")) {
        Locale.setDefault(Locale.forLanguageTag(tag));
        ValueFormatter en = ValueFormatter.of("en-GB");
        ValueFormatter nl = ValueFormatter.of("nl");
        assertThat(en.inline(fact("70000.5", null, false, Qualifier.ABOUT)))
            .as("en under " + tag)
            .isEqualTo("about 70,000.5");
        assertThat(nl.inline(fact("70000.5", null, false, Qualifier.ABOUT)))
            .as("nl under " + tag)
            .isEqualTo("ongeveer 70.000,5");
        assertThat(en.inline(fact("1200000", "EUR", true, Qualifier.MORE_THAN)))
            .as("en money under " + tag)
            .isEqualTo("more than 1.2 million euros");
        assertThat(en.date(LocalDate.of(2021, 3, 9)))
            .as("en date under " + tag)
            .isEqualTo("9 March 2021");
        assertThat(nl.date(LocalDate.of(2021, 3, 9)))
            .as("nl date under " + tag)
            .isEqualTo("9 maart 2021");
        // Also the formatters built before the default changed.
        assertThat(EN.inline(fact("70000"))).isEqualTo("70,000");
      }
    } finally {
      Locale.setDefault(saved);
      Locale.setDefault(Locale.Category.FORMAT, savedFormat);
      Locale.setDefault(Locale.Category.DISPLAY, savedDisplay);
    }
  }

  @Test
  void theDisputedFactShowsTheValueItsUsePicks() {
    FactValue a =
        new FactValue(
            new BigDecimal("170000"),
            null,
            Qualifier.EXACT,
            List.of("s2"),
            "all users",
            null,
            null,
            null);
    FactValue b =
        new FactValue(
            new BigDecimal("70000"),
            null,
            Qualifier.ABOUT,
            List.of("s1"),
            "monitored",
            null,
            null,
            null);
    Fact f = new Fact("d", "D", null, false, null, true, "n", List.of(a, b), 1, null);
    assertThat(EN.inline(f)).isEqualTo("about 70,000");
    assertThat(EN.inline(f, a)).isEqualTo("170,000");
  }
}
