package dev.sourced.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.TestSite;
import dev.sourced.testing.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No page a reader opens is over 200 KB of HTML, on a big site built with the default settings: a
 * site of 1,200 articles generated here (each with three sources, four facts used by three other
 * articles too, two of five tags), so that one page of the whole list of facts (4,800 rows),
 * sources (3,600) or articles (1,200) would be each over a megabyte. It is built under {@code
 * /dev/shm} where there is one, and deleted after.
 */
class PageWeightBudgetTest {
  static final int ARTICLES = 1200;
  static final long BUDGET = 200 * 1024;
  static final String[] TAGS = {"energy", "water", "transport", "housing", "health"};

  static Path work;
  static TestSite site;

  @BeforeAll
  static void build() throws IOException {
    Path shm = Path.of("/dev/shm");
    work =
        Files.createTempDirectory(
            Files.isDirectory(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir")),
            "sourced-page-weight-");
    Path content = work.resolve("site/content");
    Files.createDirectories(content);
    Files.writeString(
        work.resolve("site/sourced.yaml"),
        "title: Big site\nbase_url: https://example.org/\n",
        StandardCharsets.UTF_8);
    for (int i = 1; i <= ARTICLES; i++) {
      Files.writeString(
          content.resolve(String.format("a%05d.md", i)), article(i), StandardCharsets.UTF_8);
    }
    site = TestSite.at(work.resolve("site"), work.resolve("out"));
    site.build();
    assertThat(site.diagnostics()).isEmpty();
  }

  @AfterAll
  static void cleanUp() {
    if (work != null) Trees.delete(work);
  }

  static String article(int i) {
    String n = String.format("%05d", i);
    StringBuilder b = new StringBuilder("---\n");
    b.append("title: \"How the figures for subject ").append(n).append(" were counted\"\n");
    b.append("date: ").append(LocalDate.of(2015, 1, 1).plusDays(i)).append('\n');
    b.append("tags: [")
        .append(TAGS[i % TAGS.length])
        .append(", ")
        .append(TAGS[(i / TAGS.length + 1 + i) % TAGS.length])
        .append("]\n");
    b.append("summary: \"What the statistics office and two others say about subject ")
        .append(n)
        .append(", and where they differ.\"\n");
    b.append("sources:\n");
    for (int s = 1; s <= 3; s++) {
      b.append("  s")
          .append(n)
          .append('-')
          .append(s)
          .append(": {title: \"Annual statistical bulletin ")
          .append(s)
          .append(" on subject ")
          .append(n)
          .append("\", publisher: \"National Statistics Office\", date: 2014-06-02, url: ")
          .append("\"https://stats.example.org/bulletins/")
          .append(n)
          .append('/')
          .append(s)
          .append("\"}\n");
    }
    b.append("facts:\n");
    for (int f = 1; f <= 4; f++) {
      b.append("  f")
          .append(n)
          .append('-')
          .append(f)
          .append(": {label: \"Share of households affected by subject ")
          .append(n)
          .append(" in measure ")
          .append(f)
          .append("\", value: ")
          .append(1000 + i + f)
          .append(", unit: households, as_of: 2014-01-01, sources: [s")
          .append(n)
          .append('-')
          .append(1 + f % 3)
          .append("]}\n");
    }
    b.append("---\n");
    for (int f = 1; f <= 4; f++) {
      b.append("Measure ").append(f).append(" counted {{fact:f").append(n).append('-');
      b.append(f).append("}} households [@s").append(n).append('-').append(1 + f % 3);
      b.append("].\n\n");
    }
    // Three earlier articles' facts, so the index's "used in" lists several articles.
    for (int k = 1; k <= 3 && i - k >= 1; k++) {
      b.append("Compare {{fact:f").append(String.format("%05d", i - k)).append("-1}}.\n\n");
    }
    return b.toString();
  }

  @Test
  void noPageIsOverTheBudget() throws IOException {
    List<String> over = new ArrayList<>();
    int pages = 0;
    try (Stream<Path> files = Files.walk(site.output())) {
      for (Path p : (Iterable<Path>) files::iterator) {
        if (!p.toString().endsWith(".html")) continue;
        pages++;
        long size = size(p);
        if (size > BUDGET) over.add(site.output().relativize(p) + " " + size / 1024 + " KB");
      }
    }
    assertThat(pages).isGreaterThan(ARTICLES + 500);
    assertThat(over).isEmpty();
  }

  @Test
  void theListsAreCutIntoPagesOfTheDefaultSize() {
    // 20 articles and 100 index rows to a page.
    assertThat(site.html("").select(".article-list > li")).hasSize(20);
    assertThat(site.exists("page/60/index.html")).isTrue();
    assertThat(site.exists("page/61/index.html")).isFalse();
    assertThat(site.html("facts/page/48/").select("table.index-table tbody tr")).hasSize(100);
    assertThat(site.exists("facts/page/49/index.html")).isFalse();
    assertThat(site.exists("sources/page/36/index.html")).isTrue();
    assertThat(site.exists("sources/page/37/index.html")).isFalse();
  }

  @Test
  void theFeedCarriesTheTenNewestArticles() {
    assertThat(site.xml("feed.xml").getElementsByTagNameNS("*", "entry").getLength()).isEqualTo(10);
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
