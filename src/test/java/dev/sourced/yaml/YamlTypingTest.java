package dev.sourced.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.diag.DiagnosticPrinter;
import dev.sourced.diag.Diagnostics;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Typing from the raw scalar text, through {@link SafeYaml#readMapping} and {@link YamlMap}'s
 * getters: YAML 1.1's surprises ({@code NO} as false, {@code 010} as 8, {@code 1.10} as 1.1, {@code
 * 12:30} as 750, {@code 2024-02-30} as 1 March) must not happen, and each problem is one diagnostic
 * at the offending value. The YAML is read as front-matter starting on file line 2.
 */
class YamlTypingTest {
  private final Diagnostics diagnostics = new Diagnostics();

  private YamlMap read(String yaml) {
    YamlMap map = SafeYaml.readMapping(yaml, "content/a.md", 1, diagnostics, "front-matter");
    assertThat(map).as("a mapping").isNotNull();
    return map;
  }

  private String printed() {
    return new DiagnosticPrinter(p -> null, false).format(diagnostics.sorted());
  }

  @Test
  void textFieldsKeepTheScalarAsWritten() {
    YamlMap m =
        read(
            """
        a: NO
        b: 010
        c: 1.10
        d: 12:30
        e: yes
        f: 0x1F
        g: 2021-03-09
        h: .inf
        i: 'null'
        j: "  padded  "
        k: !!str NO
        """);
    assertThat(m.string("a", true, "x")).isEqualTo("NO");
    assertThat(m.string("b", true, "x")).isEqualTo("010");
    assertThat(m.string("c", true, "x")).isEqualTo("1.10");
    assertThat(m.string("d", true, "x")).isEqualTo("12:30");
    assertThat(m.string("e", true, "x")).isEqualTo("yes");
    assertThat(m.string("f", true, "x")).isEqualTo("0x1F");
    assertThat(m.string("g", true, "x")).isEqualTo("2021-03-09");
    assertThat(m.string("h", true, "x")).isEqualTo(".inf");
    assertThat(m.string("i", true, "x")).isEqualTo("null");
    assertThat(m.string("j", true, "x")).isEqualTo("padded");
    assertThat(m.string("k", true, "x")).isEqualTo("NO");
    assertThat(printed()).isEmpty();
  }

  @Test
  void plainNullTildeAndEmptyAreAbsent() {
    YamlMap m = read("a: null\nb: ~\nc:\n");
    assertThat(m.string("a", false, "x")).isNull();
    assertThat(m.string("b", false, "x")).isNull();
    assertThat(m.string("c", false, "x")).isNull();
    assertThat(printed()).isEmpty();
    assertThat(m.string("b", true, "the front-matter")).isNull();
    assertThat(printed())
        .isEqualTo(
            """
        content/a.md:2:1: error[missing-field] the front-matter needs `b`
          = hint: add it, e.g. `b: ...`
        """);
  }

  @Test
  void numbersAreDecimalAndKeepTheirDigits() {
    YamlMap m = read("a: 70000\nb: 1.10\nc: -0.5\nd: 0\ne: 99999999999999999999999\n");
    assertThat(m.number("a", true, "x")).isEqualTo(new BigDecimal("70000"));
    assertThat(m.number("b", true, "x")).isEqualTo(new BigDecimal("1.10"));
    assertThat(m.number("c", true, "x")).isEqualTo(new BigDecimal("-0.5"));
    assertThat(m.number("d", true, "x")).isEqualTo(BigDecimal.ZERO);
    assertThat(m.number("e", true, "x")).isEqualTo(new BigDecimal("99999999999999999999999"));
    assertThat(printed()).isEmpty();
  }

  @Test
  void aLeadingZeroIsAnErrorNotOctal() {
    YamlMap m = read("value: 010\n");
    assertThat(m.number("value", true, "x")).isNull();
    assertThat(printed())
        .isEqualTo(
            """
        content/a.md:2:8: error[wrong-type] `value` has a leading zero: 010
          = hint: write the number without leading zeros (YAML 1.1 would read 010 as 8)
        """);
  }

  @ParameterizedTest(name = "value: {0}")
  @ValueSource(
      strings = {
        "0x1F",
        "1_000",
        "1,000",
        "+5",
        ".5",
        "1e6",
        "'5'",
        "\"70000\"",
        "12:30",
        ".inf",
        "NaN",
        "true",
        "[1]",
        "{a: 1}"
      })
  void anythingElseIsNotANumber(String scalar) {
    YamlMap m = read("value: " + scalar + "\n");
    assertThat(m.number("value", true, "x")).isNull();
    assertThat(diagnostics.sorted()).hasSize(1);
    assertThat(diagnostics.sorted().get(0).toString())
        .startsWith("content/a.md:2:8: error[wrong-type] `value` must be a number, not ");
  }

  @Test
  void datesAreStrictIsoDays() {
    YamlMap m = read("a: 2021-03-09\nb: '2024-02-29'\n");
    assertThat(m.date("a", true, "x")).isEqualTo(LocalDate.of(2021, 3, 9));
    assertThat(m.date("b", true, "x")).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(printed()).isEmpty();
  }

  @Test
  void anImpossibleDayIsABadDateNotTheNextMonth() {
    YamlMap m = read("date: 2024-02-30\n");
    assertThat(m.date("date", true, "x")).isNull();
    assertThat(printed())
        .isEqualTo(
            """
        content/a.md:2:7: error[bad-date] `date` is not a valid date: "2024-02-30"
          = hint: write dates as YYYY-MM-DD with a real day, e.g. 2021-03-09
        """);
  }

