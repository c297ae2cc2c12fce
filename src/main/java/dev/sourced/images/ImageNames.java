package dev.sourced.images;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Which image addresses in a body name a file of the article's own bundle, and which bundle files
 * the build publishes as images (resized, stripped of metadata): JPEG and PNG, by their names.
 */
public final class ImageNames {
  private ImageNames() {}

  /**
   * The bundle-relative name an image address names ({@code photo.jpg}, {@code ./photos/a%20b.png}
   * give {@code photo.jpg}, {@code photos/a b.png}), or null for an address elsewhere: with a
   * scheme, site-absolute, going up a folder, with a query or fragment.
   */
  public static String local(String destination) {
    if (destination == null || destination.isEmpty()) return null;
    String d = destination;
    if (d.startsWith("/") || d.contains("?") || d.contains("#") || d.contains("\\")) return null;
    int colon = d.indexOf(':');
    int slash = d.indexOf('/');
    if (colon >= 0 && (slash < 0 || colon < slash)) return null;
    try {
      d = URLDecoder.decode(d.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    while (d.startsWith("./")) d = d.substring(2);
    if (d.isEmpty()) return null;
    for (String seg : d.split("/", -1)) {
      if (seg.isEmpty() || seg.equals(".") || seg.equals("..")) return null;
    }
    return d;
  }

  /** A bundle-relative name as a relative address, each segment percent-encoded. */
  public static String href(String name) {
    try {
      return new URI(null, null, name, null).getRawPath();
    } catch (URISyntaxException e) {
      return name;
    }
  }

  /** Whether the build publishes a file of this name as an image (JPEG or PNG). */
  public static boolean processed(String name) {
    return format(name) != null;
  }

  /** "jpeg" or "png" by the name's extension, else null. */
  public static String format(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".jpg") || n.endsWith(".jpeg")) return "jpeg";
    if (n.endsWith(".png")) return "png";
    return null;
  }
}
