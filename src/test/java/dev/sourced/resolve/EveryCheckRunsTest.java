package dev.sourced.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.pipeline.BuildResult;
import dev.sourced.testing.TestSite;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One error never hides another problem: an invalid declaration leaves every other check running.
 * Only the warnings that would be noise while it stands (what it would have used looks unused)
 * wait, and one note says so.
 */
class EveryCheckRunsTest {
  @TempDir Path dir;

  static final String SITE =
      """
      -- sourced.yaml --
      title: Checks
      stale_after: 365
      -- content/a.md --
      ---
      title: A
      date: 2021-03-09
      sources:
        s1: {title: Report, url: "https://example.org/r"}
        spare: {title: Spare, url: "https://example.org/spare"}
      facts:
        old:
          label: An old figure
          value: 70000
          as_of: 2021-03-09
          sources: [s1]
      %s
      ---
      Police read {{fact:old}} accounts [@s1].
      """;

  @Test
  void aStaleFactIsReportedBesideAnInvalidDeclaration() {
    TestSite site = TestSite.of(dir, SITE.formatted("  broken: {label: No value, sources: [s1]}"));
    BuildResult r = site.check();
    assertThat(site.diagnostics())
        .anyMatch(l -> l.startsWith("content/a.md:") && l.contains("error["))
        .contains(
            "content/a.md:8:3: warning[stale-fact] fact \"old\" is as of 2021-03-09, older than"
                + " stale_after (365 days)")
        .noneMatch(l -> l.contains("unused-"));
    assertThat(r.notes()).containsExactly(ReferenceResolver.UNUSED_WAIT);
  }

  @Test
  void withoutErrorsUnusedWarningsAreGivenAndNoNote() {
    TestSite site = TestSite.of(dir, SITE.formatted(""));
    BuildResult r = site.check();
    assertThat(site.diagnostics())
        .containsExactly(
            "content/a.md:6:3: warning[unused-source] source \"spare\" is declared but nothing"
                + " cites it",
            "content/a.md:8:3: warning[stale-fact] fact \"old\" is as of 2021-03-09, older than"
                + " stale_after (365 days)");
    assertThat(r.notes()).isEmpty();
  }

  /** A broken template is reported in the same run as an error in the content, not after it. */
  @Test
  void aBrokenTemplateIsReportedBesideAnErrorInTheContent() {
    TestSite site =
        TestSite.of(
            dir,
            SITE.formatted("  broken: {label: No value, sources: [s1]}")
                + """
                -- templates/index.ftlh --
                <#if>
                """);
    site.build();
    assertThat(site.diagnostics())
        .anyMatch(l -> l.startsWith("content/a.md:") && l.contains("error["))
        .anyMatch(l -> l.startsWith("templates/index.ftlh:") && l.contains("error[template-"));
  }
}
