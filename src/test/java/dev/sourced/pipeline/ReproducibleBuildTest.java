package dev.sourced.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.TestSite;
import dev.sourced.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two builds of the same site give the same bytes in every file, whatever folder the site or the
 * output is in and whether the output folder is new or holds the previous build.
 */
class ReproducibleBuildTest {
  @TempDir Path tmp;

  static Stream<String> fixtures() {
    return Trees.names(Trees.SITES).stream()
        .filter(n -> !n.equals("broken"))
        .filter(n -> Files.isRegularFile(Trees.SITES.resolve(n).resolve("sourced.yaml")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void twoBuildsAreByteIdentical(String fixture) {
    Path moved = tmp.resolve("elsewhere").resolve("copy-of-" + fixture);
    Trees.copy(Trees.fixture(fixture), moved);

    TestSite first = TestSite.at(Trees.fixture(fixture), tmp.resolve("first"));
    first.build();
    Map<String, String> a = Trees.fingerprint(first.output());
    first.build();
    Map<String, String> again = Trees.fingerprint(first.output());
    TestSite second = TestSite.at(moved, tmp.resolve("other-place").resolve("out"));
    second.build();
    Map<String, String> b = Trees.fingerprint(second.output());

    assertThat(a).hasSizeGreaterThan(10);
    assertThat(again).as("rebuilt over its own output").isEqualTo(a);
    assertThat(b).as("built from another folder into another folder").isEqualTo(a);
  }
}
