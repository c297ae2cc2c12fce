package dev.sourced.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.Cli;
import dev.sourced.testing.TestSite;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract line of a diagnostic is one line: {@code path:line:col: severity[CODE] message}.
 * Whatever the author wrote (entities that decode to a newline or tab, a carriage return), the
 * message must not break it, or tools that read the output line by line lose the rest.
 */
class DiagnosticLinesTest {
  @TempDir Path tmp;

  @Test
  void aMessageQuotingAControlCharacterStaysOnOneLine() {
    TestSite site =
        TestSite.of(
            tmp,
            """
        -- sourced.yaml --
        title: T
        -- content/a.md --
        ---
        title: A
        date: 2021-03-09
        sources:
          s1: {title: Report, url: "https://example.org/r"}
        ---
        Text [@s1] with [a newline](jav&#x0A;ascript:x) and [a tab](jav&#x09;ascript:x) in links.
        """);
    site.build();
    assertThat(site.diagnostics())
        .isNotEmpty()
        .allSatisfy(d -> assertThat(d).doesNotContainPattern("[\\x00-\\x1f\\x7f]"));

    Cli r = Cli.run("check", "--source", site.root().toString());
    for (String line : r.err().lines().toList()) {
      boolean contract = line.matches(Cli.CONTRACT);
      boolean detail = line.startsWith(" ") || line.startsWith("checked ");
      assertThat(contract || detail).as("stray line %s in:%n%s", line, r.err()).isTrue();
    }
  }
}
