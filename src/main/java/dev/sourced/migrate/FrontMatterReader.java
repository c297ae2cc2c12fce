package dev.sourced.migrate;

import static dev.sourced.migrate.MigrationReport.at;

import dev.sourced.diag.Code;
import dev.sourced.diag.SourcePosition;
import java.io.StringReader;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the front-matter of a Hugo or Jekyll file in the three forms Hugo accepts: YAML between
 * {@code ---} lines, TOML between {@code +++} lines (tomlj) and a JSON object at the top of the
 * file (read as YAML, of which JSON is a subset). The reading is forgiving, as Hugo and Jekyll are:
 * scalars are kept as their text, and the mapping to sourced's keys decides what each one means.
 * The strict reading is the build's, on the YAML the import writes.
 *
 * <p>A front-matter that cannot be read is reported at its position (converted once, here, from
 * SnakeYAML's 0-based marks and tomlj's positions inside the block) and the file is imported
 * without it.
 */
final class FrontMatterReader {
  private FrontMatterReader() {}

  static FrontMatter read(String path, String text, MigrationReport report) {
    if (fence(text, 0, "---")) return yaml(path, text, "---", report);
    if (fence(text, 0, "+++")) return toml(path, text, report);
    if (text.startsWith("{")) return json(path, text, report);
    return FrontMatter.none(text);
  }

  /** The top-level keys of a whole config file: TOML by its extension, else YAML or JSON. */
  static Map<String, FrontMatter.Entry> config(String path, String text, MigrationReport report) {
    if (!ImportPlan.extension(path).equals("toml")) return yamlEntries(path, text, 0, report, true);
    Map<String, FrontMatter.Entry> out = new LinkedHashMap<>();
    TomlParseResult toml = Toml.parse(text);
    if (toml.hasErrors()) {
      var e = toml.errors().get(0);
      TomlPosition p = e.position();
      report.error(
          at(path, p == null ? 1 : p.line(), p == null ? 1 : p.column()),
          Code.BAD_CONFIG,
          "the config cannot be read (" + e.getMessage() + "); it is not imported",
          "fix the config in the source site, then import again");
      return out;
    }
    tomlEntries(toml, out, 0);
    return out;
  }

  /**
   * Where the block that opened on the first line closes: {start of block, start of body, line}.
   */
  private static int[] closing(String text, String... fences) {
    int pos = text.indexOf('\n');
    if (pos < 0) return null;
    pos++;
    int line = 2;
    while (pos <= text.length()) {
      for (String f : fences) {
        if (fence(text, pos, f)) {
          int end = text.indexOf('\n', pos);
          return new int[] {pos, end < 0 ? text.length() : end + 1, line + 1};
        }
      }
      int nl = text.indexOf('\n', pos);
      if (nl < 0) break;
      pos = nl + 1;
      line++;
    }
    return null;
  }

  private static FrontMatter yaml(String path, String text, String open, MigrationReport report) {
    int[] end = closing(text, open, "...");
    if (end == null) return unterminated(path, text, open, report);
    int start = text.indexOf('\n') + 1;
    String block = text.substring(Math.min(start, end[0]), end[0]);
    Map<String, FrontMatter.Entry> entries = yamlEntries(path, block, 1, report, false);
    return new FrontMatter(entries, text.substring(end[1]), end[2], true);
  }

