package dev.sourced.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.pipeline.BuildResult;
import dev.sourced.testing.TestSite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the documentation honest: every example site in {@code README.md} and {@code docs/*.md} is
 * built by the real pipeline.
 *
 * <p>An example is a fenced block with the info string {@code sourced-site}, holding a whole site
 * in the {@code -- path --} format of {@link TestSite}. It must build with no diagnostics at all,
 * unless the next block (blank lines allowed in between) is a fenced block with the info string
 * {@code diagnostics}: then the build must report exactly those lines, in that order, and nothing
 * else. An example whose expected lines hold no error must also have been written.
 *
 * <p>Fences follow CommonMark: three or more backticks or tildes, closed by a fence of the same
 * character at least as long, so an example can itself hold fenced code, and a block shown inside a
 * longer fence (as a sample of the syntax) is not taken as an example.
 *
 * <p>A second check ties {@code docs/diagnostics.md} to the code: every diagnostic code the sources
 * report has a section there, and every section names a code that exists.
 */
class DocsExamplesTest {
  private static final Path ROOT = Path.of("").toAbsolutePath();
  private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})\\s*([^`\\s]*).*$");
  private static final Pattern DOCUMENTED = Pattern.compile("(?m)^### `([a-z0-9-]+)`");

  @TempDir Path dir;

  /** One example site of the documentation and the diagnostics it is documented to give. */
  record Example(String file, int line, String site, List<String> expected) {
    @Override
    public String toString() {
      return file + ":" + line;
    }
  }

  /** A fenced block: its info word, the file line of its opening fence, and its text. */
  record Block(String info, int line, List<String> lines, int endIndex) {}

  static Stream<Named<Example>> examples() {
    List<Named<Example>> out = new ArrayList<>();
    for (Path doc : documents()) {
      for (Example e : examples(ROOT.relativize(doc).toString().replace('\\', '/'), read(doc))) {
        out.add(Named.of(e.toString(), e));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void buildsAsDocumented(Example example) {
    TestSite site = TestSite.of(dir, example.site());
    BuildResult result = site.build();
    // Compared as text, so a failure shows the lines to paste into the `diagnostics` block.
    assertThat(String.join("\n", site.diagnostics()))
        .as("diagnostics of the example at %s", example)
        .isEqualTo(String.join("\n", example.expected()));
    if (example.expected().stream().noneMatch(l -> l.contains(": error["))) {
      assertThat(result.written()).as("the example at %s was written", example).isTrue();
    }
  }

  @Test
  void theDocumentationHasExamples() {
    List<Example> all = examples().map(Named::getPayload).toList();
    assertThat(all).as("example sites in README.md and docs/").hasSizeGreaterThan(20);
    assertThat(all).filteredOn(e -> e.file().equals("README.md")).isNotEmpty();
    assertThat(all).filteredOn(e -> !e.expected().isEmpty()).hasSizeGreaterThan(10);
  }

  @Test
  void everyDiagnosticCodeIsDocumented() {
    Set<String> reported = reportedCodes();
    String page = read(ROOT.resolve("docs/diagnostics.md"));
    Set<String> documented = new TreeSet<>();
    Matcher m = DOCUMENTED.matcher(page);
    while (m.find()) documented.add(m.group(1));
    assertThat(reported).as("codes reported by src/main/java").isNotEmpty();
    assertThat(documented).as("codes with a section in docs/diagnostics.md").containsAll(reported);
    for (String code : documented) {
      if (reported.contains(code)) continue;
      // Codes built at run time ("unknown-" + kind) are proven by a documented example instead.
      assertThat(page)
          .as(
              "docs/diagnostics.md documents \"%s\", which no code reports and no example shows",
              code)
          .contains("[" + code + "]");
    }
  }

  // ---------------------------------------------------------------------------------------------

  private static List<Path> documents() {
    List<Path> docs = new ArrayList<>();
    docs.add(ROOT.resolve("README.md"));
    Path dir = ROOT.resolve("docs");
    if (Files.isDirectory(dir)) {
      try (var s = Files.list(dir)) {
        s.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(docs::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return docs.stream().filter(Files::isRegularFile).toList();
  }

  static List<Example> examples(String file, String text) {
    List<String> lines = text.lines().toList();
    List<Example> out = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      Block b = block(lines, i);
      if (b == null) {
        i++;
        continue;
      }
      i = b.endIndex() + 1;
      if (!b.info().equals("sourced-site")) continue;
      List<String> expected = List.of();
      int next = i;
      while (next < lines.size() && lines.get(next).isBlank()) next++;
      Block d = next < lines.size() ? block(lines, next) : null;
      if (d != null && d.info().equals("diagnostics")) {
        expected = d.lines().stream().filter(l -> !l.isBlank()).toList();
        i = d.endIndex() + 1;
      }
      out.add(new Example(file, b.line(), String.join("\n", b.lines()) + "\n", expected));
    }
    return out;
  }

  /** The fenced block opening at {@code start}, or null when that line opens none. */
  private static Block block(List<String> lines, int start) {
    Matcher open = FENCE.matcher(lines.get(start));
    if (!open.matches()) return null;
    String fence = open.group(1);
    List<String> body = new ArrayList<>();
    int i = start + 1;
    for (; i < lines.size(); i++) {
      String l = lines.get(i).strip();
      if (l.length() >= fence.length() && l.chars().allMatch(c -> c == fence.charAt(0))) break;
      body.add(lines.get(i));
    }
    return new Block(open.group(2), start + 1, body, i);
  }

  /**
   * The codes the main sources report: every {@code Code.NAME} named outside the enum itself (a
   * diagnostic takes a {@link dev.sourced.diag.Code}, never text).
   */
  private static Set<String> reportedCodes() {
    Set<String> codes = new TreeSet<>();
    Pattern named = Pattern.compile("\\bCode\\.([A-Z][A-Z0-9_]*)\\b");
    try (var files = Files.walk(ROOT.resolve("src/main/java"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        if (p.endsWith("diag/Code.java")) continue;
        Matcher m = named.matcher(read(p));
        while (m.find()) codes.add(dev.sourced.diag.Code.valueOf(m.group(1)).text());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return codes;
  }

  private static int endOfLiteral(String src, int open, char quote) {
    if (quote == '"' && src.startsWith("\"\"\"", open)) {
      int end = src.indexOf("\"\"\"", open + 3);
      return end < 0 ? src.length() : end + 2;
    }
    for (int i = open + 1; i < src.length(); i++) {
      char c = src.charAt(i);
      if (c == '\\') i++;
      else if (c == quote) return i;
    }
    return src.length();
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
