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
import org.junit.jupiter.api.Test;

/**
 * The diagnostic codes are one list: every {@link Code} has its section in docs/diagnostics.md, and
 * every section is a {@link Code}. A diagnostic takes a {@link Code}, never text, so the compiler
 * sees that every code reported is one of them.
 */
class CodeTest {
  private static final Pattern HEADING = Pattern.compile("(?m)^### `([a-z0-9-]+)`");

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
  void constantsCarryTheirKebabCaseText() {
    for (Code c : Code.values()) {
      assertThat(c.text()).isEqualTo(c.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
      assertThat(Code.of(c.text())).isSameAs(c);
    }
  }
}
