package dev.sourced.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.diag.Diagnostics;
import dev.sourced.load.ArticleFile;
import dev.sourced.load.SourceFile;
import dev.sourced.parse.PageParser;
import dev.sourced.parse.ParsedPage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseEntriesTest {
  @TempDir Path dir;

  @Test
  void theEncodedParsesOfABuildWaitOutsideTheHeapAndReadBackAsPut() throws Exception {
    ParseEntries entries = ParseEntries.open(dir, new Diagnostics());
    for (int i = 0; i < 50; i++) entries.put("key-" + i, page(i, entries), List.of());
    // 50 entries of some hundred bytes each: none of them is held in the heap while the build runs.
    assertThat(entries.encodedBytesInHeap()).isZero();
    entries.save(dir);
    entries.closeBodies();

    ParseEntries again = ParseEntries.open(dir, new Diagnostics());
    for (int i = 0; i < 50; i++) {
      ParsedPage read = again.get("key-" + i).page();
      assertThat(read.frontMatter().title()).isEqualTo("Article " + i);
      assertThat(read.body().html()).contains("Paragraph number " + i);
    }
    again.closeBodies();
  }

  private static ParsedPage page(int i, ParseEntries entries) {
    String fm = "title: \"Article " + i + "\"\ndate: 2024-01-01";
    String body = "Paragraph number " + i + ", and some more words after it.\n";
    String text = "---\n" + fm + "\n---\n" + body;
    String path = "content/a" + i + ".md";
    ArticleFile file = new ArticleFile(path, Path.of(path), "a" + i, List.of());
    SourceFile src = new SourceFile(path, text, fm, 2, body, 5);
    return PageParser.parse(file, src, false, entries.bodies(), new Diagnostics());
  }
}
