package dev.sourced.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sourced.pipeline.BuildResult;
import dev.sourced.testing.TestSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes whole builds of small sites put together from fuzzer-chosen pieces: settings (locale, base
 * URL with a sub-path, raw HTML, stale_after), one to four articles (plain or bundles, with slugs,
 * drafts, tags, sources, facts with one or several values, claims, corrections), an optional data
 * file and template, and bodies mixing the fact syntax with Markdown and free text. IDs are drawn
 * from small pools, so duplicates, unknown IDs and unused declarations all happen. Choices are
 * ordered so that running out of input gives the plain case (no draft, no slug, no template), as
 * the fuzzer's data provider then returns zeros. The build must return a result and never throw; it
 * writes exactly when it reports no error; every diagnostic points inside its file.
 *
 * <p>A plain {@code mvn test} replays the saved inputs in {@code
 * src/test/resources/dev/sourced/fuzz/SiteFuzzTestInputs/wholeSite/}. To fuzz (one fuzz test per
 * run; crashes are saved into that folder, keep them as regression inputs):
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn test -Dtest=SiteFuzzTest#wholeSite -Djazzer.max_duration=30m \
 *     -Djazzer.instrument='dev.sourced.**,org.yaml.snakeyaml.**,org.commonmark.**'
 * </pre>
 */
class SiteFuzzTest {
  private static final String[] SOURCES = {"s1", "s2", "s3", "s4", "s5", "eu.rep_2021-03"};
  private static final String[] FACTS = {"f1", "f2", "f3", "f4", "f5", "sky.users_v2"};
  private static final String[] CLAIMS = {"c1", "c2", "c3"};
  private static final String[] DATES = {"2021-03-09", "2020-01-01", "2026-11-20", "2024-02-29"};
  private static final String[] UNITS = {"users", "EUR", "%", "$", ""};
  private static final String[] QUALIFIERS = {
    "about", "more-than", "less-than", "at-least", "up-to", "exact"
  };
  private static final String[] VERDICTS = {
    "true", "mostly-true", "mixed", "mostly-false", "false", "unproven"
  };
  private static final String[] NAMES = {"a", "b", "sky-ecc", "facts", "nested/c"};
  private static final String[] TEMPLATES = {
    "<#import \"base.ftlh\" as base><@base.layout>${article.body}</@base.layout>",
    "<#if>",
    "${nothing.here}",
    "<#list 1..3 as i>${i}</#list>"
  };

  @TempDir static Path dir;

  @BeforeAll
  static void replayQuickly() {
    FuzzChecks.fastReplay();
  }

