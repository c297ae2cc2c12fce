package dev.sourced.load;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The address rule: how a file name, a folder name, a {@code slug:} or a tag becomes part of a page
 * address. One rule for all of them, so that content from Hugo, Jekyll or a plain folder of
 * Markdown builds without renaming a file, and the address of a page can be told from its name:
 *
 * <ol>
 *   <li>accents are removed ({@code é} becomes {@code e}, {@code ß} becomes {@code ss});
 *   <li>letters are lowercased ({@code Errorf} becomes {@code errorf});
 *   <li>each run of spaces becomes one hyphen ({@code My Post} becomes {@code my-post});
 *   <li>letters {@code a-z}, digits, {@code -}, {@code _} and {@code .} are kept; every other
 *       character (punctuation, symbols, letters with no Latin form) is dropped ({@code What's
 *       new?} becomes {@code whats-new});
 *   <li>repeated hyphens become one, and hyphens and dots at either end are dropped ({@code U.S.}
 *       becomes {@code u.s}: a folder cannot end with a dot on Windows, nor start with one and be
 *       seen).
 * </ol>
 *
 * This is what Hugo does by default (lowercase, spaces to hyphens, underscores and dots kept), so
 * an imported page keeps its address, except that accents go and punctuation Hugo keeps ({@code #},
 * {@code +}, {@code ~}, {@code @}) is dropped: those characters mean something else in a link.
 * Bundle files and {@code static/} files are copied under their own names, not through this rule.
 */
public final class Addresses {
  /** The longest address a page may have, so every output path fits every file system. */
  public static final int MAX_LENGTH = 200;

  /** Names Windows reserves for devices, with or without an extension. */
  private static final Pattern WINDOWS_DEVICE =
      Pattern.compile("con|prn|aux|nul|com[0-9]|lpt[0-9]");

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  private static final Pattern HYPHENS = Pattern.compile("-{2,}");

  private static final Pattern ENDS = Pattern.compile("^[-.]+|[-.]+$");

  private Addresses() {}

  /** One name (a file or folder name without its extension, a tag) as an address segment. */
  public static String segment(String name) {
    // Every file name and tag passes here: a plain ASCII name (most of them) has no accents to
    // take off, and skips the decomposition.
    String s =
        ascii(name)
            ? name
            : MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
    StringBuilder out = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = Character.toLowerCase(s.charAt(i));
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        space = true;
        continue;
      }
      String kept = keep(c);
      if (kept.isEmpty()) continue;
      if (space) out.append('-');
      space = false;
      out.append(kept);
    }
    String joined = HYPHENS.matcher(out).replaceAll("-");
    return ENDS.matcher(joined).replaceAll("");
  }

  private static boolean ascii(String s) {
    for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 0x80) return false;
    return true;
  }

  /**
   * A path of names ({@code Blog/My Post}) as an address ({@code blog/my-post}). A name with
   * nothing left ({@code ..}, {@code ???}) leaves an empty part, which {@link #problem} reports.
   */
  public static String path(String names) {
    StringBuilder out = new StringBuilder();
    String[] parts = names.split("/", -1);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) out.append('/');
      out.append(segment(parts[i]));
    }
    return out.toString();
  }

  /**
   * Why an address made by this rule cannot be used, or null when it can: a segment with nothing
   * left ({@code ???}), a name Windows keeps for a device, or an address too long.
   */
  public static String problem(String address) {
    if (address.length() > MAX_LENGTH) return "it is longer than " + MAX_LENGTH + " characters";
    for (String seg : address.split("/", -1)) {
      if (seg.isEmpty()) return "a part of it has no letters or digits";
      String base = seg.contains(".") ? seg.substring(0, seg.indexOf('.')) : seg;
      if (WINDOWS_DEVICE.matcher(base).matches())
        return "\"" + seg + "\" is a device name on Windows";
    }
    return null;
  }

  private static String keep(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.')
      return String.valueOf(c);
    return switch (c) {
      case 'ß' -> "ss";
      case 'æ' -> "ae";
      case 'œ' -> "oe";
      case 'ø' -> "o";
      case 'ł' -> "l";
      case 'đ', 'ð' -> "d";
      case 'þ' -> "th";
      case 'ı' -> "i";
      default -> "";
    };
  }

  /** The address of a tag: the rule, or (for a tag with no Latin letter or digit) a stable code. */
  public static String tag(String name) {
    String s = segment(name);
    if (s.isEmpty() || problem(s) != null)
      s = "tag-" + Integer.toHexString(name.strip().toLowerCase(Locale.ROOT).hashCode());
    return s;
  }
}
