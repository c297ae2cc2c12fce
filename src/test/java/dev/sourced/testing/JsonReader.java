package dev.sourced.testing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON parser for tests (RFC 8259: no trailing commas, no comments, no single quotes,
 * nothing after the value), so that "valid JSON" is actually checked. Objects become LinkedHashMap,
 * arrays List, numbers BigDecimal, plus String, Boolean and null.
 */
public final class JsonReader {
  private final String s;
  private int i;

  private JsonReader(String s) {
    this.s = s;
  }

  public static Object parse(String text) {
    JsonReader r = new JsonReader(text);
    r.ws();
    Object v = r.value();
    r.ws();
    if (r.i != text.length()) throw r.fail("text after the JSON value");
    return v;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> object(String text) {
    Object v = parse(text);
    if (!(v instanceof Map)) throw new IllegalArgumentException("not a JSON object: " + text);
    return (Map<String, Object>) v;
  }

  /** Follows a path of keys and list indexes, e.g. {@code at(json, "facts", 0, "id")}. */
  @SuppressWarnings("unchecked")
  public static Object at(Object json, Object... path) {
    Object v = json;
    for (Object step : path) {
      if (step instanceof Integer n) v = ((List<Object>) v).get(n);
      else v = ((Map<String, Object>) v).get((String) step);
    }
    return v;
  }

  /** The list at {@code path}. */
  @SuppressWarnings("unchecked")
  public static List<Object> list(Object json, Object... path) {
    return (List<Object>) at(json, path);
  }

  /** The value of {@code key} in each object of the list at {@code path}. */
  public static List<Object> pluck(Object json, String key, Object... path) {
    List<Object> out = new ArrayList<>();
    for (Object o : list(json, path)) out.add(((Map<?, ?>) o).get(key));
    return out;
  }

  private IllegalArgumentException fail(String why) {
    return new IllegalArgumentException("invalid JSON at offset " + i + ": " + why);
  }

  private void ws() {
    while (i < s.length() && " \t\n\r".indexOf(s.charAt(i)) >= 0) i++;
  }

  private Object value() {
    if (i >= s.length()) throw fail("unexpected end");
    char c = s.charAt(i);
    if (c == '{') return obj();
    if (c == '[') return arr();
    if (c == '"') return str();
    if (s.startsWith("true", i)) return lit("true", Boolean.TRUE);
    if (s.startsWith("false", i)) return lit("false", Boolean.FALSE);
    if (s.startsWith("null", i)) return lit("null", null);
    if (c == '-' || (c >= '0' && c <= '9')) return num();
    throw fail("unexpected '" + c + "'");
  }

  private Object lit(String word, Object v) {
    i += word.length();
    return v;
  }

  private Map<String, Object> obj() {
    Map<String, Object> m = new LinkedHashMap<>();
    i++;
    ws();
    if (peek() == '}') {
      i++;
      return m;
    }
    while (true) {
      ws();
      if (peek() != '"') throw fail("expected a key");
      String k = str();
      if (m.containsKey(k)) throw fail("duplicate key " + k);
      ws();
      expect(':');
      ws();
      m.put(k, value());
      ws();
      if (peek() == ',') {
        i++;
        continue;
      }
      expect('}');
      return m;
    }
  }

  private List<Object> arr() {
    List<Object> l = new ArrayList<>();
    i++;
    ws();
    if (peek() == ']') {
      i++;
      return l;
    }
    while (true) {
      ws();
      l.add(value());
      ws();
      if (peek() == ',') {
        i++;
        continue;
      }
      expect(']');
      return l;
    }
  }

  private String str() {
    expect('"');
    StringBuilder b = new StringBuilder();
    while (true) {
      if (i >= s.length()) throw fail("unterminated string");
      char c = s.charAt(i++);
      if (c == '"') return b.toString();
      if (c < 0x20) throw fail("control character in string");
      if (c != '\\') {
        b.append(c);
        continue;
      }
      char e = s.charAt(i++);
      switch (e) {
        case '"', '\\', '/' -> b.append(e);
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'u' -> {
          b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
          i += 4;
        }
        default -> throw fail("bad escape \\" + e);
      }
    }
  }

  private BigDecimal num() {
    int start = i;
    if (peek() == '-') i++;
    if (peek() == '0') i++;
    else if (Character.isDigit(peek())) while (Character.isDigit(peek())) i++;
    else throw fail("bad number");
    if (peek() == '.') {
      i++;
      if (!Character.isDigit(peek())) throw fail("bad fraction");
      while (Character.isDigit(peek())) i++;
    }
    if (peek() == 'e' || peek() == 'E') {
      i++;
      if (peek() == '+' || peek() == '-') i++;
      if (!Character.isDigit(peek())) throw fail("bad exponent");
      while (Character.isDigit(peek())) i++;
    }
    return new BigDecimal(s.substring(start, i));
  }

  private char peek() {
    return i < s.length() ? s.charAt(i) : '\0';
  }

  private void expect(char c) {
    if (peek() != c) throw fail("expected '" + c + "'");
    i++;
  }
}
