package dev.sourced.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher makes its class-data archive from this training, and makes none when it fails: every
 * step must succeed, and reach the code users run (images published, a Hugo site imported).
 */
class ArchiveTrainingTest {
  @TempDir Path tmp;

  @Test
  void everyStepRunsAndSucceeds() throws Exception {
    assertThat(ArchiveTraining.train(tmp)).isEqualTo(Main.OK);
    assertThat(tmp.resolve("out/pictures/index.html")).isRegularFile();
    assertThat(tmp.resolve("out/pictures").toFile().list())
        .anyMatch(n -> n.endsWith(".webp"))
        .anyMatch(n -> n.endsWith(".jpg"));
    assertThat(tmp.resolve("site/.sourced/cache")).isDirectory();
    assertThat(tmp.resolve("imported/content/posts/first-post.md")).isRegularFile();
    // The edit of a fact's value was built (the quick way's classes are the archive's too), and
    // the article of every kind of Markdown made its table and footnote.
    assertThat(tmp.resolve("site/content/welcome.md"))
        .content()
        .doesNotContain(ArchiveTraining.FACT_VALUE);
    assertThat(tmp.resolve("site/site/facts.json")).content().contains("313.5");
    assertThat(tmp.resolve("out/markup/index.html"))
        .content()
        .contains("<table>", "<del>", "footnote");
    // The site in two languages, with each piece of an explainer, after the edit of its fact.
    assertThat(tmp.resolve("languages/site/en/guide/index.html"))
        .content()
        .contains("glance-row", "timeline-event", "Side by side", "Who counted", "2.6 million");
    assertThat(tmp.resolve("languages/site/gids/index.html")).content().contains("2,6 miljoen");
  }
}
