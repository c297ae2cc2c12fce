package dev.sourced.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The command a user types to run sourced, for the advice the commands print ("next: cd my-site &&
 * sourced serve"): {@code sourced} where a command of that name is on the PATH, otherwise the
 * launcher that started this run (the launchers pass their path in {@code SOURCED_COMMAND}), so
 * that the advice works as printed.
 */
final class Launcher {
  private Launcher() {}

  static String command() {
    return command(System.getenv());
  }

  static String command(Map<String, String> env) {
    String path = env.get("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        if (dir.isEmpty()) continue;
        try {
          Path p = Path.of(dir, "sourced");
          if (Files.isRegularFile(p) && Files.isExecutable(p)) return "sourced";
        } catch (InvalidPathException e) {
          // an entry that is no path cannot hold the command
        }
      }
    }
    String self = env.get("SOURCED_COMMAND");
    if (self != null && !self.isBlank()) return quoted(self);
    return "sourced";
  }

  /** Whether the advice names a launcher by its path because no {@code sourced} is installed. */
  static boolean installed(Map<String, String> env) {
    return command(env).equals("sourced");
  }

  private static String quoted(String path) {
    return path.matches("[A-Za-z0-9_./~+-]+") ? path : "'" + path.replace("'", "'\\''") + "'";
  }
}
