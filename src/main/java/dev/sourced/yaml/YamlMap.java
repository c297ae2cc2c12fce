package dev.sourced.yaml;

import dev.sourced.diag.Code;
import dev.sourced.diag.SourcePosition;
import dev.sourced.diag.Suggestions;
import dev.sourced.model.PartialDate;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping read field by field into typed values, each problem reported at the position of
 * the offending node. Keys must be plain text and unique (duplicates are reported naming both
 * lines). Getters return null (or an empty list) after reporting a problem, so callers go on and
 * the build collects every error of a file.
 *
 * <p>Typing is done here from the raw scalar text: text fields take any scalar as written ({@code
 * NO} stays "NO"), numbers are decimal without leading zeros, dates are strict {@code YYYY-MM-DD},
 * booleans are exactly {@code true} or {@code false}.
 */
public final class YamlMap {
  private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");
  private static final Pattern LEADING_ZERO = Pattern.compile("-?0[0-9]+(\\.[0-9]+)?");
  private static final Pattern STRICT_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final Pattern MONTH = Pattern.compile("([0-9]{4})-([0-9]{2})");
  private static final Pattern YEAR = Pattern.compile("[0-9]{4}");

  /**
   * The day a {@link #STRICT_DATE} text names, read as {@code uuuu-MM-dd} with strict resolving
   * reads it (a day the month lacks is refused), without a formatter's parse of every date.
   */
  static LocalDate day(String v) {
    try {
      return LocalDate.of(
          Integer.parseInt(v, 0, 4, 10),
          Integer.parseInt(v, 5, 7, 10),
          Integer.parseInt(v, 8, 10, 10));
    } catch (DateTimeException e) {
      throw new DateTimeParseException(e.getMessage(), v, 0, e);
    }
  }

  private final YamlContext ctx;
  private final Node node;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

  YamlMap(MappingNode map, YamlContext ctx) {
    this.ctx = ctx;
    this.node = map;
    for (NodeTuple t : map.getValue()) {
      Node k = t.getKeyNode();
      if (!(k instanceof ScalarNode s)) {
        ctx.diagnostics()
            .error(
                ctx.at(k.getStartMark()),
                Code.YAML_KEY,
                "a key must be plain text, not a " + kind(k),
                "write keys as words, e.g. `title:`");
        continue;
      }
      NodeTuple previous = entries.putIfAbsent(s.getValue(), t);
      if (previous != null) {
        ctx.diagnostics()
            .error(
                ctx.at(k.getStartMark()),
                Code.DUPLICATE_KEY,
                "key \""
                    + s.getValue()
                    + "\" is given twice (first at line "
                    + ctx.at(previous.getKeyNode().getStartMark()).line()
                    + ")",
                "remove or rename one of them; YAML would silently keep only the last");
      }
    }
  }

  static YamlMap empty(YamlContext ctx, int lineOffset) {
    return new YamlMap(
        new MappingNode(Tag.MAP, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK), ctx);
  }

  public YamlContext context() {
    return ctx;
  }

  public Collection<String> keys() {
    return entries.keySet();
  }

  public boolean has(String key) {
    return entries.containsKey(key);
  }

  /** The position of this mapping itself. */
  public SourcePosition position() {
    return ctx.at(node.getStartMark());
  }

  /** The position of a key, or of the mapping when the key is absent. */
  public SourcePosition at(String key) {
    NodeTuple t = entries.get(key);
    return t == null ? position() : ctx.at(t.getKeyNode().getStartMark());
  }

  /** The position of a key's value, or of the mapping when the key is absent. */
  public SourcePosition valueAt(String key) {
    NodeTuple t = entries.get(key);
    return t == null ? position() : ctx.at(t.getValueNode().getStartMark());
  }

  public SourcePosition at(Node n) {
    return ctx.at(n.getStartMark());
  }

  /** A key of this mapping and where it is written. */
  public record KeyAt(String key, SourcePosition position) {}

  /** A text item of a list and where it is written. */
  public record ItemAt(String value, SourcePosition position) {}

  /** The keys outside {@code allowed}, with their positions, in the order written. */
  public List<KeyAt> unknownKeys(Collection<String> allowed) {
    List<KeyAt> out = new ArrayList<>();
    for (String k : entries.keySet()) if (!allowed.contains(k)) out.add(new KeyAt(k, at(k)));
    return out;
  }

  /**
   * As {@link #strings}, with each item's own position (a single text is one item, at the value).
   */
  public List<ItemAt> items(String key, String what) {
    Node n = value(key);
    List<ItemAt> out = new ArrayList<>();
    if (n == null || isNull(n)) return out;
    if (n instanceof ScalarNode s) {
      out.add(new ItemAt(s.getValue().strip(), at(n)));
      return out;
    }
    if (!(n instanceof SequenceNode seq)) {
      wrongType(n, key, "a list", "write `" + key + ": [a, b]`");
      return out;
    }
    for (Node item : seq.getValue()) {
      if (item instanceof ScalarNode s && !isNull(s))
        out.add(new ItemAt(s.getValue().strip(), at(item)));
      else wrongType(item, key + "[]", "text", "each item of `" + key + "` is one word or phrase");
    }
    return out;
  }