  @ParameterizedTest(name = "date: {0}")
  @ValueSource(
      strings = {
        "2023-02-29",
        "2021-3-9",
        "20210309",
        "2021-03-09T10:00:00",
        "+2021-03-09",
        "09-03-2021",
        "2021/03/09",
        "March 9, 2021"
      })
  void otherDateSpellingsAreBadDates(String scalar) {
    YamlMap m = read("date: " + scalar + "\n");
    assertThat(m.date("date", true, "x")).isNull();
    assertThat(diagnostics.sorted())
        .singleElement()
        .hasToString(
            "content/a.md:2:7: error[bad-date] `date` is not a valid date: \"" + scalar + "\"");
  }

  @Test
  void booleansAreExactlyTrueOrFalse() {
    YamlMap m = read("a: true\nb: false\nc: yes\nd: NO\ne: True\n");
    assertThat(m.bool("a", "x")).isTrue();
    assertThat(m.bool("b", "x")).isFalse();
    assertThat(m.bool("c", "x")).isNull();
    assertThat(m.bool("d", "x")).isNull();
    assertThat(m.bool("e", "x")).isNull();
    assertThat(printed())
        .isEqualTo(
            """
        content/a.md:4:4: error[wrong-type] `c` must be true or false, not "yes"
          = hint: write `c: true` or `c: false`
        content/a.md:5:4: error[wrong-type] `d` must be true or false, not "NO"
          = hint: write `d: true` or `d: false`
        content/a.md:6:4: error[wrong-type] `e` must be true or false, not "True"
          = hint: write `e: true` or `e: false`
        """);
  }

  @Test
  void listItemsAreTextAsWritten() {
    YamlMap m = read("a: [NO, 010, 1.10, yes]\nb: NO\nc:\n  - off\n  - [x]\n");
    assertThat(m.strings("a", "x")).containsExactly("NO", "010", "1.10", "yes");
    assertThat(m.strings("b", "x")).containsExactly("NO");
    assertThat(m.strings("c", "x")).containsExactly("off");
    assertThat(printed())
        .isEqualTo(
            """
        content/a.md:6:5: error[wrong-type] `c[]` must be text, not a list
          = hint: each item of `c` is one word or phrase
        """);
  }

  @Test
  void aDuplicateKeyNamesTheFirstLineAndTheFirstValueStays() {
    YamlMap m = read("a: 1\nb: x\na: 2\n");
    assertThat(m.string("a", true, "x")).isEqualTo("1");
    assertThat(printed())
        .isEqualTo(
            """
        content/a.md:4:1: error[duplicate-key] key "a" is given twice (first at line 2)
          = hint: remove or rename one of them; YAML would silently keep only the last
        """);
  }

  /**
   * The loader counts lines by {@code \n} only; YAML 1.1 (SnakeYAML) also breaks lines at NEL, LINE
   * SEPARATOR and PARAGRAPH SEPARATOR. Such a character pasted into a quoted title must not move
   * every later diagnostic down a line.
   */
  @ParameterizedTest(name = "U+{0}")
  @ValueSource(strings = {"2028", "2029", "0085"})
  void unicodeLineSeparatorsDoNotShiftLineNumbers(String hex) {
    String separator = Character.toString(Integer.parseInt(hex, 16));
    YamlMap m = read("title: \"a" + separator + "b\"\ndate: 2021-13-01\n");
    assertThat(m.date("date", true, "x")).isNull();
    assertThat(diagnostics.sorted())
        .singleElement()
        .hasToString(
            "content/a.md:3:7: error[bad-date] `date` is not a valid date: \"2021-13-01\"");
  }

  @Test
  void emptyTextIsAnEmptyMapping() {
    YamlMap m = read("");
    assertThat(m.keys()).isEmpty();
    assertThat(printed()).isEmpty();
  }

  @Test
  void aListOrTextIsNotAMapping() {
    assertThat(SafeYaml.readMapping("- a\n", "content/a.md", 1, diagnostics, "front-matter"))
        .isNull();
    assertThat(SafeYaml.readMapping("just text\n", "content/b.md", 1, diagnostics, "front-matter"))
        .isNull();
    assertThat(printed())
        .isEqualTo(
            """
        content/a.md:2:1: error[yaml-not-mapping] the front-matter must be a mapping of keys to values, not a list
          = hint: write it as `key: value` lines, e.g. `title: My article`
        content/b.md:2:1: error[yaml-not-mapping] the front-matter must be a mapping of keys to values, not a text
          = hint: write it as `key: value` lines, e.g. `title: My article`
        """);
  }

  /** Every day a YYYY-MM-DD text can name is read as a strict uuuu-MM-dd formatter reads it. */
  @Test
  void daysAreReadAsAStrictFormatterReadsThem() {
    DateTimeFormatter strict =
        DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    for (String year : new String[] {"0000", "1900", "2000", "2023", "2024", "9999"}) {
      for (int m = 0; m <= 13; m++) {
        for (int d = 0; d <= 32; d++) {
          String v = String.format("%s-%02d-%02d", year, m, d);
          LocalDate expected;
          try {
            expected = LocalDate.parse(v, strict);
          } catch (DateTimeParseException e) {
            expected = null;
          }
          LocalDate got;
          try {
            got = YamlMap.day(v);
          } catch (DateTimeParseException e) {
            got = null;
          }
          assertThat(got).as(v).isEqualTo(expected);
        }
      }
    }
  }
}
