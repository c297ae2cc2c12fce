package dev.sourced.build;

import dev.sourced.config.ConfigLoader;
import dev.sourced.config.SiteConfig;
import dev.sourced.diag.Diagnostics;
import dev.sourced.diag.SourcePosition;
import dev.sourced.load.ArticleFile;
import dev.sourced.load.ContentLoader;
import dev.sourced.load.LoadedSite;
import dev.sourced.load.SourceFile;
import dev.sourced.parse.PageParser;
import dev.sourced.parse.ParsedData;
import dev.sourced.parse.ParsedPage;
import dev.sourced.render.RenderedSite;
import dev.sourced.render.SiteRenderer;
import dev.sourced.resolve.ReferenceResolver;
import dev.sourced.resolve.ResolvedSite;
import dev.sourced.write.OutputGuard;
import dev.sourced.write.SiteWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the stages in order: load, parse, resolve, render, write. Each stage reports its problems
 * and the build goes on as far as it can, so one run lists every error; nothing is written
 * unless the whole site rendered without an error (or, under --strict, a warning).
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
    Map<String, String> texts = new HashMap<>();
    if (!java.nio.file.Files.isDirectory(options.source())) {
      diagnostics.error(SourcePosition.file(options.source().toString()), "missing-config",
          "the site folder " + options.source() + " does not exist",
          "pass --source with a folder that holds sourced.yaml, or run `sourced new DIR`");
      return result(diagnostics, options, false, 0, 0, null, start, texts);
    }
    if (options.output() != null) {
      String problem = OutputGuard.problem(options.source(), options.output());
      if (problem != null) {
        diagnostics.error(SourcePosition.file(options.output().toString()), "bad-output", problem,
            "choose another --output folder (the default is site/)");
        return result(diagnostics, options, false, 0, 0, null, start, texts);
      }
    }

    LoadedSite loaded = ContentLoader.load(options.source(), diagnostics);
    if (loaded.configText() != null) texts.put(SiteConfig.FILE_NAME, loaded.configText());
    SiteConfig config = ConfigLoader.parse(loaded.configText(), diagnostics);

    List<ParsedData> data = new ArrayList<>();
    for (SourceFile f : loaded.dataFiles()) {
      texts.put(f.path(), f.text());
      data.add(PageParser.parseData(f, diagnostics));
    }
    List<ParsedPage> pages = new ArrayList<>();
    int done = 0;
    for (ArticleFile f : loaded.articles()) {
      texts.put(f.source().path(), f.source().text());
      ParsedPage p = PageParser.parse(f, diagnostics);
      if (p != null) pages.add(p);
      progress.update("parsing", ++done, loaded.articles().size());
    }

    ResolvedSite site = ReferenceResolver.resolve(config, data, pages, diagnostics,
        options.today());
    RenderedSite rendered = null;
    if (options.render() && !stop(diagnostics, options)) {
      progress.update("rendering", 0, site.pages().size());
      rendered = SiteRenderer.render(site, loaded.templatesDir(), diagnostics);
    }
    boolean written = false;
    if (rendered != null && options.output() != null && !stop(diagnostics, options)) {
      progress.update("writing", 0, rendered.pages().size());
      SiteWriter.write(rendered, options.output());
      written = true;
    }
    int files = rendered == null ? 0 : rendered.pages().size() + rendered.copies().size();
    return result(diagnostics, options, written, site.pages().size(), files, site, start, texts);
  }

  private static boolean stop(Diagnostics diagnostics, BuildOptions options) {
    return options.strict() ? !diagnostics.sorted().isEmpty() : diagnostics.hasErrors();
  }

  private static BuildResult result(Diagnostics d, BuildOptions o, boolean written, int articles,
      int files, ResolvedSite site, long start, Map<String, String> texts) {
    return new BuildResult(d.sorted(o.strict()), written, articles, files,
        site == null ? 0 : site.facts().size(), site == null ? 0 : site.claims().size(),
        (System.nanoTime() - start) / 1_000_000, texts, site);
  }
}
