package dev.sourced.migrate;

import java.util.List;
import java.util.Map;

/**
 * Writes the front-matter and config of an imported site as YAML that the build's strict reader
 * takes as meant: every text double-quoted (so that "NO", "1.10" or "a: b" stay text), dates and
 * booleans bare, lists in flow style. Keys come out in the order given, so the output is the same
 * on every run.
 */
final class YamlWriter {
  private YamlWriter() {}

  /** A bare value: written as it is (dates, booleans, numbers already checked). */
  record Bare(String text) {}

  static String mapping(Map<String, Object> map) {
    StringBuilder out = new StringBuilder();
    for (var e : map.entrySet()) {
      out.append(e.getKey()).append(": ");
      value(e.getValue(), out);
      out.append('\n');
    }
    return out.toString();
  }

  private static void value(Object v, StringBuilder out) {
    if (v instanceof Bare b) {
      out.append(b.text());
    } else if (v instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) out.append(", ");
        value(list.get(i), out);
      }
      out.append(']');
    } else {
      quoted(String.valueOf(v), out);
    }
  }

  static void quoted(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || c == '\u0085') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
