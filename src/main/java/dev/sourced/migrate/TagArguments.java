package dev.sourced.migrate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of a Hugo shortcode or a Liquid tag: words separated by spaces, each bare, in
 * double quotes (with backslash escapes), single quotes or backticks (raw), and {@code name=value}
 * pairs. The first word is the tag's name.
 */
record TagArguments(String name, List<String> positional, Map<String, String> named) {

  String get(String key, int position) {
    String v = named.get(key);
    if (v != null) return v;
    return position < positional.size() ? positional.get(position) : null;
  }

  static TagArguments parse(String inner) {
    List<String> words = new ArrayList<>();
    Map<String, String> named = new LinkedHashMap<>();
    int i = 0;
    int n = inner.length();
    while (i < n) {
      while (i < n && Character.isWhitespace(inner.charAt(i))) i++;
      if (i >= n) break;
      StringBuilder key = null;
      StringBuilder word = new StringBuilder();
      while (i < n && !Character.isWhitespace(inner.charAt(i))) {
        char c = inner.charAt(i);
        if (c == '"' || c == '\'' || c == '`') {
          i++;
          while (i < n && inner.charAt(i) != c) {
            if (c == '"' && inner.charAt(i) == '\\' && i + 1 < n) i++;
            word.append(inner.charAt(i++));
          }
          i++;
        } else if (c == '=' && key == null && !word.isEmpty()) {
          key = word;
          word = new StringBuilder();
          i++;
        } else {
          word.append(c);
          i++;
        }
      }
      if (key != null) named.put(key.toString(), word.toString());
      else words.add(word.toString());
    }
    String name = words.isEmpty() ? "" : words.remove(0);
    return new TagArguments(name, words, named);
  }
}