  /** A JSON object: its end is found by matching braces outside strings. */
  private static FrontMatter json(String path, String text, MigrationReport report) {
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') i++;
        else if (c == '"') inString = false;
      } else if (c == '"') {
        inString = true;
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        String block = text.substring(0, i + 1);
        int bodyStart = i + 1;
        int nl = text.indexOf('\n', bodyStart);
        bodyStart = nl < 0 ? text.length() : nl + 1;
        int bodyLine =
            1 + (int) text.substring(0, bodyStart).chars().filter(ch -> ch == '\n').count();
        return new FrontMatter(
            yamlEntries(path, block, 0, report, false), text.substring(bodyStart), bodyLine, true);
      }
    }
    return unterminated(path, text, "{", report);
  }

  private static FrontMatter unterminated(
      String path, String text, String open, MigrationReport report) {
    report.error(
        at(path, 1, 1),
        Code.UNTERMINATED_FRONT_MATTER,
        "the front-matter opened with " + open + " is never closed; the file is imported as text",
        "close the front-matter in the source site, then import again");
    return FrontMatter.none(text);
  }

  /** Top-level keys of a YAML (or JSON) block whose first line is line {@code lineOffset + 1}. */
  private static Map<String, FrontMatter.Entry> yamlEntries(
      String path, String block, int lineOffset, MigrationReport report, boolean config) {
    Map<String, FrontMatter.Entry> out = new LinkedHashMap<>();
    Node root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(true);
      options.setMaxAliasesForCollections(50);
      root = new Yaml(options).compose(new StringReader(block));
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark();
      unreadable(
          report,
          config,
          at(path, m == null ? 1 : m.getLine() + 1 + lineOffset, m == null ? 1 : m.getColumn() + 1),
          " (" + e.getProblem() + ")");
      return out;
    } catch (RuntimeException e) {
      unreadable(report, config, at(path, 1, 1), "");
      return out;
    }
    if (!(root instanceof MappingNode map)) return out;
    for (NodeTuple t : map.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)) continue;
      Mark m = k.getStartMark();
      out.put(
          k.getValue(),
          new FrontMatter.Entry(
              yamlValue(t.getValueNode()), m.getLine() + 1 + lineOffset, m.getColumn() + 1));
    }
    return out;
  }

  private static void unreadable(
      MigrationReport report, boolean config, SourcePosition at, String why) {
    if (config) {
      report.error(
          at,
          Code.BAD_CONFIG,
          "the config cannot be read" + why + "; it is not imported",
          "fix the config in the source site, then import again");
    } else {
      report.error(
          at,
          Code.BAD_FRONT_MATTER,
          "the front-matter cannot be read" + why + "; the file is imported without it",
          "fix the front-matter in the source site, then import again");
    }
  }

  private static Object yamlValue(Node node) {
    if (node instanceof ScalarNode s) {
      boolean isNull =
          s.getTag().getValue().endsWith(":null")
              || (s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN
                  && (s.getValue().isEmpty()
                      || s.getValue().equals("~")
                      || s.getValue().equals("null")));
      return isNull ? null : s.getValue();
    }
    if (node instanceof SequenceNode seq) {
      List<Object> list = new ArrayList<>();
      for (Node n : seq.getValue()) list.add(yamlValue(n));
      return list;
    }
    if (node instanceof MappingNode map) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (NodeTuple t : map.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k)
          m.put(k.getValue(), yamlValue(t.getValueNode()));
      }
      return m;
    }
    return null;
  }

  private static FrontMatter toml(String path, String text, MigrationReport report) {
    int[] end = closing(text, "+++");
    if (end == null) return unterminated(path, text, "+++", report);
    int start = text.indexOf('\n') + 1;
    String block = text.substring(Math.min(start, end[0]), end[0]);
    String body = text.substring(end[1]);
    TomlParseResult toml = Toml.parse(block);
    Map<String, FrontMatter.Entry> out = new LinkedHashMap<>();
    if (toml.hasErrors()) {
      var e = toml.errors().get(0);
      TomlPosition p = e.position();
      report.error(
          at(path, (p == null ? 1 : p.line()) + 1, p == null ? 1 : p.column()),
          Code.BAD_FRONT_MATTER,
          "the TOML front-matter cannot be read ("
              + e.getMessage()
              + "); the file is imported without it",
          "fix the front-matter in the source site, then import again");
      return new FrontMatter(out, body, end[2], true);
    }
    tomlEntries(toml, out, 1);
    return new FrontMatter(out, body, end[2], true);
  }

  /** A TOML table's keys in the order they are written, with 1-based positions in the file. */
  static void tomlEntries(TomlTable table, Map<String, FrontMatter.Entry> out, int lineOffset) {
    List<String> keys = new ArrayList<>(table.keySet());
    Map<String, TomlPosition> at = new LinkedHashMap<>();
    for (String k : keys) at.put(k, table.inputPositionOf(List.of(k)));
    keys.sort(
        Comparator.comparingInt(
                (String k) -> at.get(k) == null ? Integer.MAX_VALUE : at.get(k).line())
            .thenComparingInt(k -> at.get(k) == null ? 0 : at.get(k).column()));
    for (String k : keys) {
      TomlPosition p = at.get(k);
      out.put(
          k,
          new FrontMatter.Entry(
              tomlValue(table.get(List.of(k))),
              (p == null ? 1 : p.line()) + lineOffset,
              p == null ? 1 : p.column()));
    }
  }

  static Object tomlValue(Object v) {
    if (v instanceof TomlArray a) {
      List<Object> list = new ArrayList<>();
      for (int i = 0; i < a.size(); i++) list.add(tomlValue(a.get(i)));
      return list;
    }
    if (v instanceof TomlTable t) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (String k : t.keySet()) m.put(k, tomlValue(t.get(List.of(k))));
      return m;
    }
    if (v instanceof TemporalAccessor || v instanceof Number || v instanceof Boolean) {
      return v.toString();
    }
    return v;
  }

  static boolean fence(String text, int pos, String fence) {
    if (!text.startsWith(fence, pos)) return false;
    int i = pos + fence.length();
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) i++;
    return i == text.length() || text.charAt(i) == '\n' || text.charAt(i) == '\r';
  }
}
