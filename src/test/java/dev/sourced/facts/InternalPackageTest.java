package dev.sourced.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code facts.internal} is internal: no code outside {@code facts} (main or test) names it, so the
 * extension's renderers can change without touching any other stage. Other stages go through the
 * public classes of {@code facts} ({@link Boxes}, {@link FactsExtension}, ...).
 */
class InternalPackageTest {
  @Test
  void nothingOutsideFactsUsesFactsInternal() throws IOException {
    List<String> users;
    try (Stream<Path> files =
        Stream.concat(Files.walk(Path.of("src/main/java")), Files.walk(Path.of("src/test/java")))) {
      users =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(p -> !p.toString().replace('\\', '/').contains("/dev/sourced/facts/"))
              .filter(InternalPackageTest::namesInternal)
              .map(Path::toString)
              .toList();
    }
    assertThat(users).as("files outside facts/ that use facts.internal").isEmpty();
  }

  private static boolean namesInternal(Path p) {
    try {
      return Files.readString(p).contains("dev.sourced.facts" + ".internal");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
