package dev.sourced.config;

import com.ibm.icu.util.ULocale;
import com.ibm.icu.util.UResourceBundle;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which language and locale tags a site may name: well-formed BCP 47 tags whose language ICU has
 * locale data for (numbers, dates, plural rules). Any such locale works without code: there is no
 * list of supported languages to keep.
 *
 * <p>A language is looked up by opening ICU's own data for it (which the build then uses anyway to
 * format numbers and dates), not by listing every locale ICU has: the list costs a good part of a
 * small build's start, and a site names one or two languages.
 */
final class Locales {
  private static final Map<String, Boolean> KNOWN = new ConcurrentHashMap<>();

  private Locales() {}

  static boolean known(String tag) {
    if (tag == null || !tag.matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")) return false;
    String language = ULocale.forLanguageTag(tag).getLanguage();
    return !language.isEmpty() && KNOWN.computeIfAbsent(language, Locales::hasData);
  }

  /**
   * Whether ICU has data of this language's own: its main data (a null base name) for a language it
   * lacks falls back to the root locale.
   */
  private static boolean hasData(String language) {
    UResourceBundle data = UResourceBundle.getBundleInstance((String) null, new ULocale(language));
    return data.getULocale().getLanguage().equals(language);
  }
}