  /**
   * A page's publication date: {@code YYYY-MM-DD}, or a date and time as Hugo, Jekyll and TOML
   * write them ({@code 2021-03-09T10:00:00+01:00}, {@code 2021-03-09 10:00:00 +0100}), of which the
   * day is kept as written (the time and zone do not move it).
   */
  public LocalDate publicationDate(String key, String what) {
    Node n = value(key);
    if (n == null || isNull(n)) return null;
    if (n instanceof ScalarNode s) {
      Matcher m = DATE_TIME.matcher(s.getValue().strip());
      if (m.matches()) {
        try {
          return day(m.group(1));
        } catch (DateTimeParseException e) {
          // Reported below with the whole value.
        }
      }
    }
    return dateOf(n, key);
  }

  private static final Pattern DATE_TIME =
      Pattern.compile(
          "([0-9]{4}-[0-9]{2}-[0-9]{2})[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?"
              + " ?(Z|[+-][0-9]{2}:?[0-9]{2})?");

  /** Warns about keys outside {@code allowed}, suggesting the nearest one. */
  public void warnUnknownKeys(String what, Collection<String> allowed) {
    for (String k : entries.keySet()) {
      if (!allowed.contains(k)) {
        ctx.diagnostics()
            .warning(
                at(k),
                Code.UNKNOWN_KEY,
                "unknown key \"" + k + "\" in " + what,
                Suggestions.hint(k, allowed, "known keys: " + String.join(", ", allowed)));
      }
    }
  }

  /** The raw node of a key's value, or null. */
  public Node node(String key) {
    return value(key);
  }

  private Node value(String key) {
    NodeTuple t = entries.get(key);
    return t == null ? null : t.getValueNode();
  }

  /** A plain empty, {@code null} or {@code ~}: YAML's null, which optional keys treat as absent. */
  public boolean isNull(Node n) {
    return n instanceof ScalarNode s
        && s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN
        && (s.getValue().isEmpty() || s.getValue().equals("null") || s.getValue().equals("~"));
  }

  private void missing(String key, String what, String example) {
    ctx.diagnostics()
        .error(
            position(),
            Code.MISSING_FIELD,
            what + " needs `" + key + "`",
            "add it, e.g. " + example);
  }

  private void wrongType(Node n, String key, String expected, String example) {
    ctx.diagnostics()
        .error(
            at(n),
            Code.WRONG_TYPE,
            "`" + key + "` must be " + expected + ", not " + describe(n),
            example);
  }

  /** Text as written; null when absent (reported when {@code required}). */
  public String string(String key, boolean required, String what) {
    Node n = value(key);
    if (n == null || isNull(n)) {
      if (required) missing(key, what, "`" + key + ": ...`");
      return null;
    }
    if (!(n instanceof ScalarNode s)) {
      wrongType(n, key, "text", "write it on one line, quoted if it holds `: ` or `#`");
      return null;
    }
    return s.getValue().strip();
  }

  public LocalDate date(String key, boolean required, String what) {
    Node n = value(key);
    if (n == null || isNull(n)) {
      if (required) missing(key, what, "`" + key + ": 2021-03-09`");
      return null;
    }
    return dateOf(n, key);
  }

  public LocalDate dateOf(Node n, String key) {
    if (!(n instanceof ScalarNode s)) {
      wrongType(n, key, "a date", "write dates as YYYY-MM-DD, e.g. 2021-03-09");
      return null;
    }
    try {
      String v = s.getValue().strip();
      if (!STRICT_DATE.matcher(v).matches())
        throw new DateTimeParseException("not YYYY-MM-DD", v, 0);
      return day(v);
    } catch (DateTimeParseException e) {
      ctx.diagnostics()
          .error(
              at(n),
              Code.BAD_DATE,
              "`" + key + "` is not a valid date: \"" + s.getValue() + "\"",
              "write dates as YYYY-MM-DD with a real day, e.g. 2021-03-09");
      return null;
    }
  }

  /**
   * A date that may stop at the month ({@code 2020-07}) or the year ({@code 2020}), for what
   * sources date no more precisely: a source's date, a fact's {@code as_of}, a timeline event.
   */
  public PartialDate partialDate(String key, boolean required, String what) {
    Node n = value(key);
    if (n == null || isNull(n)) {
      if (required) missing(key, what, "`" + key + ": 2021-03-09` (or 2021-03, or 2021)");
      return null;
    }
    return partialDateOf(n, key);
  }

