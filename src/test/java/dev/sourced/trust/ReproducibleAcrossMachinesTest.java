package dev.sourced.trust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.Trees;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same sources give the same bytes whatever machine builds them: the example site (the project
 * root) is built in child JVMs that differ in time zone ({@code TZ}), locale ({@code LANG} and
 * {@code -Duser.language/-Duser.country}), the platform charset that follows from {@code LANG}
 * ({@code C} makes Java 17 read and write file names as ASCII), and thread count ({@code
 * -Dsourced.threads} and {@code -XX:ActiveProcessorCount}). Every file of every output must equal
 * the first build's.
 *
 * <p>Only the {@code C}, {@code C.UTF-8} and {@code POSIX} system locales may be installed (as on
 * this machine): an unknown {@code LANG} then falls back to {@code C}, which is itself a case to
 * cover, and Java's locale comes from the {@code -D} options.
 */
class ReproducibleAcrossMachinesTest {
  @TempDir Path tmp;

  /** A machine: environment variables and JVM options. */
  record Machine(
      String name, String tz, String lang, String language, String country, int threads) {
    ChildJvm jvm(Path logs) {
      ChildJvm j =
          new ChildJvm(logs)
              .env("TZ", tz)
              .env("LANG", lang)
              .env("LC_ALL", lang)
              .jvm("-Dsourced.threads=" + threads, "-XX:ActiveProcessorCount=" + threads);
      if (language != null) j.jvm("-Duser.language=" + language, "-Duser.country=" + country);
      return j;
    }
  }

  static final List<Machine> MACHINES =
      List.of(
          new Machine("utc-en-1thread", "UTC", "C.UTF-8", "en", "US", 1),
          new Machine("auckland-nl-2threads", "Pacific/Auckland", "nl_NL.UTF-8", "nl", "NL", 2),
          new Machine(
              "los-angeles-tr-8threads", "America/Los_Angeles", "tr_TR.UTF-8", "tr", "TR", 8),
          new Machine("kolkata-ar-3threads", "Asia/Kolkata", "ar_SA.UTF-8", "ar", "SA", 3),
          new Machine(
              "kiritimati-ja-16threads", "Pacific/Kiritimati", "ja_JP.UTF-8", "ja", "JP", 16),
          new Machine("posix-c-1thread", "Etc/GMT+12", "C", null, null, 1));

  @Test
  void theExampleSiteIsByteIdenticalOnEveryMachine() throws Exception {
    Path example = Path.of("").toAbsolutePath();
    assertThat(example.resolve("sourced.yaml"))
        .as("the example site at the project root")
        .isRegularFile();
    Map<String, String> first = null;
    List<String> differences = new ArrayList<>();
    for (Machine m : MACHINES) {
      Path out = tmp.resolve("out-" + m.name());
      ChildJvm.Finished f =
          m.jvm(tmp.resolve("logs"))
              .args("build", "--source", example.toString(), "--output", out.toString())
              .run(m.name(), Duration.ofMinutes(3));
      assertThat(f.exit()).as(m + ": " + f).isZero();
      Map<String, String> files = Trees.fingerprint(out);
      if (first == null) {
        first = files;
        assertThat(first).hasSizeGreaterThan(20);
        continue;
      }
      for (String k : union(first, files)) {
        if (!java.util.Objects.equals(first.get(k), files.get(k))) {
          differences.add(
              m.name()
                  + ": "
                  + k
                  + describe(
                      tmp.resolve("out-" + MACHINES.get(0).name()).resolve(k), out.resolve(k)));
        }
      }
    }
    assertThat(differences).as("files that differ from the first machine's build").isEmpty();
  }

  /**
   * A site with a non-ASCII file name (a bundle image {@code café.png}) builds under {@code
   * LANG=C.UTF-8}; under {@code LANG=C} Java 17 cannot spell the name at all, so the JVM run
   * directly gives a diagnostic naming the file and the fix (exit 1, previous output kept), never a
   * crash. The {@code ./sourced} launcher sets a UTF-8 locale itself.
   */
  @Test
  void aNonAsciiFileNameBuildsTheSameUnderAPosixLocale() throws Exception {
    Path site = tmp.resolve("site");
    Files.createDirectories(site.resolve("content/bundle"));
    Files.writeString(site.resolve("sourced.yaml"), "title: T\nbase_url: https://example.org/\n");
    Files.writeString(
        site.resolve("content/bundle/index.md"),
        "---\ntitle: Café\ndate: "
            + "2021-03-09\nsources:\n  s1: {title: R, url: \"https://example.org/r\"}\n---\n"
            + "Cited [@s1]. ![Une tasse](caf\u00e9.png)\n",
        StandardCharsets.UTF_8);
    Files.write(site.resolve("content/bundle/caf\u00e9.png"), new byte[] {(byte) 0x89, 'P', 'N'});
    Map<String, String> first = null;
    for (String lang : List.of("C.UTF-8", "C")) {
      Path out = tmp.resolve("out-" + lang);
      ChildJvm.Finished f =
          new ChildJvm(tmp.resolve("logs"))
              .env("LANG", lang)
              .env("LC_ALL", lang)
              .args("build", "--source", site.toString(), "--output", out.toString())
              .run("nonascii-" + lang, Duration.ofMinutes(2));
      assertThat(f.err())
          .as("LANG=" + lang + ": " + f)
          .doesNotContain("Exception")
          .doesNotContain("\tat ");
      if (lang.equals("C")) {
        assertThat(f.exit()).as("LANG=C: " + f).isEqualTo(1);
        assertThat(f.err())
            .as("LANG=C")
            .contains("content/bundle/caf")
            .contains("error[unreadable]")
            .contains("LC_ALL=C.UTF-8");
        assertThat(Files.exists(out)).as("nothing written under LANG=C").isFalse();
        continue;
      }
      assertThat(f.exit()).as("LANG=" + lang + ": " + f).isZero();
      Map<String, String> files = Trees.fingerprint(out);
      if (first == null) first = files;
      else assertThat(files).as("LANG=" + lang + " against LANG=C.UTF-8").isEqualTo(first);
    }
  }

  private static List<String> union(Map<String, String> a, Map<String, String> b) {
    java.util.TreeSet<String> all = new java.util.TreeSet<>(a.keySet());
    all.addAll(b.keySet());
    return new ArrayList<>(all);
  }

  /** The first differing line of two text files, to make a failure readable. */
  private static String describe(Path a, Path b) {
    try {
      if (!Files.isRegularFile(a) || !Files.isRegularFile(b)) {
        return Files.exists(a) ? " (missing)" : " (extra)";
      }
      List<String> x = Files.readAllLines(a, StandardCharsets.UTF_8);
      List<String> y = Files.readAllLines(b, StandardCharsets.UTF_8);
      for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
        String l = i < x.size() ? x.get(i) : "";
        String r = i < y.size() ? y.get(i) : "";
        if (!l.equals(r)) {
          return " line "
              + (i + 1)
              + ":\n    first: "
              + ChildJvm.clip(l).strip()
              + "\n    here:  "
              + ChildJvm.clip(r).strip();
        }
      }
      return " (same lines, different bytes)";
    } catch (Exception e) {
      return " (binary)";
    }
  }
}
