package dev.sourced.yaml;

import dev.sourced.diag.Diagnostics;
import dev.sourced.diag.SourcePosition;
import org.yaml.snakeyaml.error.Mark;

/**
 * Where a YAML text lives in its file, and where its problems go.
 *
 * <p>Positions are computed from a mark's offset, not its line and column: SnakeYAML also counts
 * U+0085, U+2028 and U+2029 as line breaks (YAML 1.1), while everything else here, like every
 * editor, counts only {@code \n}. Columns count UTF-16 characters, as CommonMark's do, and a mark
 * past the end of the text (an unexpected end) is put on the last character.
 */
public record YamlContext(String path, int lineOffset, Diagnostics diagnostics, String text) {

  /** A SnakeYAML mark as a 1-based file position. */
  public SourcePosition at(Mark mark) {
    if (mark == null) return new SourcePosition(path, lineOffset + 1, 1);
    return atIndex(mark.getIndex());
  }

  /** A code-point offset into the YAML text as a 1-based file position. */
  public SourcePosition atIndex(int codePointIndex) {
    int chars = charOffset(codePointIndex);
    if (chars >= text.length() && !text.isEmpty()) {
      chars = text.length() - 1;
      if (text.charAt(chars) == '\n' && chars > 0) chars--;
    }
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < chars && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new SourcePosition(path, lineOffset + line, Math.max(0, chars - lineStart) + 1);
  }

  /** The UTF-16 offset of a code-point offset (SnakeYAML counts code points). */
  private int charOffset(int codePoints) {
    if (codePoints <= 0) return 0;
    int chars = 0;
    for (int cp = 0; cp < codePoints && chars < text.length(); cp++) {
      chars += Character.isHighSurrogate(text.charAt(chars)) && chars + 1 < text.length() ? 2 : 1;
    }
    return chars;
  }
}
