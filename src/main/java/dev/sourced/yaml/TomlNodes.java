package dev.sourced.yaml;

import dev.sourced.diag.Code;
import dev.sourced.diag.Diagnostics;
import dev.sourced.diag.SourcePosition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads TOML front-matter (Hugo's {@code +++}) with tomlj into the same node tree that YAML gives,
 * so that {@link YamlMap} types it and reports every problem exactly as it does for YAML. Each
 * node's mark is the position tomlj gives for its key or array item (a key's value is marked where
 * it starts, after the {@code =}). Strings become quoted scalars, so that {@code title = "10"}
 * stays text; numbers, booleans and dates become plain ones, written as YAML would hold them.
 *
 * <p>Syntax errors become {@code toml-syntax} diagnostics at tomlj's position; all of them are
 * reported, since tomlj collects every error of a document.
 */
public final class TomlNodes {
  private TomlNodes() {}

  /**
   * Parses TOML that is a table of keys, the front-matter of {@code path}.
   *
   * @param lineOffset how many lines of the file come before the TOML text
   * @return the table as a mapping, or null after reporting why there is none
   */
  public static YamlMap readMapping(
      String toml, String path, int lineOffset, Diagnostics diagnostics, String what) {
    YamlContext ctx = new YamlContext(path, lineOffset, diagnostics, toml);
    if (toml.codePointCount(0, toml.length()) > SafeYaml.CODE_POINT_LIMIT) {
      diagnostics.error(
          new SourcePosition(path, lineOffset + 1, 1),
          Code.TOML_SYNTAX,
          "the " + what + " is longer than " + SafeYaml.CODE_POINT_LIMIT + " characters",
          "move data to content/_data/");
      return null;
    }
    TomlParseResult result;
    try {
      result = Toml.parse(toml);
    } catch (RuntimeException | StackOverflowError e) {
      diagnostics.error(
          new SourcePosition(path, lineOffset + 1, 1),
          Code.TOML_SYNTAX,
          "the " + what + " cannot be read as TOML",
          "check the TOML syntax");
      return null;
    }
    if (result.hasErrors()) {
      for (TomlParseError e : result.errors()) {
        diagnostics.error(
            ctx.atIndex(new Lines(toml).index(e.position())),
            Code.TOML_SYNTAX,
            "invalid TOML in " + what + ": " + fileLines(e.getMessage(), lineOffset),
            hintFor(e.getMessage()));
      }
      return null;
    }
    return new YamlMap(new TomlNodes.Converter(toml).table(result, 0), ctx);
  }

  /** tomlj's message with its line numbers (of the TOML text) made lines of the file. */
  private static String fileLines(String message, int lineOffset) {
    Matcher m = Pattern.compile("line (\\d+)").matcher(message.replaceAll("\\s+", " "));
    StringBuilder out = new StringBuilder();
    while (m.find())
      m.appendReplacement(out, "line " + (Integer.parseInt(m.group(1)) + lineOffset));
    m.appendTail(out);
    return out.toString().strip();
  }

  private static String hintFor(String message) {
    String m = message.toLowerCase(Locale.ROOT);
    if (m.contains("duplicate") || m.contains("previously defined"))
      return "remove or rename one of the two keys";
    if (m.contains("unexpected")) return "quote text values, e.g. title = \"Sky ECC: a timeline\"";
    return "check quotes, brackets and `key = value` lines around this point";
  }

  /** Line starts of a text, to turn tomlj's line and column into an offset. */
  private static final class Lines {
    private final String text;
    private final int[] starts;

    Lines(String text) {
      this.text = text;
      List<Integer> s = new ArrayList<>();
      s.add(0);
      for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) s.add(i + 1);
      starts = s.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The code-point offset of a 1-based line and column (tomlj counts code points). */
    int index(TomlPosition p) {
      if (p == null) return 0;
      int line = Math.max(1, Math.min(p.line(), starts.length));
      int start = starts[line - 1];
      int cp = text.codePointCount(0, start) + Math.max(0, p.column() - 1);
      return Math.min(cp, text.codePointCount(0, text.length()));
    }
  }

  private static final class Converter {
    private final String text;
    private final Lines lines;

    Converter(String text) {
      this.text = text;
      this.lines = new Lines(text);
    }

    MappingNode table(TomlTable t, int at) {
      List<NodeTuple> tuples = new ArrayList<>();
      for (String key : t.keySet()) {
        List<String> path = List.of(key);
        int keyAt = lines.index(t.inputPositionOf(path));
        Node k = scalar(key, keyAt, DumperOptions.ScalarStyle.DOUBLE_QUOTED);
        tuples.add(new NodeTuple(k, node(t.get(path), valueStart(keyAt))));
      }
      return new MappingNode(
          Tag.MAP, true, tuples, mark(at), mark(at), DumperOptions.FlowStyle.BLOCK);
    }

    /** Where a key's value starts: after the {@code =} that follows the key on its line. */
    private int valueStart(int keyAt) {
      int chars =
          text.offsetByCodePoints(0, Math.min(keyAt, text.codePointCount(0, text.length())));
      int eq = text.indexOf('=', chars);
      int nl = text.indexOf('\n', chars);
      if (eq < 0 || (nl >= 0 && eq > nl)) return keyAt;
      int i = eq + 1;
      while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) i++;
      return text.codePointCount(0, i);
    }

    private Node node(Object v, int at) {
      if (v instanceof TomlTable t) return table(t, at);
      if (v instanceof TomlArray a) {
        List<Node> items = new ArrayList<>();
        for (int i = 0; i < a.size(); i++)
          items.add(node(a.get(i), lines.index(a.inputPositionOf(i))));
        return new SequenceNode(
            Tag.SEQ, true, items, mark(at), mark(at), DumperOptions.FlowStyle.FLOW);
      }
      if (v instanceof String s) return scalar(s, at, DumperOptions.ScalarStyle.DOUBLE_QUOTED);
      if (v instanceof Double d) {
        String plain =
            d.isNaN() || d.isInfinite() ? d.toString() : BigDecimal.valueOf(d).toPlainString();
        return scalar(plain, at, DumperOptions.ScalarStyle.PLAIN);
      }
      return scalar(String.valueOf(v), at, DumperOptions.ScalarStyle.PLAIN);
    }

    private Node scalar(String value, int at, DumperOptions.ScalarStyle style) {
      return new ScalarNode(Tag.STR, true, value, mark(at), mark(at), style);
    }

    private static Mark mark(int index) {
      return new Mark("toml", index, 0, 0, new int[0], 0);
    }
  }
}
