package dev.sourced.yaml;

import dev.sourced.diag.Diagnostics;
import dev.sourced.diag.SourcePosition;
import org.yaml.snakeyaml.error.Mark;

/** Where a YAML text lives in its file, and where its problems go. */
public record YamlContext(String path, int lineOffset, Diagnostics diagnostics) {

  /** A SnakeYAML mark (0-based, relative to the YAML text) as a 1-based file position. */
  public SourcePosition at(Mark mark) {
    if (mark == null) return new SourcePosition(path, lineOffset + 1, 1);
    return new SourcePosition(path, lineOffset + mark.getLine() + 1, mark.getColumn() + 1);
  }
}
