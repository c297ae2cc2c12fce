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
    int dot = defaultSlug.lastIndexOf('.');
    int slash = defaultSlug.lastIndexOf('/');
    int ext = path.lastIndexOf('.');
    if (dot > slash + 1 && ext > 0) {
      String suffix = defaultSlug.substring(dot + 1);
      String stem = path.substring(0, ext);
      if (languages.contains(suffix) && stem.toLowerCase(Locale.ROOT).endsWith("." + suffix)) {
        String key = stem.substring(0, stem.length() - suffix.length() - 1) + path.substring(ext);
        return new PageLanguage(suffix, defaultSlug.substring(0, dot), key);
      }
    }
    // A bundle's or section's page (index.nl.md, _index.nl.md) takes its folder's address, which
    // the loader gave without the file name: the language is in the file name only.
    int nameStart = path.lastIndexOf('/') + 1;
    int nameDot = path.indexOf('.', nameStart);
    if (ext > nameDot && nameDot > nameStart) {
      String base = path.substring(nameStart, nameDot);
      String suffix = path.substring(nameDot + 1, ext);
      if ((base.equals("index") || base.equals("_index")) && languages.contains(suffix)) {
        return new PageLanguage(
            suffix, defaultSlug, path.substring(0, nameDot) + path.substring(ext));
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
