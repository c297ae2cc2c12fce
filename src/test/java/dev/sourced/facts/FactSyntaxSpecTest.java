package dev.sourced.facts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.diag.Diagnostic;
import dev.sourced.diag.DiagnosticPrinter;
import dev.sourced.pipeline.BuildResult;
import dev.sourced.testing.TestSite;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every example of {@code src/test/resources/spec/facts.md} (the fact syntax, specified by
 * example as the CommonMark spec is) through the real build, one test case per example.
 *
 * <p>An example's input is written as {@code content/spec.md}, after the spec's shared preamble
 * unless the input has its own front-matter; flags on the example line change the bytes written
 * ({@code crlf}, {@code cr}, {@code bom}). The expected part is either diagnostics (it starts with
 * {@code content/}), compared exactly as {@link DiagnosticPrinter} prints them without source
 * excerpts, or the HTML of the article body, compared after jsoup parses and serialises both.
 */
class FactSyntaxSpecTest {
  static final String SPEC = "/spec/facts.md";
  static final String FENCE = "`".repeat(32);

  /** Warnings that depend on which declarations of the preamble an example happens to use. */
  static final Set<String> IGNORED_WARNINGS =
      Set.of("unused-fact", "unused-source", "unused-claim");

  @TempDir Path dir;

  /** One example: name, flags, input and expected text, and the spec line it starts on. */
  record Example(String name, Set<String> flags, String input, String expected, int line) {
    boolean expectsDiagnostics() {
      return expected.startsWith("content/");
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** The spec's preamble and examples, in file order. */
  record Spec(String preamble, List<Example> examples) {}

  static Spec spec() {
    try (InputStream in = FactSyntaxSpecTest.class.getResourceAsStream(SPEC)) {
      if (in == null) throw new IllegalStateException(SPEC + " is not on the test classpath");
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the fenced blocks: {@code preamble} and {@code example NAME [flags]}. */
  static Spec parse(String text) {
    String preamble = null;
    List<Example> examples = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].startsWith(FENCE + " ")) continue;
      String[] head = lines[i].substring(FENCE.length() + 1).strip().split(" +");
      int start = i + 1;
      StringBuilder input = new StringBuilder();
      StringBuilder expected = new StringBuilder();
      StringBuilder into = input;
      i++;
      while (i < lines.length && !lines[i].equals(FENCE)) {
        if (head[0].equals("example") && lines[i].equals(".") && into == input) {
          into = expected;
        } else {
          into.append(lines[i]).append('\n');
        }
        i++;
      }
      if (i == lines.length) throw new IllegalStateException("unclosed block at line " + start);
      if (head[0].equals("preamble")) {
        preamble = input.toString();
      } else if (head[0].equals("example")) {
        if (head.length < 2 || into != expected) {
          throw new IllegalStateException("example at line " + start + " needs a name and a .");
        }
        Set<String> flags = Set.of(java.util.Arrays.copyOfRange(head, 2, head.length));
        examples.add(new Example(head[1], flags, input.toString(), expected.toString(), start));
      }
    }
    return new Spec(preamble, examples);
  }

  static Stream<Example> examples() {
    return spec().examples().stream();
  }

  @Test
  void theSpecIsWellFormed() {
    Spec spec = spec();
    assertThat(spec.preamble()).startsWith("---\n").endsWith("---\n");
    assertThat(spec.preamble().split("\n")).hasSize(20);
    Set<String> names = new HashSet<>();
    for (Example e : spec.examples()) {
      assertThat(names.add(e.name())).as("example names are unique: " + e.name()).isTrue();
      assertThat(e.name()).matches("[a-z0-9-]+");
      assertThat(Set.of("crlf", "cr", "bom")).containsAll(e.flags());
      assertThat(e.expected()).as(e.name() + " has an expected result").isNotBlank();
    }
    assertThat(spec.examples()).hasSizeGreaterThanOrEqualTo(50);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void example(Example example) {
    Result actual = run(example, spec().preamble(), dir);
    if (example.expectsDiagnostics()) {
      assertThat(actual.diagnostics())
          .as("diagnostics of example %s (spec line %d)", example.name(), example.line())
          .isEqualTo(example.expected());
    } else {
      assertThat(actual.diagnostics())
          .as(
              "example %s (spec line %d) builds without diagnostics",
              example.name(), example.line())
          .isEmpty();
      assertThat(actual.body())
          .as("body HTML of example %s (spec line %d)", example.name(), example.line())
          .isEqualTo(normalise(example.expected()));
    }
  }

  /** What the build made of an example: printed diagnostics, and the normalised body or null. */
  record Result(String diagnostics, String body) {}

  static Result run(Example example, String preamble, Path dir) {
    String input = example.input();
    String text = input.startsWith("---\n") ? input : preamble + input;
    if (example.flags().contains("crlf")) text = text.replace("\n", "\r\n");
    if (example.flags().contains("cr")) text = text.replace("\n", "\r");
    if (example.flags().contains("bom")) text = "\uFEFF" + text;
    TestSite site =
        TestSite.of(
            dir,
            """
        -- sourced.yaml --
        title: Spec
        base_url: https://example.org/
        locale: en-GB
        """);
    try {
      Path file = site.root().resolve("content/spec.md");
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    BuildResult result = site.build();
    List<Diagnostic> shown =
        result.diagnostics().stream()
            .filter(d -> d.isError() || !IGNORED_WARNINGS.contains(d.code().text()))
            .toList();
    String printed = new DiagnosticPrinter(path -> null, false).format(shown);
    String body = null;
    if (result.written()) {
      Document page = site.html("spec/");
      page.outputSettings().prettyPrint(false);
      Element div = page.selectFirst("div.article-body");
      body = div == null ? "(no article body)" : normalise(div.html());
    }
    return new Result(printed, body);
  }

  /** HTML as jsoup parses and writes it, without pretty-printing, trimmed. */
  static String normalise(String html) {
    Document d = Jsoup.parseBodyFragment(html);
    d.outputSettings().prettyPrint(false);
    return d.body().html().strip();
  }
}
