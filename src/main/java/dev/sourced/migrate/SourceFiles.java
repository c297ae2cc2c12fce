package dev.sourced.migrate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the source site, and only reads it: files listed in a stable order (sorted by path, so that
 * two imports of one site do the same work in the same order), hidden files and folders left out as
 * both generators leave them out, symbolic links not followed, and text decoded as UTF-8 strictly
 * (a file that is not UTF-8 is copied as it is instead of being converted).
 */
final class SourceFiles {
  private SourceFiles() {}

  /** Every regular file under {@code dir}, as paths relative to {@code root}, sorted. */
  static List<String> list(Path root, Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return out;
    try (Stream<Path> s = Files.walk(dir)) {
      s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .map(p -> ImportPlan.relative(root, p))
          .filter(SourceFiles::visible)
          .forEach(out::add);
    }
    out.sort(null);
    return out;
  }

  /** No part of the path starts with a dot, and it is no editor's backup file. */
  static boolean visible(String relative) {
    for (String part : relative.split("/")) {
      if (part.startsWith(".") || part.endsWith("~") || part.startsWith("#")) return false;
    }
    return true;
  }

  /** The file's text, or null when it is not UTF-8. A byte-order mark is dropped. */
  static String text(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    try {
      String s =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return s.startsWith("\uFEFF") ? s.substring(1) : s;
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
