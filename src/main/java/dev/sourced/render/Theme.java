package dev.sourced.render;

import dev.sourced.resolve.OutputKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The default theme inside the jar, under {@code /theme/}: one template per kind of page the build
 * writes ({@link OutputKind#templates()}, so a new kind of page cannot be left out of the theme),
 * and the layouts and assets listed one per line in {@code /theme/theme.list} (class paths cannot
 * be listed portably). A test checks that the two lists together are the theme folder.
 */
public final class Theme {
  private Theme() {}

  /** The theme's files, relative to the theme folder, e.g. {@code article.ftlh}. */
  public static List<String> files() {
    List<String> files = new ArrayList<>(OutputKind.templates());
    files.addAll(lines(read("theme.list")));
    return List.copyOf(files);
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
