package dev.sourced.facts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.model.Fact;
import dev.sourced.model.FactValue;
import dev.sourced.model.Qualifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Figures and dates as readers see them, in English and Dutch: grouping, the compact form, money,
 * percentages, qualifiers and long dates; and the same text whatever the locale of the machine that
 * builds.
 */
class ValueFormatterTest {
  private static final ValueFormatter EN = new ValueFormatter("en");
  private static final ValueFormatter NL = new ValueFormatter("nl");
  private static final String NBSP = "\u00a0";

  private static Fact fact(String number, String unit, boolean compact, Qualifier q) {
    FactValue v =
        new FactValue(new BigDecimal(number), null, q, List.of("s1"), null, null, null, null);
    return new Fact("x", "X", unit, compact, null, null, null, List.of(v), 0, null);
  }

  private static Fact fact(String number) {
    return fact(number, null, false, Qualifier.EXACT);
  }

  @ParameterizedTest(name = "{0} -> {1} / {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "70000        | 70,000        | 70.000",
        "0            | 0             | 0",
        "999          | 999           | 999",
        "1000         | 1,000         | 1.000",
        "1234.5678    | 1,234.5678    | 1.234,5678",
        "1.10         | 1.1           | 1,1",
        "-70000       | -70,000       | -70.000",
        "80000000     | 80,000,000    | 80.000.000",
      })
  void groupsDigitsForTheLocale(String number, String en, String nl) {
    assertThat(EN.inline(fact(number))).isEqualTo(en);
    assertThat(NL.inline(fact(number))).isEqualTo(nl);
  }

  @ParameterizedTest(name = "compact {0} -> {1} / {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "80000000      | 80 million    | 80 miljoen",
        "1200000       | 1.2 million   | 1,2 miljoen",
        "1000000       | 1 million     | 1 miljoen",
        "999999        | 999,999       | 999.999",
        "3400000000    | 3.4 billion   | 3,4 miljard",
        "1000000000    | 1 billion     | 1 miljard",
        "-1500000      | -1.5 million  | -1,5 miljoen",
      })
  void compactFormFromAMillionUp(String number, String en, String nl) {
    assertThat(EN.inline(fact(number, null, true, Qualifier.EXACT))).isEqualTo(en);
    assertThat(NL.inline(fact(number, null, true, Qualifier.EXACT))).isEqualTo(nl);
  }

  /** Rounding to one decimal must move up a word: "1,000 million" is not how anyone writes. */
  @Test
  void compactFormThatRoundsUpToABillionSaysBillion() {
    assertThat(EN.inline(fact("999990000", null, true, Qualifier.EXACT))).isEqualTo("1 billion");
    assertThat(NL.inline(fact("999990000", null, true, Qualifier.EXACT))).isEqualTo("1 miljard");
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

  @Test
  void moneyCarriesItsSymbol() {
    assertThat(EN.inline(fact("1200000", "EUR", true, Qualifier.EXACT))).isEqualTo("€1.2 million");
    assertThat(NL.inline(fact("1200000", "EUR", true, Qualifier.EXACT)))
        .isEqualTo("€" + NBSP + "1,2 miljoen");
    assertThat(EN.inline(fact("1200000", "EUR", false, Qualifier.EXACT))).isEqualTo("€1,200,000");
    assertThat(EN.inline(fact("1200000", "€", true, Qualifier.EXACT))).isEqualTo("€1.2 million");
    assertThat(EN.inline(fact("5", "USD", false, Qualifier.EXACT))).isEqualTo("$5");
    assertThat(EN.inline(fact("2500000000", "GBP", true, Qualifier.MORE_THAN)))
        .isEqualTo("more than £2.5 billion");
  }

  @Test
  void percentagesCarryTheSign() {
    assertThat(EN.inline(fact("12.5", "%", false, Qualifier.EXACT))).isEqualTo("12.5%");
    assertThat(NL.inline(fact("12.5", "%", false, Qualifier.EXACT))).isEqualTo("12,5%");
    // A percentage is never written in words, even when the fact asks for compact.
    assertThat(EN.inline(fact("1500000", "%", true, Qualifier.EXACT))).isEqualTo("1,500,000%");
  }

  @ParameterizedTest(name = "{0} -> {1} / {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "EXACT     | 70,000            | 70.000",
        "ABOUT     | about 70,000      | ongeveer 70.000",
        "MORE_THAN | more than 70,000  | meer dan 70.000",
        "LESS_THAN | less than 70,000  | minder dan 70.000",
        "AT_LEAST  | at least 70,000   | ten minste 70.000",
        "UP_TO     | up to 70,000      | tot 70.000",
      })
  void qualifiersComeFirst(Qualifier q, String en, String nl) {
    assertThat(EN.inline(fact("70000", null, false, q))).isEqualTo(en);
    assertThat(NL.inline(fact("70000", null, false, q))).isEqualTo(nl);
  }

  @Test
  void aQualifierGoesBeforeTheMoneySymbolAndTheCompactWord() {
    assertThat(EN.inline(fact("80000000", null, true, Qualifier.MORE_THAN)))
        .isEqualTo("more than 80 million");
    assertThat(NL.inline(fact("80000000", null, true, Qualifier.MORE_THAN)))
        .isEqualTo("meer dan 80 miljoen");
    assertThat(NL.inline(fact("1200000", "EUR", true, Qualifier.ABOUT)))
        .isEqualTo("ongeveer €" + NBSP + "1,2 miljoen");
  }

  @Test
  void boxesAddTheUnitButNotTwice() {
    Fact users = fact("70000", "users", false, Qualifier.ABOUT);
    assertThat(EN.withUnit(users, users.usedInText())).isEqualTo("about 70,000 users");
    assertThat(NL.withUnit(users, users.usedInText())).isEqualTo("ongeveer 70.000 users");
    Fact euros = fact("1200000", "EUR", true, Qualifier.EXACT);
    assertThat(EN.withUnit(euros, euros.usedInText())).isEqualTo("€1.2 million");
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
    Fact f = new Fact("x", "X", "messages", false, null, null, null, List.of(words), 0, null);
    assertThat(EN.inline(f)).isEqualTo("hundreds of millions");
    assertThat(EN.withUnit(f, words)).isEqualTo("hundreds of millions");
  }

  @Test
  void datesKnownToTheMonthOrTheYearAreShownToThatPrecision() {
    assertThat(EN.date(dev.sourced.model.PartialDate.ofMonth(2020, 7))).isEqualTo("July 2020");
    assertThat(NL.date(dev.sourced.model.PartialDate.ofMonth(2020, 7))).isEqualTo("juli 2020");
    assertThat(EN.date(dev.sourced.model.PartialDate.ofYear(2020))).isEqualTo("2020");
    assertThat(EN.date(dev.sourced.model.PartialDate.ofDay(LocalDate.of(2020, 7, 2))))
        .isEqualTo("2 July 2020");
    assertThat(dev.sourced.model.PartialDate.ofMonth(2020, 2).end())
        .isEqualTo(LocalDate.of(2020, 2, 29));
  }

  @Test
  void almostIsItsOwnQualifier() {
    assertThat(EN.qualifier(Qualifier.ALMOST)).isEqualTo("almost");
    assertThat(NL.qualifier(Qualifier.ALMOST)).isEqualTo("bijna");
  }

  @Test
  void datesAreLongAndInTheSiteLanguage() {
    assertThat(EN.date(LocalDate.of(2021, 3, 9))).isEqualTo("9 March 2021");
    assertThat(NL.date(LocalDate.of(2021, 3, 9))).isEqualTo("9 maart 2021");
    assertThat(EN.date(LocalDate.of(2021, 5, 1))).isEqualTo("1 May 2021");
    assertThat(NL.date(LocalDate.of(2021, 5, 1))).isEqualTo("1 mei 2021");
    assertThat(EN.date((LocalDate) null)).isEmpty();
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
        ValueFormatter en = new ValueFormatter("en");
        ValueFormatter nl = new ValueFormatter("nl");
        assertThat(en.inline(fact("70000.5", null, false, Qualifier.ABOUT)))
            .as("en under " + tag)
            .isEqualTo("about 70,000.5");
        assertThat(nl.inline(fact("70000.5", null, false, Qualifier.ABOUT)))
            .as("nl under " + tag)
            .isEqualTo("ongeveer 70.000,5");
        assertThat(en.inline(fact("1200000", "EUR", true, Qualifier.MORE_THAN)))
            .as("en money under " + tag)
            .isEqualTo("more than €1.2 million");
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
    Fact f = new Fact("d", "D", null, false, null, "disputed", "n", List.of(a, b), 1, null);
    assertThat(EN.inline(f)).isEqualTo("about 70,000");
    assertThat(EN.inline(f, a)).isEqualTo("170,000");
  }
}
