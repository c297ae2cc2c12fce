package dev.sourced.render;

import dev.sourced.config.SiteConfig;
import dev.sourced.hash.Hashes;
import dev.sourced.resolve.OutputKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The theme's static files: the default theme's (see {@link Theme}) overlaid by the site's {@code
 * templates/assets/}, file by file. Each is written under {@code assets/} with a content hash in
 * its name ({@code style.3f2a9c1b.css}) so it can be cached forever; templates find the hashed
 * address by the plain name: {@code ${assets["style.css"]}}.
 */
final class Assets {
  private final Map<String, byte[]> files = new TreeMap<>();
  private final Map<String, String> urls = new TreeMap<>();
  private final Map<String, String> outputPaths = new TreeMap<>();

  static Assets load(Path siteTemplates, SiteConfig config) {
    Assets a = new Assets();
    for (String name : Theme.files()) {
      if (name.startsWith("assets/")) {
        a.files.put(name.substring("assets/".length()), Theme.read(name));
      }
    }
    if (siteTemplates != null) {
      Path dir = siteTemplates.resolve("assets");
      if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        try (var walk = Files.walk(dir)) {
          for (Path p :
              walk.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).toList()) {
            String rel = dir.relativize(p).toString().replace('\\', '/');
            if (rel.startsWith(".") || rel.contains("/.")) continue;
            a.files.put(rel, Files.readAllBytes(p));
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    for (var e : a.files.entrySet()) {
      String hashed = "assets/" + hashedName(e.getKey(), e.getValue());
      a.outputPaths.put(e.getKey(), hashed);
      a.urls.put(e.getKey(), config.url(hashed));
    }
    return a;
  }

  /**
   * The site's icon, {@code favicon.ico}: the site's {@code templates/favicon.ico} when it has one,
   * else the theme's. (A {@code static/favicon.ico} is copied instead, and this one not written.)
   */
  static byte[] favicon(Path siteTemplates) {
    String name = OutputKind.FAVICON.path(null);
    if (siteTemplates != null) {
      Path own = siteTemplates.resolve(name);
      if (Files.isRegularFile(own, LinkOption.NOFOLLOW_LINKS)) {
        try {
          return Files.readAllBytes(own);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return Theme.read(name);
  }

  /** Plain name to site-absolute hashed address, for templates. */
  Map<String, String> urls() {
    return urls;
  }

  List<RenderedPage> pages() {
    List<RenderedPage> out = new ArrayList<>();
    for (var e : files.entrySet())
      out.add(new RenderedPage(outputPaths.get(e.getKey()), e.getValue()));
    return out;
  }

  static String hashedName(String name, byte[] bytes) {
    String hash = HexFormat.of().formatHex(Hashes.sha256().digest(bytes), 0, 4);
    int slash = name.lastIndexOf('/');
    int dot = name.lastIndexOf('.');
    if (dot <= slash + 1) return name + "." + hash;
    return name.substring(0, dot) + "." + hash + name.substring(dot);
  }
}
