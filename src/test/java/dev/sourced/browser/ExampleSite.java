package dev.sourced.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The project's example site (sourced.yaml, content/, templates/), built by the real command line
 * into a temporary folder, once per base address and test run. The checks use the sub-path build
 * ({@link #SUB_PATH}) so that every link and asset is proved to honour {@code site.basePath}.
 */
final class ExampleSite {
  static final String SUB_PATH_URL = "https://example.org/explainers/";
  static final String SUB_PATH = "/explainers/";

  private static final Map<String, Path> BUILT = new HashMap<>();

  private ExampleSite() {}

  /** The example site built with base_url https://example.org/explainers/. */
  static Path subPath() {
    return built(SUB_PATH_URL);
  }

  static synchronized Path built(String baseUrl) {
    return BUILT.computeIfAbsent(baseUrl, ExampleSite::build);
  }

  private static Path build(String baseUrl) {
    try {
      Path root = BrowserEnv.projectRoot();
      Path work = Files.createTempDirectory("sourced-example-");
      Path src = work.resolve("src");
      Files.createDirectories(src);
      String config = Files.readString(root.resolve("sourced.yaml"), StandardCharsets.UTF_8);
      assertThat(config).as("sourced.yaml has a base_url line").containsPattern("(?m)^base_url:");
      Files.writeString(
          src.resolve("sourced.yaml"),
          config.replaceAll("(?m)^base_url:.*$", "base_url: " + baseUrl),
          StandardCharsets.UTF_8);
      copyTree(root.resolve("content"), src.resolve("content"));
      if (Files.isDirectory(root.resolve("templates"))) {
        copyTree(root.resolve("templates"), src.resolve("templates"));
      }
      Path out = work.resolve("site");
      StringWriter o = new StringWriter();
      StringWriter e = new StringWriter();
      int code;
      try (PrintWriter ow = new PrintWriter(o, true);
          PrintWriter ew = new PrintWriter(e, true)) {
        code = Main.run(new String[] {"build", "-s", src.toString(), "-o", out.toString()}, ow, ew);
      }
      assertThat(code).as("building the example site failed:\n" + e).isZero();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(work)));
      return out;
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /** Every file of a built site, relative, with '/' separators, sorted. */
  static List<String> files(Path site) {
    try (Stream<Path> s = Files.walk(site)) {
      return s.filter(Files::isRegularFile)
          .map(p -> site.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  static List<String> pages(Path site) {
    return files(site).stream().filter(f -> f.endsWith(".html")).toList();
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(t);
        else if (Files.isRegularFile(p)) Files.copy(p, t);
      }
    }
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) return;
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary folder; nothing else depends on its removal
    }
  }
}
