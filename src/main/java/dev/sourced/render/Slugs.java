package dev.sourced.render;

import java.text.Normalizer;
import java.util.Locale;

/** Address-safe forms of names (tags): lowercase ASCII letters, digits and hyphens. */
final class Slugs {
  private Slugs() {}

  static String of(String name) {
    String s =
        Normalizer.normalize(name, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("(^-+|-+$)", "");
    if (s.isEmpty()) s = "tag-" + Integer.toHexString(name.hashCode());
    return s;
  }
}
