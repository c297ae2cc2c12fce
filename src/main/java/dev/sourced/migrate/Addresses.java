package dev.sourced.migrate;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The address rule of an import, as Hugo applies it by default: each part of a path lowercased,
 * accents dropped, every run of other characters (spaces, punctuation) made one hyphen, and no part
 * starting with a hyphen, dot or underscore. The import renames files by this rule, so that the
 * written site has the addresses the old one had and builds under any address rule.
 */
final class Addresses {
  private Addresses() {}

  private static final Pattern OTHER = Pattern.compile("[^a-z0-9._-]+");
  private static final Pattern DEVICE =
      Pattern.compile("(con|prn|aux|nul|com[0-9]|lpt[0-9])", Pattern.CASE_INSENSITIVE);

  /** One file or folder name (without extension) as an address part. */
  static String part(String name) {
    String s =
        Normalizer.normalize(name, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT);
    s = OTHER.matcher(s).replaceAll("-");
    s = s.replaceAll("-{2,}", "-").replaceAll("\\.{2,}", ".");
    s = s.replaceAll("^[-._]+", "").replaceAll("[-._]+$", "");
    if (s.isEmpty()) s = "page";
    String base = s.contains(".") ? s.substring(0, s.indexOf('.')) : s;
    if (DEVICE.matcher(base).matches()) s = s + "-page";
    return s;
  }

  /** A path of parts separated by {@code /}, each made an address part; empty parts dropped. */
  static String path(String path) {
    StringBuilder out = new StringBuilder();
    for (String p : path.split("/")) {
      if (p.isEmpty()) continue;
      if (out.length() > 0) out.append('/');
      out.append(part(p));
    }
    return out.toString();
  }

  /**
   * A relative link from the page at address {@code from} ("a/b/" or "" for the home page) to the
   * site path {@code to} ("c/d/", "img/x.png"), so that it works under any base path.
   */
  static String relative(String from, String to) {
    String[] a = from.isEmpty() ? new String[0] : from.split("/");
    String[] b = to.isEmpty() ? new String[0] : to.split("/", -1);
    int common = 0;
    while (common < a.length && common < b.length - 1 && a[common].equals(b[common])) common++;
    StringBuilder out = new StringBuilder();
    for (int i = common; i < a.length; i++) out.append("../");
    for (int i = common; i < b.length; i++) {
      out.append(b[i]);
      if (i < b.length - 1) out.append('/');
    }
    String s = out.toString();
    return s.isEmpty() ? "./" : s;
  }
}
