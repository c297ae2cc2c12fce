package dev.sourced.trust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.Cli;
import dev.sourced.testing.Trees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * SIGKILL at random moments of a real build: a generated site of 2,000 articles (bench gen-corpus,
 * seed 1, about 16 MB of sources and 8,000 output files) is built by a child JVM, which is killed
 * ({@link Process#destroyForcibly}, SIGKILL) at a moment drawn from a seeded random, once in each
 * tenth of a clean build's duration, so the kills fall in every stage: JVM start, loading, parsing,
 * rendering and writing the temporary folder, swapping it in.
 *
 * <p>After each kill the output is either the previous site byte for byte, or the new one whole
 * (equal to a clean build), or, if the kill fell between the two renames of the swap, missing with
 * the previous site set aside whole in {@code .site.sourced-old-*}. The next build (in this JVM)
 * must then succeed, equal a clean build, and leave no {@code .site.sourced-tmp-*} or {@code
 * .site.sourced-old-*} beside the output. Each kill builds the other of two editions of the site
 * (titles differ, so every page differs), so there is always something to replace.
 *
 * <p>The corpus is generated once into {@code /dev/shm} and kept for later runs. {@code
 * -Dtrust.kills=N} and {@code -Dtrust.seed=S} change the number of kills and the seed; what each
 * kill found is written to {@code target/trust/kills.txt}.
 */
class KillDuringBuildTest {
  static final Path GEN =
      Path.of(System.getProperty("trust.genCorpus", "/work/shared/bench/gen-corpus"));
  static final Path SHM =
      Files.isDirectory(Path.of("/dev/shm"))
          ? Path.of("/dev/shm")
          : Path.of(System.getProperty("java.io.tmpdir"));
  static final Path CORPUS = SHM.resolve("sourced-trust-corpus-2000-seed1");

  private Path work;

  @AfterEach
  void cleanUp() {
    if (work != null && Files.exists(work)) Trees.delete(work);
  }

  /** Generates the corpus once (into a temporary sibling, renamed into place when complete). */
  static Path corpus() throws Exception {
    if (Files.exists(CORPUS.resolve(".complete"))) return CORPUS;
    Assumptions.assumeTrue(
        Files.isRegularFile(GEN),
        "skipped: no corpus generator at " + GEN + " (set -Dtrust.genCorpus=PATH)");
    Path part = Files.createTempDirectory(SHM, "sourced-trust-corpus-part-");
    Process p =
        new ProcessBuilder("python3", GEN.toString(), "2000", part.toString(), "--seed", "1")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("gen-corpus finishes").isTrue();
    assertThat(p.exitValue()).as("gen-corpus exit").isZero();
    Files.writeString(
        part.resolve("sourced.yaml"), "title: Corpus\nbase_url: https://example.org/corpus/\n");
    Files.writeString(part.resolve(".complete"), "");
    try {
      Files.move(part, CORPUS, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      Trees.delete(part); // another run made it first
    }
    return CORPUS;
  }

  @Test
  void aBuildKilledAtAnyMomentLeavesTheOldSiteOrTheNewOneAndTheNextBuildCleansUp()
      throws Exception {
    Path corpus = corpus();
    work = Files.createTempDirectory(SHM, "sourced-trust-kill-");
    int kills = Integer.getInteger("trust.kills", 10);
    Random random = new Random(Long.getLong("trust.seed", 20261125L));

    // Two editions: the corpus as generated, and the same with another title on every page.
    Path[] site = {work.resolve("edition-a"), work.resolve("edition-b")};
    Trees.copy(corpus.resolve("content"), site[0].resolve("content"));
    Trees.copy(corpus.resolve("content"), site[1].resolve("content"));
    Files.writeString(
        site[0].resolve("sourced.yaml"),
        "title: Corpus, first edition\nbase_url: https://example.org/corpus/\n");
    Files.writeString(
        site[1].resolve("sourced.yaml"),
        "title: Corpus, second edition\nbase_url: https://example.org/corpus/\n");

    @SuppressWarnings("unchecked")
    Map<String, String>[] clean = new Map[2];
    long[] millis = new long[2];
    for (int e = 0; e < 2; e++) {
      ChildJvm.Finished f =
          child("clean-" + e, site[e], work.resolve("clean-" + e))
              .run("clean-" + e, Duration.ofMinutes(5));
      assertThat(f.exit()).as(f.toString()).isZero();
      clean[e] = Trees.fingerprint(work.resolve("clean-" + e));
      millis[e] = f.millis();
    }
    assertThat(clean[0]).hasSizeGreaterThan(4000).isNotEqualTo(clean[1]);

    Path parent = work.resolve("public");
    Path out = parent.resolve("site");
    Trees.copy(work.resolve("clean-0"), out);
    int current = 0;
    List<String> report = new ArrayList<>();
    report.add(
        "clean builds: "
            + millis[0]
            + " ms and "
            + millis[1]
            + " ms (child JVM, "
            + clean[0].size()
            + " files and folders)");
    // The first child build also warms the page cache; the faster of the two is the better
    // measure of how long a build takes, and kills are spread over it.
    long span = Math.min(millis[0], millis[1]);
    for (int k = 0; k < kills; k++) {
      int next = 1 - current;
      long at = (long) (span * (k + random.nextDouble()) / kills);
      ChildJvm.Started s = child("kill-" + k, site[next], out).start("kill-" + k);
      boolean finished = s.process().waitFor(at, TimeUnit.MILLISECONDS);
      if (!finished) s.process().destroyForcibly().waitFor();
      long killedAt = (System.nanoTime() - s.startNanos()) / 1_000_000;

      List<String> beside = Trees.names(parent).stream().filter(n -> !n.equals("site")).toList();
      String state;
      if (Files.isDirectory(out)) {
        Map<String, String> now = Trees.fingerprint(out);
        state =
            now.equals(clean[current])
                ? "previous site kept"
                : now.equals(clean[next]) ? "new site whole" : null;
        assertThat(state)
            .as(
                "kill %d at %d ms: the output is neither the previous site nor the "
                    + "new one whole; beside it: %s",
                k, killedAt, beside)
            .isNotNull();
      } else {
        Map<String, String> previousSite = clean[current];
        assertThat(beside)
            .as(
                "kill %d at %d ms: the output is missing; the previous site must "
                    + "be set aside whole",
                k, killedAt)
            .anyMatch(
                n ->
                    n.startsWith(".site.sourced-old-")
                        && Trees.fingerprint(parent.resolve(n)).equals(previousSite));
        state = "output missing, previous site set aside whole";
      }
      report.add(
          String.format(
              "kill %d: planned at %d ms, killed at %d ms%s: %s; beside the " + "output: %s",
              k,
              at,
              killedAt,
              finished ? " (had already finished)" : "",
              state,
              beside.isEmpty() ? "nothing" : summarise(beside)));

      Cli again = Cli.run("build", "--source", site[next].toString(), "--output", out.toString());
      assertThat(again.exit()).as("the next build after kill " + k + ": " + again).isZero();
      assertThat(Trees.names(parent))
          .as("no temporary folders after the next build (kill " + k + ")")
          .containsExactly("site");
      assertThat(Trees.fingerprint(out))
          .as("the next build equals a clean one (kill " + k + ")")
          .isEqualTo(clean[next]);
      current = next;
    }
    Path file = Path.of("target/trust/kills.txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", report) + "\n", StandardCharsets.UTF_8);
    System.out.println(String.join("\n", report));
  }

  private static ChildJvm child(String name, Path site, Path out) {
    return new ChildJvm(site.getParent().resolve("logs"))
        .args("build", "--source", site.toString(), "--output", out.toString());
  }

  private static String summarise(List<String> names) {
    List<String> kinds = new ArrayList<>();
    for (String n : names) {
      kinds.add(
          n.startsWith(".site.sourced-tmp-")
              ? "a temporary folder"
              : n.startsWith(".site.sourced-old-") ? "the old site set aside" : n);
    }
    return String.join(", ", kinds);
  }
}
