package dev.sourced.pipeline;

import dev.sourced.render.Theme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a new site that builds as it is: {@code sourced.yaml}, an example article showing every
 * feature, shared sources in {@code content/_data/}, and a copy of the default theme in {@code
 * templates/} to change at will. Refuses a folder that already has files in it.
 */
public final class SiteScaffold {
  private SiteScaffold() {}

  /** The files written, relative to {@code dir}. */
  public static List<String> create(Path dir) throws IOException {
    if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        throw new IOException(dir + " exists and is not a folder");
      }
      try (var s = Files.list(dir)) {
        if (s.findAny().isPresent()) {
          throw new IOException(dir + " is not empty; choose a new folder for the site");
        }
      }
    }
    List<String> scaffold = Theme.lines(Theme.resource("/scaffold/scaffold.list"));
    List<String> written = new java.util.ArrayList<>();
    for (String name : scaffold) {
      write(dir.resolve(name), Theme.resource("/scaffold/" + name));
      written.add(name);
    }
    for (String name : Theme.files()) {
      if (name.equals("theme.list")) continue;
      write(dir.resolve("templates").resolve(name), Theme.read(name));
      written.add("templates/" + name);
    }
    return written;
  }

  private static void write(Path target, byte[] bytes) throws IOException {
    Files.createDirectories(target.getParent());
    Files.write(target, bytes);
  }
}
