package dev.sourced.load;

/**
 * One text file of the site, decoded and split, before any parsing.
 *
 * @param path the path relative to the site root, with {@code /}
 * @param text the whole text, byte-order mark removed, line endings normalised to {@code \n}
 * @param frontMatter the front-matter's text: the YAML or TOML between the fences, or the JSON
 *     object with its braces ("" when the file has none)
 * @param frontMatterLine the file line (1-based) of the front-matter's first line
 * @param body the Markdown after the front-matter (for data files: empty)
 * @param bodyLine the file line (1-based) of the first body line
 * @param format how the front-matter is written
 */
public record SourceFile(
    String path,
    String text,
    String frontMatter,
    int frontMatterLine,
    String body,
    int bodyLine,
    Format format) {

  /** A file with YAML front-matter (or a YAML data file). */
  public SourceFile(
      String path,
      String text,
      String frontMatter,
      int frontMatterLine,
      String body,
      int bodyLine) {
    this(path, text, frontMatter, frontMatterLine, body, bodyLine, Format.YAML);
  }

  /** The front-matter's language, told by the file's first line. */
  public enum Format {
    /** Between {@code ---} lines. */
    YAML,
    /** Between {@code +++} lines, as Hugo writes it. */
    TOML,
    /** One JSON object, from the file's first {@code {} to its matching brace. */
    JSON,
    /** No front-matter: the whole file is the body. */
    NONE
  }
}
