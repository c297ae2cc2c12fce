package dev.sourced.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The default theme inside the jar: templates and assets under {@code /theme/}, listed one per line
 * in {@code /theme/theme.list} (class paths cannot be listed portably).
 */
public final class Theme {
  private Theme() {}

  /** The theme's files, relative to the theme folder, e.g. {@code article.ftlh}. */
  public static List<String> files() {
    return lines(read("theme.list"));
  }

  public static byte[] read(String name) {
    return resource("/theme/" + name);
  }

  public static List<String> lines(byte[] list) {
    return new String(list, StandardCharsets.UTF_8)
        .lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .toList();
  }

  public static byte[] resource(String name) {
    try (InputStream in = Theme.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("missing resource " + name);
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
