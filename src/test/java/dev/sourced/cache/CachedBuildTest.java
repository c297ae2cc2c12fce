package dev.sourced.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.pipeline.BuildOptions;
import dev.sourced.pipeline.BuildResult;
import dev.sourced.pipeline.Pipeline;
import dev.sourced.render.Theme;
import dev.sourced.testing.TestSite;
import dev.sourced.testing.Trees;
import dev.sourced.write.FileStamp;
import dev.sourced.write.SiteWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache can never make a page wrong: after random sequences of edits (prose, a fact's value, a
 * renamed, deleted or added article, a template, sourced.yaml, a file touched without a change, an
 * output file changed or added by hand, nothing at all), a build in a fresh pipeline with the build
 * cache writes exactly the files and folders a clean build without it writes, or fails with exactly
 * its diagnostics. Every file whose bytes did not change keeps its inode and modification time.
 * Some builds are killed (simulated) while renaming their changed files into place; the next one
 * finishes the site first and says so.
 */
class CachedBuildTest {
  @TempDir Path dir;

  static final String SITE =
      """
      -- sourced.yaml --
      title: {en: "Cached", nl: "Gecachet"}
      base_url: https://example.org/
      languages: [en, nl]
      -- content/_data/shared.yaml --
      sources:
        s0: {title: Shared report, publisher: Agency, date: 2021-01-01, url: "https://example.org/s0"}
      facts:
        shared:
          label: Shared figure
          value: 1200
          unit: people
          as_of: 2021-01-01
          sources: [s0]
      -- content/a.md --
      ---
      title: A
      date: 2021-03-09
      tags: [one]
      sources:
        s1: {title: Report, publisher: Europol, date: 2021-03-10, url: "https://example.org/r"}
      facts:
        users:
          label: {en: Users, nl: Gebruikers}
          value: 70000
          approx: true
          unit: users
          as_of: 2021-03-09
          sources: [s1]
      claims:
        c1:
          claim: Everyone used it
          claimant: A spokesman
          date: 2021-03-10
          verdict: false
          explanation: Far fewer did.
          sources: [s1]
      ---
      Police read {{fact:users}} accounts [@s1]. See {{fact:shared}}.

      {{factbox:users}}

      {{claim:c1}}
      -- content/a.nl.md --
      ---
      title: A in het Nederlands
      date: 2021-03-09
      ---
      De politie las {{fact:users}} accounts [@s1].
      -- content/b.md --
      ---
      title: B
      date: 2021-03-10
      tags: [one, two]
      ---
      Elsewhere, {{fact:users}} again [@s0].
      -- content/notes/_index.md --
      ---
      title: Notes
      ---
      The notes section.
      -- content/notes/c.md --
      ---
      title: C
      date: 2021-04-01
      tags: [two]
      ---
      A note on {{fact:shared}} [@s0].
      """;

  static final String NOTHING_CHANGED = "nothing changed since the last build into ";

  /** Builds that found nothing changed since the last one, over all sequences. */
  private int shortCircuits;

  /** Builds after an edit of prose alone that took the quick way, over all sequences. */
  private int quickBuilds;

  /** Builds after an edit of a fact's value that took the quick way, over all sequences. */
  private int quickFactBuilds;

  /** Whether the last build of the sequence wrote its site. */
  private boolean lastWritten;

  @Test
  void randomEditSequencesGiveWhatACleanBuildGives() throws IOException {
    for (int seed = 1; seed <= 6; seed++) {
      Path root = dir.resolve("seed" + seed);
      TestSite site = TestSite.of(root, SITE);
      Path out = root.resolve("out");
      Path cache = root.resolve("cache");
      Random random = new Random(seed);
      List<String> done = new ArrayList<>();
      lastWritten = false;
      compare(site, out, cache, seed, done, random);
      for (int step = 0; step < 7; step++) {
        done.add(randomEdit(site, random, step));
        compare(site, out, cache, seed, done, random);
      }
    }
    // The fast ways are taken, and checked against a clean build, in these sequences too.
    assertThat(shortCircuits).isPositive();
    assertThat(quickBuilds).isPositive();
    assertThat(quickFactBuilds).isPositive();
  }

