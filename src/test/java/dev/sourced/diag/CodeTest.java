package dev.sourced.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The diagnostic codes are one list: every {@link Code} has its section in docs/diagnostics.md,
 * every section is a {@link Code}, and every code written as text in the sources is one of them.
 */
class CodeTest {
  private static final Pattern HEADING = Pattern.compile("(?m)^### `([a-z-]+)`");
  private static final Pattern LITERAL =
      Pattern.compile("\\.(?:error|warning)\\(\\s*[^;\"]*?,\\s*\"([a-z]+(?:-[a-z]+)*)\"");

  @Test
  void everyCodeIsDocumentedAndEveryDocumentedCodeIsACode() throws IOException {
    Set<String> documented = new TreeSet<>();
    Matcher m = HEADING.matcher(Files.readString(Path.of("docs/diagnostics.md")));
    while (m.find()) documented.add(m.group(1));
    Set<String> constants = new TreeSet<>();
    Arrays.stream(Code.values()).forEach(c -> constants.add(c.text()));
    assertThat(constants).isEqualTo(documented);
  }

  @Test
  void codesWrittenAsTextAreCodes() throws IOException {
    Set<String> unknown = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = LITERAL.matcher(Files.readString(p));
        while (m.find()) if (Code.of(m.group(1)) == null) unknown.add(p + ": " + m.group(1));
      }
    }
    assertThat(unknown).as("add each to dev.sourced.diag.Code and docs/diagnostics.md").isEmpty();
  }

  @Test
  void constantsCarryTheirKebabCaseText() {
    for (Code c : Code.values()) {
      assertThat(c.text()).isEqualTo(c.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
      assertThat(Code.of(c.text())).isSameAs(c);
    }
  }
}