  public PartialDate partialDateOf(Node n, String key) {
    if (!(n instanceof ScalarNode s)) {
      wrongType(n, key, "a date", "write YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2021-03-09 or 2020-07");
      return null;
    }
    String v = s.getValue().strip();
    Matcher month = MONTH.matcher(v);
    if (month.matches()) {
      int m = Integer.parseInt(month.group(2));
      if (m >= 1 && m <= 12) return PartialDate.ofMonth(Integer.parseInt(month.group(1)), m);
    } else if (YEAR.matcher(v).matches()) {
      return PartialDate.ofYear(Integer.parseInt(v));
    } else if (STRICT_DATE.matcher(v).matches()) {
      try {
        return PartialDate.ofDay(day(v));
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    ctx.diagnostics()
        .error(
            at(n),
            Code.BAD_DATE,
            "`" + key + "` is not a valid date: \"" + s.getValue() + "\"",
            "write YYYY-MM-DD with a real day, or YYYY-MM or YYYY when the source gives no day,"
                + " e.g. 2021-03-09 or 2020-07");
    return null;
  }

  public BigDecimal number(String key, boolean required, String what) {
    Node n = value(key);
    if (n == null || isNull(n)) {
      if (required) missing(key, what, "`" + key + ": 70000`");
      return null;
    }
    if (!(n instanceof ScalarNode s) || s.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) {
      wrongType(
          n,
          key,
          "a number",
          "write the bare number, e.g. 70000 or 1.2 (no quotes, no separators)");
      return null;
    }
    String v = s.getValue().strip();
    if (NUMBER.matcher(v).matches()) return new BigDecimal(v);
    if (LEADING_ZERO.matcher(v).matches()) {
      ctx.diagnostics()
          .error(
              at(n),
              Code.WRONG_TYPE,
              "`" + key + "` has a leading zero: " + v,
              "write the number without leading zeros (YAML 1.1 would read 010 as 8)");
      return null;
    }
    wrongType(
        n, key, "a number", "write the bare number, e.g. 70000 or 1.2 (no quotes, no separators)");
    return null;
  }

  public Integer integer(String key, boolean required, String what) {
    BigDecimal d = number(key, required, what);
    if (d == null) return null;
    try {
      return d.intValueExact();
    } catch (ArithmeticException e) {
      wrongType(value(key), key, "a whole number", "e.g. `" + key + ": 0`");
      return null;
    }
  }

  public Boolean bool(String key, String what) {
    Node n = value(key);
    if (n == null || isNull(n)) return null;
    if (n instanceof ScalarNode s && s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN) {
      if (s.getValue().equals("true")) return Boolean.TRUE;
      if (s.getValue().equals("false")) return Boolean.FALSE;
    }
    wrongType(n, key, "true or false", "write `" + key + ": true` or `" + key + ": false`");
    return null;
  }

  /** A list of text items (flow {@code [a, b]} or block); a single text is taken as one item. */
  public List<String> strings(String key, String what) {
    Node n = value(key);
    List<String> out = new ArrayList<>();
    if (n == null || isNull(n)) return out;
    if (n instanceof ScalarNode s) {
      out.add(s.getValue().strip());
      return out;
    }
    if (!(n instanceof SequenceNode seq)) {
      wrongType(n, key, "a list", "write `" + key + ": [a, b]`");
      return out;
    }
    for (Node item : seq.getValue()) {
      if (item instanceof ScalarNode s && !isNull(s)) out.add(s.getValue().strip());
      else wrongType(item, key + "[]", "text", "each item of `" + key + "` is one word or phrase");
    }
    return out;
  }

  /** The nodes of a list value, for lists of mappings; empty when absent. */
  public List<Node> list(String key) {
    Node n = value(key);
    if (n == null || isNull(n)) return List.of();
    if (!(n instanceof SequenceNode seq)) {
      wrongType(n, key, "a list", "write each item on its own `- ` line");
      return List.of();
    }
    return seq.getValue();
  }

  /** A nested mapping; null when absent or not a mapping (the latter reported). */
  public YamlMap map(String key) {
    Node n = value(key);
    if (n == null || isNull(n)) return null;
    return asMap(n, key);
  }

  public YamlMap asMap(Node n, String key) {
    if (n instanceof MappingNode m) return new YamlMap(m, ctx);
    wrongType(n, key, "a mapping of keys to values", "indent its fields under `" + key + ":`");
    return null;
  }

  static String kind(Node n) {
    if (n instanceof MappingNode) return "mapping";
    if (n instanceof SequenceNode) return "list";
    return "text";
  }

  private static String describe(Node n) {
    if (n instanceof ScalarNode s) {
      String v = s.getValue();
      if (v.length() > 40) v = v.substring(0, 37) + "...";
      return "\"" + v + "\"";
    }
    return "a " + kind(n);
  }
}
