package dev.sourced.config;

import com.ibm.icu.util.ULocale;
import java.util.HashSet;
import java.util.Set;

/**
 * Which language and locale tags a site may name: well-formed BCP 47 tags whose language ICU has
 * locale data for (numbers, dates, plural rules). Any such locale works without code: there is no
 * list of supported languages to keep.
 */
final class Locales {
  private static final Set<String> LANGUAGES = new HashSet<>();

  static {
    for (ULocale l : ULocale.getAvailableLocales()) LANGUAGES.add(l.getLanguage());
  }

  private Locales() {}

  static boolean known(String tag) {
    if (tag == null || !tag.matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")) return false;
    ULocale l = ULocale.forLanguageTag(tag);
    return !l.getLanguage().isEmpty() && LANGUAGES.contains(l.getLanguage());
  }
}
