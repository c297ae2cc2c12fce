package dev.sourced.migrate;

import static dev.sourced.migrate.MigrationReport.at;

import dev.sourced.diag.Code;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything an import will write, worked out before a byte is written: the new {@code
 * sourced.yaml}, every page with its new path and address, and every file copied as it is. The
 * planners of each generator fill it; {@link SiteImporter} writes it. Pages are placed first, so
 * that links between them can be converted to the new addresses.
 */
final class ImportPlan {
  /** A file copied unchanged: its path in the source site and in the new one. */
  record Copy(String source, String target) {}

  final boolean jekyll;
  final Map<String, Object> config = new LinkedHashMap<>();
  final List<SourcePage> pages = new ArrayList<>();
  final List<Copy> copies = new ArrayList<>();
  final ImportTargets targets = new ImportTargets();
  private final Map<String, String> addresses = new HashMap<>();
  private final Map<String, String> targetsTaken = new HashMap<>();

  ImportPlan(boolean jekyll) {
    this.jekyll = jekyll;
  }

  /** Whether {@code address} is still free; if not, reports the clash with the page that has it. */
  boolean claim(String address, String source, MigrationReport report) {
    String owner = addresses.putIfAbsent(address, source);
    if (owner == null) return true;
    report.warning(
        at(source, 1, 1),
        Code.ADDRESS_CLASH,
        "this page and " + owner + " both have the address /" + address + "; this one gets another",
        "give one of them a `slug:` in the imported page");
    return false;
  }

  /** A target path no other file has taken yet, made unique with a number where needed. */
  String uniqueTarget(String target) {
    String t = target;
    int n = 2;
    while (targetsTaken.putIfAbsent(t.toLowerCase(Locale.ROOT), t) != null) {
      int dot = target.lastIndexOf('.');
      int slash = target.lastIndexOf('/');
      t =
          dot > slash
              ? target.substring(0, dot) + "-" + n + target.substring(dot)
              : target + "-" + n;
      n++;
    }
    return t;
  }

  void copy(String source, String target) {
    copies.add(new Copy(source, uniqueTarget(target)));
  }

  static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  static boolean isMarkdown(String name) {
    return switch (extension(name)) {
      case "md", "markdown", "mdown", "mkd", "mkdn" -> true;
      default -> false;
    };
  }

  static String stem(String name) {
    int dot = name.lastIndexOf('.');
    return dot <= 0 ? name : name.substring(0, dot);
  }

  static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace(File.separatorChar, '/');
  }
}
