package dev.sourced.diag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.CpuClock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** "Did you mean": the nearest known name by edit distance, within a typo's reach. */
class SuggestionsTest {

  @Test
  void findsTheNearestName() {
    assertThat(Suggestions.nearest("sky-usres", List.of("sky-users", "sky-servers", "encro")))
        .isEqualTo("sky-users");
    assertThat(Suggestions.nearest("fcat", List.of("fact", "factbox", "claim"))).isEqualTo("fact");
    assertThat(Suggestions.nearest("factbx", List.of("fact", "factbox", "claim")))
        .isEqualTo("factbox");
    assertThat(Suggestions.nearest("cliam", List.of("fact", "factbox", "claim")))
        .isEqualTo("claim");
  }

  @Test
  void anExactMatchIsItsOwnNearest() {
    assertThat(Suggestions.nearest("s1", List.of("s2", "s1", "s3"))).isEqualTo("s1");
  }

  @Test
  void prefersTheSmallerDistanceWhateverTheOrder() {
    List<String> names = new ArrayList<>(List.of("europol-2021", "europol-2023-06", "europa"));
    assertThat(Suggestions.nearest("europol-2022", names)).isEqualTo("europol-2021");
    Collections.reverse(names);
    assertThat(Suggestions.nearest("europol-2022", names)).isEqualTo("europol-2021");
  }

  @Test
  void tiesGoToTheAlphabeticallyFirstWhateverTheOrder() {
    assertThat(Suggestions.nearest("s3", List.of("s2", "s1"))).isEqualTo("s1");
    assertThat(Suggestions.nearest("s3", List.of("s1", "s2"))).isEqualTo("s1");
    assertThat(Suggestions.nearest("b", Set.of("c", "a", "d"))).isEqualTo("a");
  }

  @Test
  void theLimitIsAThirdOfTheNameButAtLeastTwo() {
    // 2 letters: up to 2 edits.
    assertThat(Suggestions.nearest("ab", List.of("xy"))).isEqualTo("xy");
    assertThat(Suggestions.nearest("ab", List.of("xyz"))).isNull();
    // 9 letters: up to 3 edits.
    assertThat(Suggestions.nearest("abcdefghi", List.of("abcdefxyz"))).isEqualTo("abcdefxyz");
    assertThat(Suggestions.nearest("abcdefghi", List.of("abcdewxyz"))).isNull();
    // 12 letters: up to 4 edits, insertions and deletions included.
    assertThat(Suggestions.nearest("abcdefghijkl", List.of("abcdefgh"))).isEqualTo("abcdefgh");
    assertThat(Suggestions.nearest("abcdefghijkl", List.of("abcdefg"))).isNull();
  }

  @Test
  void nothingNearGivesNull() {
    assertThat(Suggestions.nearest("zzz", List.of("f1", "f2"))).isNull();
    assertThat(Suggestions.nearest("anything", List.of())).isNull();
  }

  @Test
  void isCaseSensitive() {
    // One substitution for the capital: still a typo, suggested as written.
    assertThat(Suggestions.nearest("Fact", List.of("fact"))).isEqualTo("fact");
    assertThat(Suggestions.nearest("SKY", List.of("sky"))).isNull();
  }

  @Test
  void hintSaysDidYouMeanOrTheFallback() {
    assertThat(Suggestions.hint("f3", List.of("f1", "f2"), "declare it"))
        .isEqualTo("did you mean \"f1\"?");
    assertThat(Suggestions.hint("zzz", List.of("f1"), "declare it")).isEqualTo("declare it");
  }

  @Test
  void distanceIsLevenshteinAndStopsPastTheLimit() {
    assertThat(Suggestions.distance("kitten", "sitting", 10)).isEqualTo(3);
    assertThat(Suggestions.distance("", "abc", 10)).isEqualTo(3);
    assertThat(Suggestions.distance("abc", "abc", 0)).isZero();
    assertThat(Suggestions.distance("flaw", "lawn", 10)).isEqualTo(2);
    assertThat(Suggestions.distance("kitten", "sitting", 1)).isGreaterThan(1);
  }

  @Test
  void longestIdsAgainstManyCandidatesAreQuick() {
    String a = "x".repeat(200);
    String b = "y".repeat(200);
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) many.add(b);
    long start = CpuClock.thread();
    assertThat(Suggestions.nearest(a, many)).isNull();
    assertThat((CpuClock.thread() - start) / 1_000_000).as("CPU milliseconds").isLessThan(5_000);
  }
}
