package dev.sourced.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.facts.Json;
import dev.sourced.parse.ParsedPage;
import dev.sourced.pipeline.BuildOptions;
import dev.sourced.pipeline.Pipeline;
import dev.sourced.resolve.ResolvedPage;
import dev.sourced.resolve.ResolvedSite;
import dev.sourced.testing.TestSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search index patched after edits of articles' prose is the index a whole build makes of the
 * edited site, byte for byte: the same {@code search.json} and the same parts at the same paths
 * (those it keeps, those it makes again, those it renames), over random sequences of edits that add
 * and remove words (words no article had, words before and after every other, the last article's
 * use of a word) in an index of many parts. A part that is not as recorded makes it refuse, and the
 * index is then built whole.
 */
class SearchIndexPatchTest {
  @TempDir Path dir;

  static final String TAG = "search parts\0\0";

  @Test
  void patchedIndexIsTheWholeBuildsAfterRandomProseEdits() throws IOException {
    for (int seed = 1; seed <= 4; seed++) {
      Random random = new Random(seed);
      List<String> vocabulary = vocabulary(random);
      TestSite site = TestSite.of(dir.resolve("seed" + seed), articles(random, vocabulary));
      ResolvedSite before = resolve(site);
      Map<String, byte[]> files = files(SearchIndex.build(before, null, ""));
      assertThat(files.keySet().stream().filter(p -> p.startsWith("search/t/")).count())
          .as("an index of many parts")
          .isGreaterThan(10);
      for (int step = 0; step < 6; step++) {
        Map<String, ParsedPage> edited = new HashMap<>();
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
          ResolvedPage p = before.pages().get(random.nextInt(before.pages().size()));
          edited.put(p.parsed().path(), p.parsed());
          editProse(site.root().resolve(p.parsed().path()), random, vocabulary);
        }
        ResolvedSite after = resolve(site);
        SearchIndex.Built whole = SearchIndex.build(after, null, "");
        SearchIndex.Built patched =
            SearchIndexPatch.patch(
                after, "", edited, SearchIndex::bodyWords, new Previous(files), TAG);
        String what = "seed " + seed + ", step " + step;
        assertThat(patched).as(what).isNotNull();
        assertThat(Json.write(patched.contents(), false))
            .as(what)
            .isEqualTo(Json.write(whole.contents(), false));
        Map<String, byte[]> made = new TreeMap<>();
        for (RenderedPage part : patched.parts()) made.put(part.path(), part.bytes());
        for (String kept : patched.kept().keySet()) {
          assertThat(made).as(what + ": kept and made").doesNotContainKey(kept);
          made.put(kept, files.get(kept));
        }
        Map<String, byte[]> expected = files(whole);
        expected.remove("search.json");
        assertThat(strings(made)).as(what).isEqualTo(strings(expected));
        for (RenderedPage part : patched.parts()) {
          assertThat(patched.hashes().get(part.path()))
              .isEqualTo(FingerprintDigest.ofBytes(part.bytes()));
        }
        files = files(whole);
        before = after;
      }
    }
  }

  @Test
  void aWordAddedToOneArticleKeepsEveryPartBeforeItsOwn() throws IOException {
    Indexed indexed = indexed(3);
    TestSite site = indexed.site();
    Map<String, byte[]> files = indexed.files();
    ResolvedPage p = indexed.before().pages().get(0);
    Path file = site.root().resolve(p.parsed().path());
    Files.writeString(file, Files.readString(file) + "\nA quokka.\n", StandardCharsets.UTF_8);
    SearchIndex.Built patched =
        SearchIndexPatch.patch(
            resolve(site),
            "",
            Map.of(p.parsed().path(), p.parsed()),
            SearchIndex::bodyWords,
            new Previous(files),
            TAG);
    assertThat(patched).isNotNull();
    // "quokka" falls in a part far down the list: every part before it, and every part of rows,
    // stays as it was, unread. (The parts after it may move along by a word each, as a whole
    // build cuts them.)
    int first = patched.parts().stream().mapToInt(part -> number(part.path())).min().orElseThrow();
    assertThat(first).isGreaterThan(4);
    for (String path : files.keySet()) {
      if (path.startsWith("search/d/") || path.startsWith("search/t/") && number(path) < first) {
        assertThat(patched.kept()).containsKey(path);
      }
    }
  }

  /** The number of a part, from its path ({@code search/t/3.1a2b3c4d.json}). */
  private static int number(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return Integer.parseInt(name.substring(0, name.indexOf('.')));
  }

  @Test
  void refusesWhenAPartIsNotAsRecorded() throws IOException {
    Indexed indexed = indexed(7);
    TestSite site = indexed.site();
    Map<String, byte[]> files = indexed.files();
    ResolvedPage p = indexed.before().pages().get(0);
    editProse(site.root().resolve(p.parsed().path()), indexed.random(), indexed.vocabulary());
    ResolvedSite after = resolve(site);
    Map<String, ParsedPage> edited = Map.of(p.parsed().path(), p.parsed());
    // Every word part's bytes changed by hand: whichever the edit touches cannot be read as made.
    Map<String, byte[]> tampered = new HashMap<>(files);
    tampered.replaceAll(
        (path, bytes) ->
            path.startsWith("search/t/") ? (new String(bytes) + " ").getBytes() : bytes);
    Previous previous = new Previous(files);
    previous.bytes.putAll(tampered);
    assertThat(SearchIndexPatch.patch(after, "", edited, SearchIndex::bodyWords, previous, TAG))
        .isNull();
    // A part of rows the build cache has no record of: nothing is patched either.
    Previous unrecorded = new Previous(files);
    unrecorded.records.keySet().removeIf(path -> path.startsWith("search/d/"));
    assertThat(SearchIndexPatch.patch(after, "", edited, SearchIndex::bodyWords, unrecorded, TAG))
        .isNull();
  }

  /** A site of random articles, resolved, and its index as a whole build writes it. */
  private record Indexed(
      TestSite site,
      ResolvedSite before,
      Map<String, byte[]> files,
      Random random,
      List<String> vocabulary) {}

  private Indexed indexed(long seed) throws IOException {
    Random random = new Random(seed);
    List<String> vocabulary = vocabulary(random);
    TestSite site = TestSite.of(dir, articles(random, vocabulary));
    ResolvedSite before = resolve(site);
    return new Indexed(
        site, before, files(SearchIndex.build(before, null, "")), random, vocabulary);
  }

  /** The outputs of the build before, as the build cache's records and the output folder hold. */
  private static final class Previous implements OutputReuse {
    final Map<String, byte[]> bytes = new HashMap<>();
    final Map<String, String> records = new HashMap<>();

    Previous(Map<String, byte[]> files) {
      bytes.putAll(files);
      for (var e : files.entrySet()) {
        records.put(
            e.getKey(),
            e.getKey().equals("search.json")
                ? "the index's fingerprint"
                : TAG + FingerprintDigest.ofBytes(e.getValue()));
      }
    }

    @Override
    public String inputKey(ParsedPage page) {
      return null;
    }

    @Override
    public boolean keep(String path, String fingerprint) {
      return false;
    }

    @Override
    public void made(String path, String fingerprint) {}

    @Override
    public String untouched(String path) {
      return records.get(path);
    }

    @Override
    public byte[] previousBytes(String path) {
      return records.containsKey(path) ? bytes.get(path) : null;
    }
  }

  /** The site parsed and resolved, its bodies kept in memory (nothing rendered, no cache). */
  private static ResolvedSite resolve(TestSite site) throws IOException {
    ResolvedSite resolved =
        Pipeline.build(new BuildOptions(site.root(), null, false, TestSite.TODAY, false, null))
            .site();
    assertThat(resolved).isNotNull();
    return resolved;
  }

  /** Every file of an index, as a build writes them: the parts and {@code search.json}. */
  private static Map<String, byte[]> files(SearchIndex.Built index) {
    Map<String, byte[]> out = new TreeMap<>();
    for (RenderedPage p : index.parts()) out.put(p.path(), p.bytes());
    out.put(
        "search.json",
        (Json.write(index.contents(), false) + "\n").getBytes(StandardCharsets.UTF_8));
    return out;
  }

  private static Map<String, String> strings(Map<String, byte[]> files) {
    Map<String, String> out = new TreeMap<>();
    files.forEach((k, v) -> out.put(k, new String(v, StandardCharsets.UTF_8)));
    return out;
  }

  /** Sixty articles of random words, with no declarations (their documents are the articles'). */
  private static String articles(Random random, List<String> vocabulary) {
    StringBuilder spec = new StringBuilder("-- sourced.yaml --\ntitle: Words\n");
    for (int a = 0; a < 60; a++) {
      spec.append("-- content/a")
          .append(a)
          .append(".md --\n---\ntitle: Article ")
          .append(a)
          .append("\ndate: 2021-03-")
          .append(String.format("%02d", 1 + a % 28))
          .append("\n---\n");
      for (int w = 0; w < 300; w++) {
        spec.append(vocabulary.get(random.nextInt(vocabulary.size())))
            .append(w % 12 == 11 ? ".\n\n" : " ");
      }
      spec.append("\n");
    }
    return spec.toString();
  }

  /**
   * Takes some words out of a body (every use of each) and adds others: known ones, new ones, and
   * ones that sort before or after every word.
   */
  private static void editProse(Path file, Random random, List<String> vocabulary)
      throws IOException {
    String text = Files.readString(file);
    int body = text.indexOf("\n---\n", 4) + 5;
    String head = text.substring(0, body);
    String prose = text.substring(body);
    String[] words = prose.split("[^a-z]+");
    for (int i = 0; i < random.nextInt(6); i++) {
      String w = words[random.nextInt(words.length)];
      if (!w.isEmpty()) prose = prose.replaceAll("\\b" + w + "\\b", "");
    }
    StringBuilder added = new StringBuilder("\n\n");
    int n = random.nextInt(4) == 0 ? 200 : random.nextInt(20);
    for (int i = 0; i < n; i++) {
      String w =
          switch (random.nextInt(5)) {
            case 0 -> word(random);
            case 1 -> "aaa" + word(random);
            case 2 -> "zzz" + word(random);
            default -> vocabulary.get(random.nextInt(vocabulary.size()));
          };
      added.append(w).append(' ');
    }
    Files.writeString(file, head + prose + added.toString().strip() + ".\n");
  }

  /** Five thousand random words, for articles made of them. */
  private static List<String> vocabulary(Random random) {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < 5000; i++) words.add(word(random));
    return words;
  }

  private static String word(Random random) {
    StringBuilder b = new StringBuilder();
    int n = 3 + random.nextInt(8);
    for (int i = 0; i < n; i++) b.append((char) ('a' + random.nextInt(26)));
    return b.toString();
  }
}
