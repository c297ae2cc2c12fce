package dev.sourced.parse;

import java.util.List;
import java.util.Locale;

/**
 * The language of an article, from its file name as Hugo translates by file name: {@code
 * users.en.md} is the English translation of {@code users.md} and {@code users.nl.md}. A suffix is
 * a language only when the site lists it in {@code languages}, so {@code report.v2.md} stays an
 * article called "report.v2"; a file without one is in the default language.
 *
 * <p>Kept apart from the loader's address rule: the loader gives the name ({@code users.en}), this
 * takes the language off it, and the default address rule applies to what is left.
 *
 * @param language the page's language
 * @param slug the address the file name gives, without the language ({@code users})
 * @param translationKey what the page's translations share: its path without the language ({@code
 *     content/users.md})
 */
public record PageLanguage(String language, String slug, String translationKey) {

  /**
   * @param path the article's path, {@code content/users.en.md}
   * @param defaultSlug the address the loader made of its name, {@code users.en}
   * @param languages the site's languages, the default first
   */
  public static PageLanguage of(String path, String defaultSlug, List<String> languages) {
    String fallback = languages.isEmpty() ? "" : languages.get(0);
    int slash = path.lastIndexOf('/');
    int ext = path.lastIndexOf('.');
    String stem = ext > slash ? path.substring(0, ext) : path;
    int dot = stem.lastIndexOf('.');
    if (dot > slash + 1) {
      String suffix = stem.substring(dot + 1).toLowerCase(Locale.ROOT);
      if (languages.contains(suffix)) {
        String key = stem.substring(0, dot) + path.substring(ext);
        // A section's or bundle's page has its folder's address, which the suffix is not part of.
        String slug =
            defaultSlug.endsWith("." + suffix)
                ? defaultSlug.substring(0, defaultSlug.length() - suffix.length() - 1)
                : defaultSlug;
        return new PageLanguage(suffix, slug, key);
      }
    }
    return new PageLanguage(fallback, defaultSlug, path);
  }

  /** The address in the site: the default language's at the root, the others' under /LANG/. */
  public String address(String slug, List<String> languages) {
    if (languages.isEmpty() || languages.get(0).equals(language)) return slug;
    return slug.isEmpty() ? language : language + "/" + slug;
  }
}
