package dev.sourced.facts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A small JSON writer for the build's own output (ClaimReview and Article JSON-LD, the open-data
 * exports). Values are String, Number, Boolean, null, List and Map (keys in the map's order).
 * Strings escape {@code <}, {@code >} and {@code &} so that JSON can sit inside a script element
 * and no text can close it. Output is compact unless {@code pretty}.
 */
public final class Json {
  private Json() {}

  public static String write(Object value, boolean pretty) {
    StringBuilder out = new StringBuilder(256);
    write(value, out, pretty ? 0 : -1);
    if (pretty) out.append('\n');
    return out.toString();
  }

  /**
   * Writes as {@link #write(Object, boolean)} returns it, into {@code out} as it goes: a large
   * export is never one string in memory.
   */
  public static void write(Object value, boolean pretty, Writer out) throws IOException {
    StringBuilder buf = new StringBuilder(1 << 16);
    try {
      write(value, buf, pretty ? 0 : -1, out);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    if (pretty) buf.append('\n');
    out.append(buf);
  }

  private static void write(Object v, StringBuilder out, int indent) {
    write(v, out, indent, null);
  }

  /** Hands what is buffered to {@code sink} once there is enough of it. */
  private static void drain(StringBuilder out, Writer sink) {
    if (sink == null || out.length() < (1 << 15)) return;
    try {
      sink.append(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.setLength(0);
  }

  private static void write(Object v, StringBuilder out, int indent, Writer sink) {
    if (v == null) {
      out.append("null");
    } else if (v instanceof String s) {
      string(s, out);
    } else if (v instanceof Number || v instanceof Boolean) {
      out.append(v instanceof BigDecimal d ? d.toPlainString() : v.toString());
    } else if (v instanceof Map<?, ?> m) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) out.append(',');
        first = false;
        newline(out, indent < 0 ? -1 : indent + 1);
        string(String.valueOf(e.getKey()), out);
        out.append(indent >= 0 ? ": " : ":");
        write(e.getValue(), out, indent < 0 ? -1 : indent + 1, sink);
      }
      if (!m.isEmpty()) newline(out, indent);
      out.append('}');
    } else if (v instanceof List<?> l) {
      out.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) out.append(',');
        newline(out, indent < 0 ? -1 : indent + 1);
        write(l.get(i), out, indent < 0 ? -1 : indent + 1, sink);
        drain(out, sink);
      }
      if (!l.isEmpty()) newline(out, indent);
      out.append(']');
    } else {
      string(v.toString(), out);
    }
  }

  /** In pretty mode, a line break and indentation; compact mode passes a negative indent. */
  private static void newline(StringBuilder out, int indent) {
    if (indent < 0) return;
    out.append('\n');
    out.append("  ".repeat(indent));
  }

  public static void string(String s, StringBuilder j) {
    j.append('"');
    char[] a = s.toCharArray();
    int from = 0;
    for (int i = 0; i < a.length; i++) {
      char c = a[i];
      if (c >= 0x20
          && c != '"'
          && c != '\\'
          && c != '<'
          && c != '>'
          && c != '&'
          && c != '\u2028'
          && c != '\u2029') {
        continue;
      }
      j.append(a, from, i - from);
      from = i + 1;
      switch (c) {
        case '"' -> j.append("\\\"");
        case '\\' -> j.append("\\\\");
        case '\n' -> j.append("\\n");
        case '\r' -> j.append("\\r");
        case '\t' -> j.append("\\t");
        case '<' -> j.append("\\u003c");
        case '>' -> j.append("\\u003e");
        case '&' -> j.append("\\u0026");
        default -> j.append(String.format("\\u%04x", (int) c));
      }
    }
    j.append(a, from, a.length - from);
    j.append('"');
  }
}
