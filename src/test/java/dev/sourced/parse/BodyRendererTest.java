package dev.sourced.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.facts.BodyHtml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bodies rendered at parse time: one marker per part, and markers only where parts are. */
class BodyRendererTest {

  private static long marks(String html) {
    return html.chars().filter(c -> c == BodyHtml.MARK).count();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aNulCharacterInTheTextNeverPassesForAMarker(boolean rawHtml) {
    String md =
        "Text \u0000 here {{fact:a}}.\n\n`code \u0000`\n\n<div>\u0000</div>\n\n"
            + "```\n\u0000\n```\n\n[link \u0000](/x \"t\u0000\") [@s]\n";
    BodyHtml body = BodyRenderer.of(rawHtml).render(MarkdownParser.parse(md), null);
    assertThat(marks(body.html())).isEqualTo(body.parts().size()).isEqualTo(2);
    assertThat(body.parts())
        .containsExactly(
            new BodyHtml.FactPart("a", false), new BodyHtml.CitationPart(List.of("s"), List.of(1)));
  }

  @Test
  void partsComeInDocumentOrderWithWhatThePageAloneDecides() {
    String md =
        """
        First {{fact:a}} and [{{fact:b}}](/x) [@s; @t].

        {{factbox:a}}

        ![{{fact:c}} users](p.png) [@s]

        {{claim:k}}
        """;
    BodyHtml body = BodyRenderer.of(false).render(MarkdownParser.parse(md), null);
    assertThat(body.parts())
        .containsExactly(
            new BodyHtml.FactPart("a", false),
            new BodyHtml.FactPart("b", true),
            new BodyHtml.CitationPart(List.of("s", "t"), List.of(1, 1)),
            new BodyHtml.FactBoxPart("a"),
            // A bundle image is written when the page is rendered; the facts of its alt text are
            // in its part.
            new BodyHtml.ImagePart(
                "p.png",
                "p.png",
                BodyHtml.MARK + " users",
                List.of(new BodyHtml.FactPart("c", true)),
                null,
                false,
                true),
            new BodyHtml.CitationPart(List.of("s"), List.of(2)),
            new BodyHtml.ClaimPart("k"));
    assertThat(marks(body.html())).isEqualTo(7);
    // A block's marker has a line of its own.
    assertThat(body.html()).contains("\n" + BodyHtml.MARK + "\n");
  }

  @Test
  void aStoredBodyReadsBackAsItWasWrittenFromManyThreads() throws Exception {
    try (BodySpill spill = BodySpill.open()) {
      assertThat(spill).isNotNull();
      List<String> texts =
          IntStream.range(0, 400)
              .mapToObj(
                  i ->
                      "<p>body "
                          + i
                          + " \u2014 caf\u00e9 \uD83D\uDE00 "
                          + "x".repeat(i * 7)
                          + "</p>\n")
              .toList();
      ConcurrentHashMap<Integer, BodyHtml> stored = new ConcurrentHashMap<>();
      IntStream.range(0, texts.size())
          .parallel()
          .forEach(i -> stored.put(i, BodyHtml.stored(texts.get(i), List.of(), spill)));
      List<String> back = new ArrayList<>();
      IntStream.range(0, texts.size()).forEach(i -> back.add(stored.get(i).html()));
      assertThat(back).isEqualTo(texts);
    }
  }

  @Test
  void theSpillFileLeavesNothingInTheTemporaryFolder() throws Exception {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    List<String> before = spillFiles(tmp);
    try (BodySpill spill = BodySpill.open()) {
      spill.write(new byte[] {1, 2, 3});
      assertThat(spillFiles(tmp)).isEqualTo(before);
    }
    assertThat(spillFiles(tmp)).isEqualTo(before);
  }

  private static List<String> spillFiles(Path dir) throws Exception {
    try (var files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("sourced-bodies-"))
          .sorted()
          .toList();
    }
  }
}
