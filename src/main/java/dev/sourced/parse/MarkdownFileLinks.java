package dev.sourced.parse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Locale;

/**
 * Links written to another Markdown file, as authors write them so that the link also works where
 * the files are read as they are (GitHub, an editor's preview): {@code [x](other.md)}, {@code
 * [x](../sec/page.md#frag)}, {@code [x](/posts/a.md)} (from the top of {@code content/}). The build
 * makes each one a link to that file's page, wherever the page's address comes from (its file name
 * through the address rule, a {@code slug:}, its language), as Hugo's link render hook and Zola's
 * {@code @/} links do; a link to a file that is no page is a {@code broken-link} warning.
 *
 * <p>A link is to a Markdown file when it has no scheme, does not start with {@code //} or {@code
 * #}, and its path (before any {@code ?} or {@code #}) ends with {@code .md} or {@code .markdown}.
 * Percent-escapes in the path are decoded, so {@code My%20Post.md} names {@code My Post.md}.
 */
public final class MarkdownFileLinks {
  private MarkdownFileLinks() {}

  /** Whether a link's destination, as written, names a Markdown file. */
  public static boolean isFileLink(String destination) {
    if (destination == null || destination.isEmpty()) return false;
    if (destination.startsWith("//") || destination.startsWith("#")) return false;
    if (hasScheme(destination)) return false;
    String path = lower(decode(pathOf(destination)));
    return path.endsWith(".md") || path.endsWith(".markdown");
  }

  /**
   * The file a Markdown-file link names, as a site path ({@code content/posts/a.md}), or null when
   * it climbs out of {@code content/}.
   *
   * @param pagePath the linking page's file, {@code content/posts/b.md}
   * @param destination the link as written
   */
  public static String target(String pagePath, String destination) {
    String path = decode(pathOf(destination));
    ArrayDeque<String> segments = new ArrayDeque<>();
    if (!path.startsWith("/")) {
      String folder = pagePath.substring(0, pagePath.lastIndexOf('/') + 1);
      for (String s : folder.split("/")) if (!s.isEmpty()) segments.addLast(s);
    } else {
      segments.addLast("content");
    }
    for (String s : path.split("/")) {
      if (s.isEmpty() || s.equals(".")) continue;
      if (s.equals("..")) {
        if (segments.size() <= 1) return null;
        segments.removeLast();
      } else {
        segments.addLast(s);
      }
    }
    if (segments.isEmpty() || !segments.peekFirst().equals("content")) return null;
    return String.join("/", segments);
  }

  /** The {@code #fragment} of an address (with its {@code #}), or "" when it has none. */
  public static String fragment(String address) {
    int hash = address.indexOf('#');
    return hash < 0 ? "" : address.substring(hash);
  }

  private static String pathOf(String destination) {
    int end = destination.length();
    int q = destination.indexOf('?');
    int h = destination.indexOf('#');
    if (q >= 0) end = Math.min(end, q);
    if (h >= 0) end = Math.min(end, h);
    return destination.substring(0, end);
  }

  private static boolean hasScheme(String s) {
    int colon = s.indexOf(':');
    if (colon <= 0) return false;
    for (int i = 0; i < colon; i++) {
      char c = s.charAt(i);
      boolean ok =
          Character.isLetter(c)
              || (i > 0 && (Character.isDigit(c) || c == '+' || c == '-' || c == '.'));
      if (!ok || c > 127) return false;
    }
    return true;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /** {@code %XX} escapes decoded as UTF-8; a {@code +} stays a plus (it is a path, not a form). */
  private static String decode(String s) {
    if (s.indexOf('%') < 0) return s;
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '%' && i + 2 < bytes.length) {
        int hi = Character.digit(bytes[i + 1], 16);
        int lo = Character.digit(bytes[i + 2], 16);
        if (hi >= 0 && lo >= 0) {
          out.write(hi * 16 + lo);
          i += 2;
          continue;
        }
      }
      out.write(bytes[i]);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