  private String randomEdit(TestSite site, Random random, int step) throws IOException {
    Path content = site.root().resolve("content");
    List<Path> articles = articles(content);
    Path pick = articles.get(random.nextInt(articles.size()));
    Path out = site.root().resolve("out");
    switch (random.nextInt(11)) {
      case 8 -> {
        // Touched: the same bytes with a new time.
        Files.setLastModifiedTime(
            pick, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 1000));
        return "touch " + pick.getFileName();
      }
      case 9 -> {
        if (!Files.isDirectory(out)) return "nothing";
        List<Path> files;
        try (Stream<Path> walk = Files.walk(out)) {
          files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        Path f = files.get(random.nextInt(files.size()));
        if (random.nextBoolean()) {
          Files.writeString(f.resolveSibling("stray-" + step + ".txt"), "not the build's");
          return "stray file beside " + out.relativize(f);
        }
        byte[] bytes = Files.readAllBytes(f);
        if (bytes.length == 0) return "nothing";
        bytes[random.nextInt(bytes.length)] ^= 0x01;
        Files.write(f, bytes);
        return "output " + out.relativize(f) + " changed by hand";
      }
      case 10 -> {
        return "nothing";
      }
      case 0, 1 -> {
        // Half of them with a figure that has no fact: a warning, which a build after an edit of
        // prose alone says again of the files it did not read, and anew of the one it did.
        String figure = random.nextBoolean() ? " Some " + (4000 + step) + " people came." : "";
        append(pick, "\nMore prose, step " + step + "." + figure + "\n");
        return "text of " + pick.getFileName();
      }
      case 2 -> {
        replace(content.resolve("a.md"), "value: \\d+", "value: " + (1000 + random.nextInt(90000)));
        return "fact users";
      }
      case 3 -> {
        replace(
            content.resolve("_data/shared.yaml"),
            "value: \\d+",
            "value: " + (10 + random.nextInt(5000)));
        return "fact shared";
      }
      case 4 -> {
        if (pick.getFileName().toString().startsWith("_index") || pick.endsWith("a.md")) {
          return "nothing";
        }
        Path to = pick.resolveSibling("renamed-" + step + ".md");
        Files.move(pick, to);
        return "rename " + pick.getFileName();
      }
      case 5 -> {
        if (pick.endsWith("a.md")) return "nothing";
        Files.delete(pick);
        return "delete " + pick.getFileName();
      }
      case 6 -> {
        Files.writeString(
            content.resolve("new-" + step + ".md"),
            "---\ntitle: New "
                + step
                + "\ndate: 2021-05-0"
                + (1 + step % 9)
                + "\ntags: [one]\n---\nNew text with {{fact:users}} [@s1].\n");
        return "add new-" + step;
      }
      default -> {
        if (random.nextBoolean()) {
          Path t = site.root().resolve("templates/article.ftlh");
          Files.createDirectories(t.getParent());
          Files.writeString(
              t,
              new String(Theme.read("article.ftlh"), StandardCharsets.UTF_8)
                  + "<#-- step "
                  + step
                  + " -->\n<!-- theme edit "
                  + step
                  + " -->\n");
          return "template";
        }
        replace(site.root().resolve("sourced.yaml"), "Cached[^\"]*", "Cached " + step);
        return "sourced.yaml";
      }
    }
  }

