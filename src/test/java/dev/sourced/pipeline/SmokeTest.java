package dev.sourced.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.TestSite;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmokeTest {
  @TempDir Path dir;

  @Test
  void aFactLinksToItsBoxAtItsHome() {
    TestSite site =
        TestSite.of(
            dir,
            """
        -- sourced.yaml --
        title: Test site
        base_url: https://example.org/
        -- content/a.md --
        ---
        title: A
        date: 2021-03-09
        sources:
          s1: {title: Report, publisher: Europol, date: 2021-03-10, url: "https://example.org/r"}
        facts:
          users:
            label: Users
            value: 70000
            approx: true
            unit: users
            as_of: 2021-03-09
            sources: [s1]
        ---
        Police read {{fact:users}} accounts [@s1].
        -- content/b.md --
        ---
        title: B
        date: 2021-03-10
        ---
        Elsewhere, {{fact:users}} again.
        """);
    var r = site.build();
    assertThat(site.diagnostics()).isEmpty();
    assertThat(r.written()).isTrue();
    var b = site.html("b/");
    assertThat(b.select("a.fact").attr("href")).isEqualTo("/a/#fact-users");
    assertThat(b.select("a.fact").text()).isEqualTo("about 70,000");
    var a = site.html("a/");
    assertThat(a.select("#fact-users .also-cited a").attr("href")).isEqualTo("/b/");
    assertThat(a.select("sup.cite a").text()).isEqualTo("1");
  }
}
