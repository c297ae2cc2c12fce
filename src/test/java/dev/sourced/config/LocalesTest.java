package dev.sourced.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A language is known when ICU has locale data for it. Looking one language up must give what the
 * list of every locale ICU has would give, for every ISO language and then some.
 */
class LocalesTest {
  @Test
  void aLanguageIsKnownExactlyWhenIcuListsLocaleDataForIt() {
    Set<String> listed = new HashSet<>();
    for (ULocale l : ULocale.getAvailableLocales()) listed.add(l.getLanguage());
    List<String> tags = new ArrayList<>(List.of(ULocale.getISOLanguages()));
    tags.addAll(listed);
    tags.addAll(List.of("root", "und", "mis", "zxx", "xx", "dutch", "qaa", "sh", "iw", "in"));
    for (String tag : tags) {
      String language = ULocale.forLanguageTag(tag).getLanguage();
      assertThat(Locales.known(tag))
          .as(tag)
          .isEqualTo(!language.isEmpty() && listed.contains(language));
    }
  }

  @Test
  void regionsAndScriptsOfAKnownLanguageAreKnown() {
    assertThat(Locales.known("nl-BE")).isTrue();
    assertThat(Locales.known("pt-BR")).isTrue();
    assertThat(Locales.known("sr-Latn")).isTrue();
    assertThat(Locales.known("nl_BE")).isFalse();
    assertThat(Locales.known("")).isFalse();
  }
}
