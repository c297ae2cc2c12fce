package dev.sourced.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.TestSite;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The links of the pages are checked on all cores: the warnings are those of one thread. */
class LinkWarningsOnAllCoresTest {
  @TempDir Path dir;

  private List<String> buildWith(String threads, String spec, String name) {
    String before = System.getProperty("sourced.threads");
    System.setProperty("sourced.threads", threads);
    try {
      TestSite site = TestSite.of(dir.resolve(name), spec);
      site.build();
      return site.diagnostics();
    } finally {
      if (before == null) System.clearProperty("sourced.threads");
      else System.setProperty("sourced.threads", before);
    }
  }

  @Test
  void manyPagesWithBrokenLinksWarnTheSameOnOneThreadAndOnFour() {
    StringBuilder spec = new StringBuilder("-- sourced.yaml --\ntitle: T\n");
    for (int i = 0; i < 80; i++) {
      spec.append("-- content/p")
          .append(i)
          .append(".md --\n---\ntitle: P")
          .append(i)
          .append("\ndate: 2021-03-")
          .append(String.format("%02d", 1 + i % 28))
          .append("\nsources:\n  s")
          .append(i)
          .append(": {title: R, url: \"https://example.org/")
          .append(i)
          .append("\"}\n---\nText [@s")
          .append(i)
          .append("], [a link](../p")
          .append((i + 1) % 80)
          .append("/#nowhere-")
          .append(i)
          .append("), [another](../missing-")
          .append(i)
          .append("/) and [a good one](../p")
          .append((i + 7) % 80)
          .append("/).\n");
    }
    List<String> one = buildWith("1", spec.toString(), "one");
    List<String> four = buildWith("4", spec.toString(), "four");

    assertThat(one.stream().filter(d -> d.contains("leads to no page"))).hasSize(80);
    assertThat(one.stream().filter(d -> d.contains("names an anchor"))).hasSize(80);
    assertThat(four).containsExactlyElementsOf(one);
  }
}
