package dev.sourced.resolve;

import dev.sourced.diag.Code;
import dev.sourced.diag.Diagnostics;
import dev.sourced.parse.ParsedPage;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.regex.Pattern;

/**
 * The old addresses of pages ({@code aliases:}), each written as a small redirect page, so that a
 * renamed or moved page keeps its old links working. An alias is an address of this site, written
 * from its root ({@code /old/path/}, the leading slash optional), kept as written (an old address
 * is what it was, capitals included): one that ends with {@code /} or has no extension becomes
 * {@code old/path/index.html}, one that ends with {@code .html} is that file. Checked here: an
 * alias must be such an address, may not be a page's own address or another page's alias, nor an
 * address the build writes itself.
 */
public final class Aliases {
  private Aliases() {}

  /** Characters an alias may hold: what an address path holds without escaping. */
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._~!$&'()*+,;=:@%/-]+");

  private static final Pattern LEADING_SLASHES = Pattern.compile("^/+");

  private static final Pattern HTML_FILE = Pattern.compile(".*\\.html?");

  /** The output file of an alias, or null when it is not an address of this site. */
  public static String output(String alias) {
    String a = alias.strip();
    if (a.startsWith("//") || a.contains("://") || a.contains("\\") || !SAFE.matcher(a).matches())
      return null;
    a = LEADING_SLASHES.matcher(a).replaceAll("");
    if (a.isEmpty()) return null;
    for (String seg : a.split("/")) {
      if (seg.equals("..") || seg.equals(".") || seg.startsWith(".")) return null;
    }
    if (a.endsWith("/")) return a + "index.html";
    String last = a.substring(a.lastIndexOf('/') + 1);
    if (HTML_FILE.matcher(last.toLowerCase(Locale.ROOT)).matches()) return a;
    return a + "/index.html";
  }

  /**
   * Checks every alias of the published pages, claiming its output file through {@code claim}
   * (which answers the owner a path already has, or null).
   */
  static void check(List<ParsedPage> pages, BinaryOperator<String> claim, Diagnostics diagnostics) {
    Map<String, String> aliasOwners = new HashMap<>();
    for (ParsedPage p : pages) {
      for (ParsedPage.Alias a : p.aliases()) {
        String out = output(a.path());
        if (out == null) {
          diagnostics.error(
              a.position(),
              Code.BAD_ALIAS,
              "alias \"" + a.path() + "\" is not an address of this site",
              "write an old address from the site's root, e.g. /2019/old-name/ (no http://, no ..)");
          continue;
        }
        String first = out.split("/", 2)[0].toLowerCase(Locale.ROOT);
        if (OutputKind.reservedSegments().contains(first) || out.equals("index.html")) {
          diagnostics.error(
              a.position(),
              Code.ALIAS_CLASH,
              "alias \"" + a.path() + "\" is an address the build writes itself",
              "remove this alias");
          continue;
        }
        String key = out.toLowerCase(Locale.ROOT);
        String other = claim.apply(out, p.path());
        if (other == null) {
          aliasOwners.put(key, p.path());
        } else if (aliasOwners.containsKey(key)) {
          diagnostics.error(
              a.position(),
              Code.DUPLICATE_ALIAS,
              other.equals(p.path())
                  ? "alias \"" + a.path() + "\" is given twice"
                  : "this page and " + other + " both claim the alias \"" + a.path() + "\"",
              "keep the alias on the page its old links should lead to, and remove the other");
        } else {
          diagnostics.error(
              a.position(),
              Code.ALIAS_CLASH,
              "alias \"" + a.path() + "\" is the address of " + other,
              "remove this alias, or give " + other + " another address");
        }
      }
    }
  }
}
