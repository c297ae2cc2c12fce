package dev.sourced.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The link checker's own path resolution agrees with java.net.URI wherever it answers. */
class LinkCheckerTest {
  private static final List<String> SEGMENTS =
      List.of("a", "b-c", "..", ".", "", "x.y", "~u", "Z_9", "...", "%41", "q?x", "é");

  private static String uriPath(String base, String ref) throws Exception {
    return new URI("http", "site", base, null).resolve(new URI(null, null, ref, null)).getPath();
  }

  @Test
  void theCommonCasesResolveWithoutURI() throws Exception {
    assertThat(LinkChecker.resolvePlain("/a/", "../b/")).isEqualTo("/b/");
    assertThat(LinkChecker.resolvePlain("/explainers/a/", "../b/")).isEqualTo("/explainers/b/");
    assertThat(LinkChecker.resolvePlain("/a/", "pic.png")).isEqualTo("/a/pic.png");
    assertThat(LinkChecker.resolvePlain("/a/", "/facts/")).isEqualTo("/facts/");
    assertThat(LinkChecker.resolvePlain("/a/", "")).isEqualTo("/a/");
    assertThat(LinkChecker.resolvePlain("/a/", "../../b/")).isNull();
    assertThat(LinkChecker.resolvePlain("/a/", "b%20c/")).isNull();
  }

  @Test
  void whereItAnswersItAgreesWithURIOnRandomPaths() throws Exception {
    Random random = new Random(7);
    int answered = 0;
    for (int n = 0; n < 20_000; n++) {
      String base = "/" + path(random, 3, true);
      String ref = (random.nextInt(4) == 0 ? "/" : "") + path(random, 4, random.nextBoolean());
      String mine = LinkChecker.resolvePlain(base, ref);
      if (mine == null) continue;
      answered++;
      assertThat(mine).as("base %s, ref %s", base, ref).isEqualTo(uriPath(base, ref));
    }
    assertThat(answered).isGreaterThan(2_000);
  }

  private static String path(Random random, int max, boolean directory) {
    StringBuilder b = new StringBuilder();
    int count = random.nextInt(max + 1);
    for (int i = 0; i < count; i++) {
      if (i > 0) b.append('/');
      b.append(SEGMENTS.get(random.nextInt(SEGMENTS.size())));
    }
    if (directory && count > 0) b.append('/');
    return b.toString();
  }
}
