package dev.sourced.load;

/**
 * One text file of the site, decoded and split, before any parsing.
 *
 * @param path the path relative to the site root, with {@code /}
 * @param text the whole text, byte-order mark removed, line endings normalised to {@code \n}
 * @param frontMatter the YAML between the {@code ---} lines ("" when the file has none)
 * @param frontMatterLine the file line (1-based) of the first YAML line
 * @param body the Markdown after the front-matter (for data files: empty)
 * @param bodyLine the file line (1-based) of the first body line
 */
public record SourceFile(
    String path, String text, String frontMatter, int frontMatterLine, String body, int bodyLine) {}
