package dev.sourced.bench;

import dev.sourced.diag.Diagnostics;
import dev.sourced.load.ArticleFile;
import dev.sourced.load.ContentLoader;
import dev.sourced.load.LoadedSite;
import dev.sourced.load.SourceFile;
import dev.sourced.parse.MarkdownParser;
import dev.sourced.parse.PageParser;
import dev.sourced.pipeline.BuildOptions;
import dev.sourced.pipeline.BuildResult;
import dev.sourced.pipeline.Pipeline;
import dev.sourced.render.SiteRenderer;
import dev.sourced.resolve.ResolvedSite;
import dev.sourced.yaml.SafeYaml;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hot stages of a build, one article at a time, once the JIT has done its work: reading the
 * front-matter, parsing the Markdown, the whole parse stage of an article (front-matter, body, scan
 * for IDs and figures, the body's HTML), and rendering an article's page (facts and boxes filled
 * in, through the template). Each call takes the corpus's next article, so every article is
 * measured in turn. The JVM runs with the launcher's flags (client compiler, parallel collector).
 * Run with {@code bench/stages.sh CORPUS}; a clean build's whole-process cost, JVM start and
 * warm-up included, is {@code bench/build-speed.py}'s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "-XX:+UseParallelGC",
      "-XX:TieredStopAtLevel=1",
      "-Dorg.freemarker.loggerLibrary=JUL"
    })
public class StagesBenchmark {
  /** The site folder to take articles from (a generated corpus, or any sourced site). */
  @Param("")
  public String corpus;

  private List<ArticleFile> files;
  private List<SourceFile> texts;
  private ResolvedSite site;
  private SiteRenderer renderer;
  private int next;

  @Setup
  public void setup() throws IOException {
    Path root = Path.of(corpus);
    LoadedSite loaded = ContentLoader.load(root, new Diagnostics());
    files = loaded.articles();
    texts = new ArrayList<>();
    for (ArticleFile f : files) texts.add(ContentLoader.read(f, new Diagnostics()));
    BuildResult built = Pipeline.build(new BuildOptions(root, null, false, LocalDate.now(), false));
    if (built.failed() || built.site() == null || files.isEmpty()) {
      throw new IllegalStateException(corpus + " does not build: " + built.diagnostics());
    }
    site = built.site();
    renderer = SiteRenderer.create(site.config(), loaded.templatesDir(), false, new Diagnostics());
  }

  private int nextIndex(int size) {
    next = next + 1 < size ? next + 1 : 0;
    return next;
  }

  @Benchmark
  public Object frontMatter() {
    SourceFile f = texts.get(nextIndex(texts.size()));
    return SafeYaml.readMapping(
        f.frontMatter(), f.path(), f.frontMatterLine() - 1, new Diagnostics(), "front-matter");
  }

  @Benchmark
  public Object markdown() {
    return MarkdownParser.parse(texts.get(nextIndex(texts.size())).body());
  }

  @Benchmark
  public Object parseArticle() {
    int i = nextIndex(files.size());
    return PageParser.parse(files.get(i), texts.get(i), site.config().rawHtml(), new Diagnostics());
  }

  @Benchmark
  public Object renderArticle() {
    return renderer.renderArticle(
        site, site.pages().get(nextIndex(site.pages().size())), new Diagnostics());
  }
}
