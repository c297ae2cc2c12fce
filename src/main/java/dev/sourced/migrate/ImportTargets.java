package dev.sourced.migrate;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Where every page and file of the source site ends up, so that links written the old way ({@code
 * ref "posts/a.md"}, {@code link _posts/2021-03-09-a.md}, {@code post_url 2021-03-09-a}) become
 * links to the new addresses. Pages are looked up as their generator looks them up: Hugo's {@code
 * ref} relative to the page's folder, then to {@code content/}, then by file name where that is
 * unique; Jekyll's {@code link} by its path from the site's root.
 */
final class ImportTargets {
  /** Content-relative path of a Hugo page (or the site-relative path of a Jekyll one). */
  private final Map<String, String> pages = new HashMap<>();

  private final Map<String, String> byName = new HashMap<>();
  private final Map<String, String> files = new HashMap<>();
  private final Map<String, String> posts = new HashMap<>();

  /** Each page's new file ({@code content/posts/a.md}) by its file in the source site. */
  private final Map<String, String> newFiles = new HashMap<>();

  private static final String AMBIGUOUS = "\u0000";

  /** Hugo's content folder, which page paths in {@link #page} are relative to. */
  private String contentDir = "";

  void contentDir(String dir) {
    contentDir = dir;
  }

  void page(String path, String address) {
    pages.put(path, address);
    String name = path.substring(path.lastIndexOf('/') + 1);
    if (name.equals("index.md") || name.equals("_index.md")) {
      String folder = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
      pages.put(folder, address);
      name = folder.substring(folder.lastIndexOf('/') + 1);
    }
    if (name.isEmpty()) return;
    String stem = stem(name);
    byName.merge(stem, address, (a, b) -> a.equals(b) ? a : AMBIGUOUS);
  }

  void file(String path, String sitePath) {
    files.put(path, sitePath);
  }

  /** Where the page in the source site's file {@code source} is written in the new site. */
  void newFile(String source, String target) {
    newFiles.put(source, target);
  }

  /**
   * The new file of the page in {@code path}, relative to the source site's root, or to Hugo's
   * content folder when the link was written from the top ({@code /posts/a.md}); null if none.
   */
  String newFile(String path, boolean fromTop) {
    return newFiles.get(fromTop && !contentDir.isEmpty() ? contentDir + "/" + path : path);
  }

  /** A Jekyll post by its name without extension ({@code 2021-03-09-a}, {@code news/2021-...}). */
  void post(String name, String address) {
    posts.put(name, address);
  }

  /** The address of the page a Hugo {@code ref} names from a page in {@code folder}, or null. */
  String hugoRef(String sourceFolder, String ref) {
    String folder =
        sourceFolder.equals(contentDir)
            ? ""
            : sourceFolder.startsWith(contentDir + "/")
                ? sourceFolder.substring(contentDir.length() + 1)
                : sourceFolder;
    String path = ref;
    if (path.startsWith("/")) {
      String found = lookup(normalise(path.substring(1)));
      if (found != null) return found;
    } else {
      String found = lookup(normalise(folder.isEmpty() ? path : folder + "/" + path));
      if (found == null) found = lookup(normalise(path));
      if (found != null) return found;
    }
    String name = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    String address = byName.get(stem(name.substring(name.lastIndexOf('/') + 1)));
    return address == null || address.equals(AMBIGUOUS) ? null : address;
  }

  /** The site path of a page or file that Jekyll's {@code link} names, or null. */
  String jekyllLink(String path) {
    String p = normalise(path.startsWith("/") ? path.substring(1) : path);
    if (p == null) return null;
    String page = pages.get(p);
    return page != null ? page : files.get(p);
  }

  String postUrl(String name) {
    return posts.get(name.strip());
  }

  private String lookup(String path) {
    if (path == null) return null;
    String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    for (String c :
        new String[] {p, p + ".md", p + ".markdown", p + "/index.md", p + "/_index.md"}) {
      String found = pages.get(c);
      if (found != null) return found;
    }
    return null;
  }

  private static String stem(String name) {
    for (String ext : new String[] {".markdown", ".md"}) {
      if (name.endsWith(ext)) return name.substring(0, name.length() - ext.length());
    }
    return name;
  }

  /** A path with {@code .} and {@code ..} parts worked out; null if it climbs above the root. */
  static String normalise(String path) {
    ArrayDeque<String> parts = new ArrayDeque<>();
    for (String s : path.split("/")) {
      if (s.isEmpty() || s.equals(".")) continue;
      if (s.equals("..")) {
        if (parts.isEmpty()) return null;
        parts.removeLast();
      } else {
        parts.addLast(s);
      }
    }
    return String.join("/", parts);
  }
}
