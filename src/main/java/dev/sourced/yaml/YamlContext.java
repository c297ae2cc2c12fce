package dev.sourced.yaml;

import dev.sourced.diag.Diagnostics;
import dev.sourced.diag.SourcePosition;
import java.util.Arrays;
import org.yaml.snakeyaml.error.Mark;

/**
 * Where a YAML text lives in its file, and where its problems go.
 *
 * <p>Positions are computed from a mark's offset, not its line and column: SnakeYAML also counts
 * U+0085, U+2028 and U+2029 as line breaks (YAML 1.1), while everything else here, like every
 * editor, counts only {@code \n}. Columns count UTF-16 characters, as CommonMark's do, and a mark
 * past the end of the text (an unexpected end) is put on the last character.
 */
public final class YamlContext {
  private final String path;
  private final int lineOffset;
  private final Diagnostics diagnostics;
  private final String text;

  /** Offsets of the text's line breaks, and whether it has surrogate pairs; made when needed. */
  private int[] breaks;

  private boolean surrogates;

  /**
   * @param path the file, relative to the site root
   * @param lineOffset how many file lines come before the YAML text
   * @param text the YAML text
   */
  public YamlContext(String path, int lineOffset, Diagnostics diagnostics, String text) {
    this.path = path;
    this.lineOffset = lineOffset;
    this.diagnostics = diagnostics;
    this.text = text;
  }

  public String path() {
    return path;
  }

  public int lineOffset() {
    return lineOffset;
  }

  public Diagnostics diagnostics() {
    return diagnostics;
  }

  public String text() {
    return text;
  }

  /** A SnakeYAML mark as a 1-based file position. */
  public SourcePosition at(Mark mark) {
    if (mark == null) return new SourcePosition(path, lineOffset + 1, 1);
    return atIndex(mark.getIndex());
  }

  /** A code-point offset into the YAML text as a 1-based file position. */
  public SourcePosition atIndex(int codePointIndex) {
    if (breaks == null) index();
    int chars = charOffset(codePointIndex);
    if (chars >= text.length() && !text.isEmpty()) {
      chars = text.length() - 1;
      if (text.charAt(chars) == '\n' && chars > 0) chars--;
    }
    // The line breaks before the offset: their number is the line, the last one its start.
    int before = Arrays.binarySearch(breaks, chars);
    before = before >= 0 ? before : -before - 1;
    int lineStart = before == 0 ? 0 : breaks[before - 1] + 1;
    return new SourcePosition(path, lineOffset + before + 1, Math.max(0, chars - lineStart) + 1);
  }

  private void index() {
    int n = 0;
    int[] found = new int[16];
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      if (n == found.length) found = Arrays.copyOf(found, n * 2);
      found[n++] = i;
    }
    breaks = Arrays.copyOf(found, n);
    for (int i = 0; i < text.length() && !surrogates; i++) {
      surrogates = Character.isSurrogate(text.charAt(i));
    }
  }

  /** The UTF-16 offset of a code-point offset (SnakeYAML counts code points). */
  private int charOffset(int codePoints) {
    if (codePoints <= 0) return 0;
    if (!surrogates) return Math.min(codePoints, text.length());
    int chars = 0;
    for (int cp = 0; cp < codePoints && chars < text.length(); cp++) {
      chars += Character.isHighSurrogate(text.charAt(chars)) && chars + 1 < text.length() ? 2 : 1;
    }
    return chars;
  }
}