  private void compare(
      TestSite site, Path out, Path cache, int seed, List<String> done, Random random)
      throws IOException {
    Map<String, String> beforeFiles = Files.isDirectory(out) ? tree(out) : Map.of();
    Map<String, FileStamp> beforeStamps = stamps(out);
    BuildOptions options = new BuildOptions(site.root(), out, false, TestSite.TODAY, true, cache);
    boolean killed = false;
    BuildResult before = null;
    if (random.nextInt(3) == 0) {
      // A build killed after a few steps of its journal (if it commits in place).
      SiteWriter.simulateKillAfter(random.nextInt(4));
      try {
        before = Pipeline.build(options);
      } catch (SiteWriter.SimulatedKill k) {
        killed = true;
        done.add("killed");
      } finally {
        SiteWriter.simulateKillAfter(-1);
      }
    }
    BuildResult cached = Pipeline.build(options);
    Path clean = dir.resolve("clean-" + System.nanoTime());
    BuildResult expected =
        Pipeline.build(new BuildOptions(site.root(), clean, false, TestSite.TODAY, true, null));
    String what = "seed " + seed + " after " + done;
    assertThat(cached.diagnostics()).as(what).isEqualTo(expected.diagnostics());
    assertThat(cached.failed()).as(what).isEqualTo(expected.failed());
    assertThat(cached.notes()).as(what).doesNotContainAnyElementsOf(List.of("damaged"));
    boolean unchanged = cached.notes().stream().anyMatch(n -> n.startsWith(NOTHING_CHANGED));
    if (unchanged) shortCircuits++;
    if (!unchanged && cached.written() && BuildCacheTest.tookTheQuickWay(cache)) {
      quickBuilds++;
      if (!done.isEmpty() && done.get(done.size() - 1).equals("fact users")) quickFactBuilds++;
    }
    boolean nothing = !done.isEmpty() && done.get(done.size() - 1).equals("nothing");
    if (before != null) {
      // The build that was to be killed was not (it did not commit in place): it is the last.
      assertThat(unchanged).as(what + ": built just before").isEqualTo(before.written());
    } else if (!killed && nothing && lastWritten) {
      assertThat(unchanged).as(what + ": nothing changed, and the build says so").isTrue();
    } else if (!nothing || killed) {
      assertThat(unchanged).as(what + ": something changed").isFalse();
    }
    lastWritten = cached.written();
    if (killed) {
      assertThat(cached.notes()).as(what).anyMatch(n -> n.contains("from its journal"));
    }
    if (!expected.failed()) {
      assertThat(tree(out)).as(what).isEqualTo(tree(clean));
      assertThat(Trees.fingerprint(out)).as(what).isEqualTo(Trees.fingerprint(clean));
      assertThat(Trees.names(out.getParent())).as(what).noneMatch(n -> n.startsWith(".out."));
      Map<String, FileStamp> after = stamps(out);
      Map<String, String> afterFiles = tree(out);
      for (var e : beforeFiles.entrySet()) {
        if (e.getValue().equals(afterFiles.get(e.getKey()))) {
          assertThat(after.get(e.getKey()))
              .as(what + ": the unchanged " + e.getKey() + " keeps its inode and time")
              .isEqualTo(beforeStamps.get(e.getKey()));
        }
      }
    }
  }

  private static Map<String, FileStamp> stamps(Path root) throws IOException {
    Map<String, FileStamp> out = new TreeMap<>();
    if (!Files.isDirectory(root)) return out;
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(p).toString().replace('\\', '/'), FileStamp.of(p));
      }
    }
    return out;
  }

  private static List<Path> articles(Path content) throws IOException {
    try (Stream<Path> walk = Files.walk(content)) {
      return walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
  }

  private static void append(Path p, String text) throws IOException {
    Files.writeString(p, Files.readString(p) + text);
  }

  private static void replace(Path p, String regex, String to) throws IOException {
    Files.writeString(p, Files.readString(p).replaceFirst(regex, to));
  }

  /** Every file under a folder, by relative path, with its bytes (one char per byte). */
  static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(
            root.relativize(p).toString().replace('\\', '/'),
            new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
      }
    }
    return files;
  }
}
