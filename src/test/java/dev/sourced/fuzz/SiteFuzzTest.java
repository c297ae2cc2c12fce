package dev.sourced.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sourced.build.BuildResult;
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
 * Fuzzes whole builds of small sites put together from fuzzer-chosen pieces: settings (locale,
 * base URL with a sub-path, raw HTML, stale_after), one to four articles (plain or bundles, with
 * slugs, drafts, tags, sources, facts with one or several values, claims, corrections), an
 * optional data file and template, and bodies mixing the fact syntax with Markdown and free
 * text. IDs are drawn from small pools, so duplicates, unknown IDs and unused declarations all
 * happen. The build must return a result and never throw; it writes exactly when it reports no
 * error; every diagnostic points inside its file.
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
  private static final String[] SOURCES = {"s1", "s2", "s3", "eu.rep_2021-03"};
  private static final String[] FACTS = {"f1", "f2", "f3", "sky.users_v2"};
  private static final String[] CLAIMS = {"c1", "c2"};
  private static final String[] DATES = {"2021-03-09", "2020-01-01", "2026-11-20", "2024-02-29"};
  private static final String[] UNITS = {"users", "EUR", "%", "$", ""};
  private static final String[] QUALIFIERS = {"about", "more-than", "less-than", "at-least",
      "up-to", "exact"};
  private static final String[] VERDICTS = {"true", "mostly-true", "mixed", "mostly-false",
      "false", "unproven"};
  private static final String[] NAMES = {"a", "b", "sky-ecc", "facts", "nested/c"};
  private static final String[] TEMPLATES = {
      "<#import \"base.ftlh\" as base><@base.layout>${article.body}</@base.layout>",
      "<#if>", "${nothing.here}", "<#list 1..3 as i>${i}</#list>"};

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
    write(root, "sourced.yaml", config(data));
    if (data.consumeInt(0, 3) == 0) {
      write(root, "content/_data/shared.yaml", declarations(data, ""));
    }
    if (data.consumeInt(0, 7) == 0) {
      write(root, "templates/article.ftlh", data.pickValue(TEMPLATES));
    }
    int articles = data.consumeInt(1, 4);
    for (int i = 0; i < articles; i++) {
      String name = data.pickValue(NAMES);
      String text = article(data);
      if (data.consumeBoolean()) {
        write(root, "content/" + name + "/index.md", text);
        Files.write(root.resolve("content/" + name + "/chart.png"), new byte[] {(byte) 0x89, 'P'});
      } else {
        write(root, "content/" + name + ".md", text);
      }
    }

    BuildResult result = TestSite.at(root, dir.resolve("out")).build();
    assertThat(result).isNotNull();
    assertThat(result.written()).as("written exactly when there is no error: "
        + result.diagnostics()).isEqualTo(!result.failed());
    FuzzChecks.positionsInside(result.diagnostics(), result.sourceTexts()::get);
  }

  private static String config(FuzzedDataProvider data) {
    StringBuilder c = new StringBuilder("title: ").append(quote(data.consumeString(30))).append('\n');
    c.append("base_url: ")
        .append(data.pickValue(new String[] {"https://example.org/", "https://example.org/sub/",
            "http://localhost:8080/a/b", "ftp://x"}))
        .append('\n');
    c.append("locale: ").append(data.pickValue(new String[] {"en", "nl", "de"})).append('\n');
    c.append("stale_after: ").append(data.consumeInt(-1, 4000)).append('\n');
    c.append("raw_html: ").append(data.consumeBoolean()).append('\n');
    return c.toString();
  }

  private static String article(FuzzedDataProvider data) {
    StringBuilder a = new StringBuilder("---\n");
    a.append("title: ").append(quote(data.consumeString(40))).append('\n');
    if (data.consumeBoolean()) a.append("summary: ").append(quote(data.consumeString(60))).append('\n');
    a.append("date: ").append(data.pickValue(DATES)).append('\n');
    if (data.consumeInt(0, 3) == 0) a.append("updated: ").append(data.pickValue(DATES)).append('\n');
    if (data.consumeInt(0, 5) == 0) a.append("draft: true\n");
    if (data.consumeInt(0, 4) == 0) a.append("slug: ").append(quote(data.consumeString(15))).append('\n');
    if (data.consumeBoolean()) {
      a.append("tags: [").append(quote(data.consumeString(12))).append(", policing]\n");
    }
    a.append(declarations(data, ""));
    if (data.consumeInt(0, 3) == 0) {
      a.append("corrections:\n  - {date: ").append(data.pickValue(DATES)).append(", text: ")
          .append(quote(data.consumeString(30))).append("}\n");
    }
    a.append("---\n");
    int parts = data.consumeInt(0, 12);
    for (int i = 0; i < parts; i++) a.append(bodyPart(data));
    return a.append('\n').toString();
  }

  /** {@code sources:}, {@code facts:} and {@code claims:} with IDs drawn from small pools. */
  private static String declarations(FuzzedDataProvider data, String indent) {
    StringBuilder d = new StringBuilder();
    int sources = data.consumeInt(0, 3);
    if (sources > 0) d.append(indent).append("sources:\n");
    for (int i = 0; i < sources; i++) {
      d.append(indent).append("  ").append(data.pickValue(SOURCES)).append(": {title: ")
          .append(quote(data.consumeString(20))).append(", publisher: Europol, date: ")
          .append(data.pickValue(DATES)).append(", url: \"https://example.org/")
          .append(i).append("\"}\n");
    }
    int facts = data.consumeInt(0, 3);
    if (facts > 0) d.append(indent).append("facts:\n");
    for (int i = 0; i < facts; i++) {
      d.append(indent).append("  ").append(data.pickValue(FACTS)).append(":\n");
      String in = indent + "    ";
      d.append(in).append("label: ").append(quote(data.consumeString(20))).append('\n');
      if (data.consumeBoolean()) {
        d.append(in).append("value: ").append(number(data)).append('\n');
        d.append(in).append("sources: [").append(data.pickValue(SOURCES)).append("]\n");
        if (data.consumeBoolean()) d.append(in).append("approx: true\n");
      } else {
        int values = data.consumeInt(1, 3);
        d.append(in).append("values:\n");
        for (int v = 0; v < values; v++) {
          d.append(in).append("  - {").append(data.consumeInt(0, 5) == 0
                  ? "text: " + quote(data.consumeString(15)) : "value: " + number(data))
              .append(", source: ").append(data.pickValue(SOURCES)).append(", scope: ")
              .append(quote(data.consumeString(15))).append("}\n");
        }
        d.append(in).append("use: ").append(data.consumeInt(-1, values)).append('\n');
        if (data.consumeBoolean()) d.append(in).append("status: disputed\n");
        if (data.consumeBoolean()) d.append(in).append("note: ").append(quote(data.consumeString(20))).append('\n');
      }
      d.append(in).append("unit: ").append(quote(data.pickValue(UNITS))).append('\n');
      if (data.consumeBoolean()) d.append(in).append("format: compact\n");
      if (data.consumeBoolean()) d.append(in).append("qualifier: ").append(data.pickValue(QUALIFIERS)).append('\n');
      if (data.consumeBoolean()) d.append(in).append("as_of: ").append(data.pickValue(DATES)).append('\n');
    }
    int claims = data.consumeInt(0, 2);
    if (claims > 0) d.append(indent).append("claims:\n");
    for (int i = 0; i < claims; i++) {
      d.append(indent).append("  ").append(data.pickValue(CLAIMS)).append(": {claim: ")
          .append(quote(data.consumeString(30))).append(", claimant: ")
          .append(quote(data.consumeString(10))).append(", date: ").append(data.pickValue(DATES))
          .append(", verdict: ").append(data.pickValue(VERDICTS)).append(", sources: [")
          .append(data.pickValue(SOURCES)).append("]}\n");
    }
    return d.toString();
  }

  private static String number(FuzzedDataProvider data) {
    return switch (data.consumeInt(0, 3)) {
      case 0 -> Long.toString(data.consumeLong(-5_000_000_000L, 5_000_000_000_000L));
      case 1 -> data.consumeInt(0, 100_000) + "." + data.consumeInt(0, 999);
      case 2 -> "70000";
      default -> quote(data.consumeString(8));
    };
  }

  private static String bodyPart(FuzzedDataProvider data) {
    String fact = data.pickValue(FACTS);
    return switch (data.consumeInt(0, 11)) {
      case 0 -> "Police read {{fact:" + fact + "}} accounts. ";
      case 1 -> "\n\n{{factbox:" + fact + "}}\n\n";
      case 2 -> "\n\n{{claim:" + data.pickValue(CLAIMS) + "}}\n\n";
      case 3 -> " [@" + data.pickValue(SOURCES) + "]";
      case 4 -> " [@" + data.pickValue(SOURCES) + "; @" + data.pickValue(SOURCES) + "]";
      case 5 -> "\n\n## " + data.consumeString(20) + "\n\n";
      case 6 -> " [see](/" + data.pickValue(NAMES) + "/#fact-" + fact + ") ";
      case 7 -> " `{{fact:" + fact + "}}` \\{{fact:x}} ";
      case 8 -> "\n\n- " + data.consumeString(20) + " {{fact:" + fact + "}}\n\n";
      case 9 -> "\n\n| a | b |\n|---|---|\n| {{fact:" + fact + "}} | 12 % |\n\n";
      case 10 -> "![{{fact:" + fact + "}}](chart.png) <b>raw</b> ";
      default -> data.consumeString(80);
    };
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
