package dev.sourced.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Refuses output folders that would destroy something: the site folder itself or one of its
 * parents, a folder inside {@code content/} or {@code templates/}, a file, a link, or a non-empty
 * folder that no build of sourced wrote (it has no {@link SiteWriter#MARKER}).
 */
public final class OutputGuard {
  private OutputGuard() {}

  /** Null when {@code output} may be replaced, else the reason it may not. */
  public static String problem(Path siteRoot, Path output) throws IOException {
    Path root = siteRoot.toRealPath();
    Path out = output.toAbsolutePath().normalize();
    Path realParent =
        out.getParent() == null
            ? null
            : Files.isDirectory(out.getParent()) ? out.getParent().toRealPath() : null;
    Path real = realParent == null ? out : realParent.resolve(out.getFileName());
    if (out.getParent() == null) return "the output folder cannot be the file system root";
    if (root.startsWith(real)) {
      return "the output folder " + output + " is the site folder or contains it";
    }
    for (String inside : new String[] {"content", "templates"}) {
      if (real.startsWith(root.resolve(inside))) {
        return "the output folder " + output + " is inside the site's " + inside + "/ folder";
      }
    }
    if (Files.isSymbolicLink(out)) return "the output folder " + output + " is a symbolic link";
    if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
      if (!Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
        return "the output " + output + " is a file, not a folder";
      }
      boolean empty;
      try (var s = Files.list(out)) {
        empty = s.findAny().isEmpty();
      }
      if (!empty && !Files.isRegularFile(out.resolve(SiteWriter.MARKER))) {
        return "the output folder "
            + output
            + " holds files that sourced did not write, and a build replaces it whole";
      }
    }
    return null;
  }
}