  @FuzzTest(maxDuration = "2m")
  void wholeSite(FuzzedDataProvider data) throws IOException {
    Path root = dir.resolve("site");
    delete(root);
    Files.createDirectories(root.resolve("content"));
    Declared declared = new Declared(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    write(root, "sourced.yaml", config(data));
    if (data.consumeInt(0, 3) == 3) {
      write(root, "content/_data/shared.yaml", declarations(data, 2, declared));
    }
    if (data.consumeInt(0, 7) == 7) {
      write(root, "templates/article.ftlh", data.pickValue(TEMPLATES));
    }
    int articles = data.consumeInt(1, 4);
    for (int i = 0; i < articles; i++) {
      String name = data.pickValue(NAMES);
      String text = article(data, 3 * i, declared);
      if (data.consumeBoolean()) {
        write(root, "content/" + name + "/index.md", text);
        Files.write(root.resolve("content/" + name + "/chart.png"), new byte[] {(byte) 0x89, 'P'});
      } else {
        write(root, "content/" + name + ".md", text);
      }
    }

    BuildResult result = TestSite.at(root, dir.resolve("out")).build();
    assertThat(result).isNotNull();
    assertThat(result.written())
        .as("written exactly when there is no error: " + result.diagnostics())
        .isEqualTo(!result.failed());
    FuzzChecks.positionsInside(result.diagnostics(), result.sourceText());
  }

  private static String config(FuzzedDataProvider data) {
    StringBuilder c = new StringBuilder();
    line(c, "title", quote(data.consumeString(30)));
    c.append("base_url: ")
        .append(
            data.pickValue(
                new String[] {
                  "https://example.org/",
                  "https://example.org/sub/",
                  "http://localhost:8080/a/b",
                  "https://example.org/",
                  "ftp://x"
                }))
        .append('\n');
    line(c, "locale", data.pickValue(new String[] {"en", "nl", "en", "nl", "de"}));
    line(c, "stale_after", Integer.toString(data.consumeInt(-1, 4000)));
    line(c, "raw_html", Boolean.toString(data.consumeBoolean()));
    return c.toString();
  }

  private static String article(FuzzedDataProvider data, int offset, Declared declared) {
    StringBuilder a = new StringBuilder("---\n");
    line(a, "title", quote(data.consumeString(40)));
    if (data.consumeBoolean()) line(a, "summary", quote(data.consumeString(60)));
    line(a, "date", data.pickValue(DATES));
    if (data.consumeInt(0, 3) == 3) line(a, "updated", data.pickValue(DATES));
    if (data.consumeInt(0, 5) == 5) line(a, "draft", "true");
    if (data.consumeInt(0, 4) == 4) line(a, "slug", quote(data.consumeString(15)));
    if (data.consumeBoolean()) {
      a.append("tags: [").append(quote(data.consumeString(12))).append(", policing]\n");
    }
    a.append(declarations(data, offset, declared));
    if (data.consumeInt(0, 3) == 3) {
      a.append("corrections:\n  - {date: ")
          .append(data.pickValue(DATES))
          .append(", text: ")
          .append(quote(data.consumeString(30)))
          .append("}\n");
    }
    a.append("---\n");
    int parts = data.consumeInt(0, 12);
    for (int i = 0; i < parts; i++) a.append(bodyPart(data, declared));
    return a.append('\n').toString();
  }

  /**
   * {@code sources:}, {@code facts:} and {@code claims:} with IDs from small pools: mostly the
   * file's own run of them (from {@code offset}), sometimes any (a duplicate).
   */
  private static String declarations(FuzzedDataProvider data, int offset, Declared declared) {
    String indent = "";
    StringBuilder d = new StringBuilder();
    int sources = data.consumeInt(0, 3);
    if (sources > 0) d.append(indent).append("sources:\n");
    for (int i = 0; i < sources; i++) {
      d.append(indent)
          .append("  ")
          .append(id(data, SOURCES, offset + i, declared.sources()))
          .append(": {title: ")
          .append(quote(data.consumeString(20)))
          .append(", publisher: Europol, date: ")
          .append(data.pickValue(DATES))
          .append(", url: \"https://example.org/")
          .append(i)
          .append("\"}\n");
    }
    int facts = data.consumeInt(0, 3);
    if (facts > 0) d.append(indent).append("facts:\n");
    for (int i = 0; i < facts; i++) {
      d.append(indent)
          .append("  ")
          .append(id(data, FACTS, offset + i, declared.facts()))
          .append(":\n");
      String in = indent + "    ";
      d.append(in).append("label: ").append(quote(data.consumeString(20))).append('\n');
      if (data.consumeBoolean()) {
        d.append(in).append("value: ").append(number(data)).append('\n');
        d.append(in)
            .append("sources: [")
            .append(use(data, SOURCES, declared.sources()))
            .append("]\n");
        if (data.consumeBoolean()) d.append(in).append("approx: true\n");
      } else {
        int values = data.consumeInt(1, 3);
        d.append(in).append("values:\n");
        for (int v = 0; v < values; v++) {
          d.append(in)
              .append("  - {")
              .append(
                  data.consumeInt(0, 5) == 5
                      ? "text: " + quote(data.consumeString(15))
                      : "value: " + number(data))
              .append(", source: ")
              .append(use(data, SOURCES, declared.sources()))
              .append(", scope: ")
              .append(quote(data.consumeString(15)))
              .append("}\n");
        }
        d.append(in).append("use: ").append(data.consumeInt(-1, values)).append('\n');
        if (data.consumeBoolean()) d.append(in).append("status: disputed\n");
        if (data.consumeBoolean()) {
          d.append(in).append("note: ").append(quote(data.consumeString(20))).append('\n');
        }
      }
      d.append(in).append("unit: ").append(quote(data.pickValue(UNITS))).append('\n');
      if (data.consumeBoolean()) d.append(in).append("format: compact\n");
      if (data.consumeBoolean()) {
        d.append(in).append("qualifier: ").append(data.pickValue(QUALIFIERS)).append('\n');
      }
      if (data.consumeBoolean()) line(d.append(in), "as_of", data.pickValue(DATES));
    }
    int claims = data.consumeInt(0, 2);
    if (claims > 0) d.append(indent).append("claims:\n");
    for (int i = 0; i < claims; i++) {
      d.append(indent)
          .append("  ")
          .append(id(data, CLAIMS, offset + i, declared.claims()))
          .append(": {claim: ")
          .append(quote(data.consumeString(30)))
          .append(", claimant: ")
          .append(quote(data.consumeString(10)))
          .append(", date: ")
          .append(data.pickValue(DATES))
          .append(", verdict: ")
          .append(data.pickValue(VERDICTS))
          .append(", sources: [")
          .append(use(data, SOURCES, declared.sources()))
          .append("]}\n");
    }
    return d.toString();
  }

  /** The IDs declared so far, which bodies mostly use. */
  private record Declared(List<String> sources, List<String> facts, List<String> claims) {}

  private static String id(FuzzedDataProvider data, String[] pool, int n, List<String> declared) {
    String id = data.consumeInt(0, 9) == 9 ? data.pickValue(pool) : pool[n % pool.length];
    declared.add(id);
    return id;
  }

  /** Mostly an ID declared somewhere in the site, sometimes any of the pool. */
  private static String use(FuzzedDataProvider data, String[] pool, List<String> declared) {
    return declared.isEmpty() || data.consumeInt(0, 7) == 7
        ? data.pickValue(pool)
        : data.pickValue(declared);
  }

  private static String number(FuzzedDataProvider data) {
    return switch (data.consumeInt(0, 3)) {
      case 0 -> Long.toString(data.consumeLong(-5_000_000_000L, 5_000_000_000_000L));
      case 1 -> data.consumeInt(0, 100_000) + "." + data.consumeInt(0, 999);
      case 2 -> "70000";
      default -> quote(data.consumeString(8));
    };
  }

  private static String bodyPart(FuzzedDataProvider data, Declared declared) {
    String fact = use(data, FACTS, declared.facts());
    return switch (data.consumeInt(0, 11)) {
      case 0 -> "Police read {{fact:" + fact + "}} accounts. ";
      case 1 -> "\n\n{{factbox:" + fact + "}}\n\n";
      case 2 -> "\n\n{{claim:" + use(data, CLAIMS, declared.claims()) + "}}\n\n";
      case 3 -> " [@" + use(data, SOURCES, declared.sources()) + "]";
      case 4 ->
          " [@"
              + use(data, SOURCES, declared.sources())
              + "; @"
              + use(data, SOURCES, declared.sources())
              + "]";
      case 5 -> "\n\n## " + data.consumeString(20) + "\n\n";
      case 6 -> " [see](/" + data.pickValue(NAMES) + "/#fact-" + fact + ") ";
      case 7 -> " `{{fact:" + fact + "}}` \\{{fact:x}} ";
      case 8 -> "\n\n- " + data.consumeString(20) + " {{fact:" + fact + "}}\n\n";
      case 9 -> "\n\n| a | b |\n|---|---|\n| {{fact:" + fact + "}} | 12 % |\n\n";
      case 10 -> "![{{fact:" + fact + "}}](chart.png) <b>raw</b> ";
      default -> data.consumeString(80);
    };
  }

  private static void line(StringBuilder b, String key, String value) {
    b.append(key).append(": ").append(value).append('\n');
  }

  /** A YAML double-quoted scalar holding exactly {@code s}. */
  private static String quote(String s) {
    StringBuilder q = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') q.append('\\').append(c);
      else if (c < 0x20 || c >= 0x7f) q.append(String.format("\\u%04x", (int) c));
      else q.append(c);
    }
    return q.append('"').toString();
  }

  private static void write(Path root, String relative, String text) throws IOException {
    Path p = root.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  private static void delete(Path p) throws IOException {
    if (!Files.exists(p)) return;
    List<Path> all = new ArrayList<>();
    try (Stream<Path> s = Files.walk(p)) {
      s.sorted(Comparator.reverseOrder()).forEach(all::add);
    }
    for (Path x : all) Files.delete(x);
  }
}
