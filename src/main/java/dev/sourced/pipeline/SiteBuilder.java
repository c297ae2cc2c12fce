package dev.sourced.pipeline;

import dev.sourced.concurrent.Workers;
import dev.sourced.config.ConfigLoader;
import dev.sourced.config.SiteConfig;
import dev.sourced.diag.Diagnostics;
import dev.sourced.diag.SourcePosition;
import dev.sourced.load.ArticleFile;
import dev.sourced.load.ContentLoader;
import dev.sourced.load.LoadedSite;
import dev.sourced.load.SourceFile;
import dev.sourced.parse.BodySpill;
import dev.sourced.parse.PageParser;
import dev.sourced.parse.ParsedData;
import dev.sourced.parse.ParsedPage;
import dev.sourced.render.PageSink;
import dev.sourced.render.RenderedPage;
import dev.sourced.render.RenderedSite;
import dev.sourced.render.SiteRenderer;
import dev.sourced.resolve.ReferenceResolver;
import dev.sourced.resolve.ResolvedSite;
import dev.sourced.write.OutputGuard;
import dev.sourced.write.SiteWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the stages in order: load, parse, resolve, render, write. Each stage reports its problems
 * and the build goes on as far as it can, so one run lists every error; nothing is written unless
 * the whole site rendered without an error (or, under --strict, a warning).
 */
public final class SiteBuilder {
  private SiteBuilder() {}

  public static BuildResult build(BuildOptions options) throws IOException {
    return build(options, Progress.NONE);
  }

  /** Builds, telling {@code progress} how far each stage has come. */
  public static BuildResult build(BuildOptions options, Progress progress) throws IOException {
    long start = System.nanoTime();
    Diagnostics diagnostics = new Diagnostics();
    SourceTexts texts = new SourceTexts();
    if (!java.nio.file.Files.isDirectory(options.source())) {
      diagnostics.error(
          SourcePosition.file(options.source().toString()),
          "missing-config",
          "the site folder " + options.source() + " does not exist",
          "pass --source with a folder that holds sourced.yaml, or run `sourced new DIR`");
      return result(diagnostics, options, false, 0, 0, null, start, texts);
    }
    if (options.output() != null) {
      String problem = OutputGuard.problem(options.source(), options.output());
      if (problem != null) {
        diagnostics.error(
            SourcePosition.file(options.output().toString()),
            "bad-output",
            problem,
            "choose another --output folder (the default is site/)");
        return result(diagnostics, options, false, 0, 0, null, start, texts);
      }
      // Finish what an interrupted build left, even if this build fails: the output is whole.
      SiteWriter.recover(options.output());
    }
    // Bodies wait for rendering in a temporary file (in memory if none can be made), which
    // lives as long as this build. A build that does not render keeps them in memory, so that
    // the resolved site it returns can still be rendered.
    BodySpill spill = options.render() ? BodySpill.open() : null;
    try {
      return build(options, progress, diagnostics, texts, spill, start);
    } finally {
      if (spill != null) spill.close();
    }
  }

  private static BuildResult build(
      BuildOptions options,
      Progress progress,
      Diagnostics diagnostics,
      SourceTexts texts,
      BodySpill spill,
      long start)
      throws IOException {
    StageTimer timer = new StageTimer();
    LoadedSite loaded = ContentLoader.load(options.source(), diagnostics);
    timer.lap("load");
    if (loaded.configText() != null) texts.put(SiteConfig.FILE_NAME, loaded.configText());
    for (ArticleFile f : loaded.articles()) texts.article(f);
    // A sourced.yaml that exists but cannot be read is reported by the loader, not as missing.
    SiteConfig config =
        loaded.configText() == null && loaded.configFound()
            ? ConfigLoader.defaults()
            : ConfigLoader.parse(loaded.configText(), diagnostics);

    List<ParsedData> data = new ArrayList<>();
    for (SourceFile f : loaded.dataFiles()) {
      texts.put(f.path(), f.text());
      data.add(PageParser.parseData(f, diagnostics));
    }
    List<ArticleFile> files = loaded.articles();
    java.util.concurrent.atomic.AtomicInteger parsedCount =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger readCount =
        new java.util.concurrent.atomic.AtomicInteger();
    List<ParsedPage> pages = new ArrayList<>();
    // Each worker reads, parses and renders the body of one article at a time, so the site's
    // texts and Markdown trees are never all in memory at once.
    for (ParsedPage p :
        Workers.map(
            files.size(),
            i -> {
              SourceFile src = ContentLoader.read(files.get(i), diagnostics);
              ParsedPage parsed = null;
              if (src != null) {
                readCount.incrementAndGet();
                parsed = PageParser.parse(files.get(i), src, config.rawHtml(), spill, diagnostics);
              }
              progress.update("parsing", parsedCount.incrementAndGet(), files.size());
              return parsed;
            })) {
      if (p != null) pages.add(p);
    }

    timer.lap("parse");
    ResolvedSite site =
        ReferenceResolver.resolve(
            config, data, pages, diagnostics, options.today(), pages.size() < readCount.get());
    timer.lap("resolve");
    boolean written = false;
    int outputs = 0;
    if (options.render() && !stop(diagnostics, options)) {
      progress.update("rendering", 0, site.pages().size());
      SiteRenderer renderer =
          SiteRenderer.create(site.config(), loaded.templatesDir(), false, diagnostics);
      if (renderer != null) {
        // Pages stream to disk as they are rendered: memory holds the site's index, not its pages.
        SiteWriter.Transaction tx =
            options.output() == null ? null : SiteWriter.begin(options.output());
        java.util.concurrent.atomic.AtomicInteger count =
            new java.util.concurrent.atomic.AtomicInteger();
        RenderedSite rendered;
        try {
          rendered =
              renderer.render(
                  site,
                  diagnostics,
                  new PageSink() {
                    @Override
                    public java.io.OutputStream open(String path) throws IOException {
                      count.incrementAndGet();
                      return tx == null ? java.io.OutputStream.nullOutputStream() : tx.open(path);
                    }

                    @Override
                    public void write(RenderedPage page) {
                      count.incrementAndGet();
                      if (tx != null) tx.write(page);
                    }
                  });
          if (tx != null && rendered != null && !stop(diagnostics, options)) {
            progress.update("writing", count.get(), count.get());
            tx.commit(rendered.copies());
            written = true;
          }
        } catch (java.io.UncheckedIOException e) {
          if (tx != null) tx.abort();
          throw e.getCause();
        } catch (IOException | RuntimeException e) {
          if (tx != null) tx.abort();
          throw e;
        }
        if (tx != null && !written) tx.abort();
        outputs = rendered == null ? 0 : count.get() + rendered.copies().size();
      }
    }
    timer.lap("render+write");
    timer.report();
    return result(diagnostics, options, written, site.pages().size(), outputs, site, start, texts);
  }

  private static boolean stop(Diagnostics diagnostics, BuildOptions options) {
    return options.strict() ? !diagnostics.sorted().isEmpty() : diagnostics.hasErrors();
  }

  private static BuildResult result(
      Diagnostics d,
      BuildOptions o,
      boolean written,
      int articles,
      int files,
      ResolvedSite site,
      long start,
      SourceTexts texts) {
    return new BuildResult(
        d.sorted(o.strict()),
        written,
        articles,
        files,
        site == null ? 0 : site.facts().size(),
        site == null ? 0 : site.claims().size(),
        (System.nanoTime() - start) / 1_000_000,
        texts,
        site);
  }
}
