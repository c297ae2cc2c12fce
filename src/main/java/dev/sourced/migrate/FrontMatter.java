package dev.sourced.migrate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The front-matter of a Hugo or Jekyll file as written, whatever its format: top-level keys in file
 * order, each with its value (strings, numbers and booleans as text; lists; nested maps) and the
 * 1-based line and column of the key, so that the migration report can point at it. The body is the
 * text after the closing delimiter, starting on line {@code bodyLine}.
 */
record FrontMatter(Map<String, Entry> entries, String body, int bodyLine, boolean present) {

  /** A top-level key's value and where the key is written. */
  record Entry(Object value, int line, int column) {}

  static FrontMatter none(String text) {
    return new FrontMatter(new LinkedHashMap<>(), text, 1, false);
  }

  Object value(String key) {
    Entry e = entries.get(key);
    return e == null ? null : e.value();
  }

  /** The first of these keys that is present, or null. */
  String firstKey(String... keys) {
    for (String k : keys) if (entries.containsKey(k)) return k;
    return null;
  }
}
