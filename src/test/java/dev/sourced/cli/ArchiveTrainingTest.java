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
  }
}
