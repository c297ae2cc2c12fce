package dev.sourced.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.util.ULocale;
import dev.sourced.diag.Diagnostics;
import dev.sourced.diag.SourcePosition;
import dev.sourced.load.SourceFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The theme's message files: every shipped language has every key with the same arguments, plural
 * forms follow each language's CLDR rules, a site's file overrides key by key, and its mistakes are
 * positioned diagnostics.
 */
class MessageFilesTest {
  private static Messages theme(String lang) {
    return MessageFiles.theme(lang, ULocale.forLanguageTag(lang));
  }

  private static SourceFile file(String path, String text) {
    return new SourceFile(path, text, text, 1, "", 1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"nl", "de", "fr"})
  void everyShippedLanguageHasEveryKeyWithTheSameArguments(String lang) {
    Map<String, String> en = MessageFiles.bundled("en");
    Map<String, String> other = MessageFiles.bundled(lang);
    assertThat(other.keySet()).containsExactlyInAnyOrderElementsOf(en.keySet());
    Messages e = theme("en");
    Messages o = theme(lang);
    for (String key : en.keySet()) {
      assertThat(o.argumentNames(key)).as(lang + " " + key).hasSameElementsAs(e.argumentNames(key));
      assertThat(other.get(key)).as(lang + " " + key + " is translated").isNotBlank();
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "en | 1 | (cited in 1 article)",
        "en | 2 | (cited in 2 articles)",
        "en | 0 | (cited in 0 articles)",
        "nl | 1 | (aangehaald in 1 artikel)",
        "nl | 2 | (aangehaald in 2 artikelen)",
        "de | 1 | (zitiert in 1 Artikel)",
        "de | 3 | (zitiert in 3 Artikeln)",
        "fr | 0 | (citée dans 0 article)",
        "fr | 1 | (citée dans 1 article)",
        "fr | 2 | (citée dans 2 articles)",
      })
  void pluralFormsFollowTheLanguagesRules(String lang, int count, String expected) {
    assertThat(theme(lang).format("sources.cited_in", "count", count)).isEqualTo(expected);
  }

  @Test
  void numbersInsideTextsAreWrittenInTheLocale() {
    assertThat(theme("nl").format("search.results", "count", 1500)).isEqualTo("1.500 resultaten");
    assertThat(theme("en").format("search.results", "count", 1)).isEqualTo("1 result");
  }

  @Test
  void pluralFormsForTheReadersScriptsAreTheCategoriesTexts() {
    assertThat(theme("nl").pluralForms("search.results"))
        .containsExactly(Map.entry("one", "# resultaat"), Map.entry("other", "# resultaten"));
  }

  @Test
  void aSiteFileOverridesKeyByKey() {
    Diagnostics d = new Diagnostics();
    Messages m =
        MessageFiles.load(
            "nl",
            ULocale.forLanguageTag("nl"),
            List.of(
                file("i18n/nl.yaml", "factbox.kind: Cijfer\n"),
                file("i18n/de.yaml", "factbox.kind: Zahl\n")),
            SourcePosition.file("sourced.yaml"),
            d);
    assertThat(d.sorted()).isEmpty();
    assertThat(m.text("factbox.kind")).isEqualTo("Cijfer");
    assertThat(m.text("factbox.as_of")).isEqualTo("Peildatum");
  }

  @Test
  void mistakesInASiteFileArePositioned() {
    Diagnostics d = new Diagnostics();
    Messages m =
        MessageFiles.load(
            "en",
            ULocale.ENGLISH,
            List.of(
                file(
                    "i18n/en.yaml",
                    "factbox.knd: Figure\n"
                        + "sources.cited_in: \"cited in some articles\"\n"
                        + "factbox.note: \"{oops\"\n"
                        + "search.results: \"{count, plural, one {# hit} other {# hits}}\"\n")),
            SourcePosition.file("sourced.yaml"),
            d);
    assertThat(d.sorted().stream().map(Object::toString))
        .containsExactly(
            "i18n/en.yaml:1:1: warning[unknown-message] the theme has no message \"factbox.knd\";"
                + " this text is never shown",
            "i18n/en.yaml:2:19: error[bad-message] message \"sources.cited_in\" cannot be used:"
                + " it leaves out {count}",
            "i18n/en.yaml:3:15: error[bad-message] message \"factbox.note\" cannot be used: it is"
                + " not a valid ICU message (Unmatched '{' braces in message \"{oops\")");
    assertThat(d.sorted().get(0).hint()).isEqualTo("did you mean \"factbox.kind\"?");
    // The broken texts keep the theme's; the good one is used.
    assertThat(m.format("sources.cited_in", "count", 2)).isEqualTo("(cited in 2 articles)");
    assertThat(m.format("search.results", "count", 2)).isEqualTo("2 hits");
  }

  @Test
  void aLanguageTheThemeDoesNotShipShowsEnglishAndSaysSo() {
    Diagnostics d = new Diagnostics();
    Messages m =
        MessageFiles.load(
            "es",
            ULocale.forLanguageTag("es"),
            List.of(file("i18n/es.yaml", "factbox.kind: Dato\n")),
            new SourcePosition("sourced.yaml", 3, 11),
            d);
    assertThat(m.text("factbox.kind")).isEqualTo("Dato");
    assertThat(m.text("factbox.as_of")).isEqualTo("As of");
    assertThat(d.sorted()).hasSize(1);
    assertThat(d.sorted().get(0).toString())
        .startsWith(
            "sourced.yaml:3:11: warning[untranslated-theme] the theme has no messages in"
                + " \"es\": ");
  }

  @Test
  void aRegionalLanguageUsesItsBaseLanguagesFile() {
    Diagnostics d = new Diagnostics();
    Messages m =
        MessageFiles.load(
            "nl-BE", ULocale.forLanguageTag("nl-BE"), List.of(), SourcePosition.file("x"), d);
    assertThat(d.sorted()).isEmpty();
    assertThat(m.text("factbox.kind")).isEqualTo("Feit");
  }
}
