package dev.sourced.cli;

import dev.sourced.pipeline.BuildOptions;
import dev.sourced.pipeline.BuildResult;
import dev.sourced.pipeline.Pipeline;
import dev.sourced.pipeline.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Builds the site into the output folder.",
      "Nothing is written when the site has errors: the previous output stays as it was."
    })
final class BuildCommand implements Callable<Integer> {
  @Mixin SiteOptions site;

  @Mixin CacheOptions cache;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      description = "Where to write the site (default: site/ inside the site folder).")
  Path output;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Path out = output != null ? output : site.source.resolve("site");
    var err = spec.commandLine().getErr();
    Progress progress = ProgressLine.forTerminal(err);
    BuildResult r =
        Pipeline.build(
            new BuildOptions(
                site.source, out, site.strict, LocalDate.now(), true, cache.folder(site.source)),
            progress);
    if (progress instanceof ProgressLine line) line.clear();
    Reporter.diagnostics(r, site, err);
    if (r.failed()) {
      err.printf("build failed: %s; nothing was written%n", Reporter.counts(r));
      return Main.CONTENT_ERRORS;
    }
    // Pages without a date are counted apart: they are not in the feeds or the article list.
    int articles = r.site() == null ? r.articles() - r.undated() : r.site().articles().size();
    int pages = r.articles() - articles;
    err.printf(
        "built %s (%s, %s, %s) into %s in %d ms; %s%n",
        Reporter.plural(articles, "article")
            + (pages > 0 ? " and " + Reporter.plural(pages, "page") : ""),
        Reporter.plural(r.files(), "file"),
        Reporter.plural(r.facts(), "fact"),
        Reporter.plural(r.claims(), "claim"),
        out,
        r.millis(),
        Reporter.plural(r.warningCount(), "warning"));
    return Main.OK;
  }
}
