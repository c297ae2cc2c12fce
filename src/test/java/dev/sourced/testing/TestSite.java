package dev.sourced.testing;

import dev.sourced.diag.Diagnostic;
import dev.sourced.pipeline.BuildOptions;
import dev.sourced.pipeline.BuildResult;
import dev.sourced.pipeline.Pipeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A whole small site written from one text, as Hugo's integration tests do: sections headed {@code
 * -- path --} hold each file's text. {@link #build()} runs the real pipeline into {@code out/}
 * beside the site and keeps the result for assertions.
 *
 * <pre>
 * TestSite site = TestSite.of(dir, """
 *     -- sourced.yaml --
 *     title: Test
 *     -- content/a.md --
 *     ---
 *     title: A
 *     date: 2021-03-09
 *     ---
 *     Text.
 *     """);
 * </pre>
 */
public final class TestSite {
  /** The date builds in tests are measured from, so stale-fact warnings never drift. */
  public static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  private final Path root;
  private final Path output;
  private BuildResult result;

  private TestSite(Path root, Path output) {
    this.root = root;
    this.output = output;
  }

  /** Writes the files of {@code spec} under {@code dir/site}. */
  public static TestSite of(Path dir, String spec) {
    TestSite s = new TestSite(dir.resolve("site"), dir.resolve("out"));
    s.write(spec);
    return s;
  }

  /** A site that already exists on disk (a fixture folder), built into {@code output}. */
  public static TestSite at(Path root, Path output) {
    return new TestSite(root, output);
  }

  /** A fixture site from {@code src/test/resources/sites/<name>}, built into {@code dir/out}. */
  public static TestSite fixture(String name, Path dir) {
    return at(Trees.fixture(name), dir.resolve("out"));
  }

  public TestSite write(String spec) {
    for (var f : parse(spec)) {
      try {
        Path p = root.resolve(f.path());
        Files.createDirectories(p.getParent());
        Files.writeString(p, f.text(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return this;
  }

  record SpecFile(String path, String text) {}

  static List<SpecFile> parse(String spec) {
    List<SpecFile> files = new ArrayList<>();
    String path = null;
    StringBuilder text = new StringBuilder();
    for (String line : spec.split("\n", -1)) {
      if (line.startsWith("-- ") && line.endsWith(" --") && line.length() > 6) {
        if (path != null) files.add(new SpecFile(path, text.toString()));
        path = line.substring(3, line.length() - 3).strip();
        text.setLength(0);
      } else if (path != null) {
        text.append(line).append('\n');
      }
    }
    if (path != null) files.add(new SpecFile(path, text.toString()));
    return files;
  }

  public Path root() {
    return root;
  }

  public Path output() {
    return output;
  }

  public BuildResult build() {
    return run(false, true);
  }

  public BuildResult buildStrict() {
    return run(true, true);
  }

  /** Every check, nothing written. */
  public BuildResult check() {
    return run(false, false);
  }

  private BuildResult run(boolean strict, boolean write) {
    try {
      result = Pipeline.build(new BuildOptions(root, write ? output : null, strict, TODAY));
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The contract lines of the last build's diagnostics: {@code path:line:col: error[CODE] msg}. */
  public List<String> diagnostics() {
    return result.diagnostics().stream().map(Diagnostic::toString).toList();
  }

  /** An output file's text. */
  public String file(String relative) {
    try {
      return Files.readString(output.resolve(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean exists(String relative) {
    return Files.exists(output.resolve(relative));
  }

  /** An output file parsed as strict JSON (see {@link JsonReader}). */
  public Object json(String relative) {
    return JsonReader.parse(file(relative));
  }

  /** An output file parsed as namespace-aware XML (no DTDs); fails on malformed XML. */
  public org.w3c.dom.Document xml(String relative) {
    try {
      var f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      var builder = f.newDocumentBuilder();
      builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
      return builder.parse(output.resolve(relative).toFile());
    } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
      throw new AssertionError(relative + " is not well-formed XML: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every HTML page of the output, relative path to parsed document, sorted by path. */
  public java.util.Map<String, Document> allHtml() {
    java.util.Map<String, Document> out = new java.util.TreeMap<>();
    for (String f : Trees.files(output)) {
      if (f.endsWith(".html")) out.put(f, Jsoup.parse(file(f), "https://example.org/" + f));
    }
    return out;
  }

  /** An output page parsed as HTML; {@code page("a/")} reads {@code a/index.html}. */
  public Document html(String relative) {
    String file = relative.isEmpty() || relative.endsWith("/") ? relative + "index.html" : relative;
    return Jsoup.parse(file(file), "https://example.org/" + relative);
  }
}
