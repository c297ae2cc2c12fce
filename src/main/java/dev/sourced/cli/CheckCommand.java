package dev.sourced.cli;

import dev.sourced.diag.Diagnostic;
import dev.sourced.facts.Json;
import dev.sourced.links.LinkCheck;
import dev.sourced.pipeline.BuildOptions;
import dev.sourced.pipeline.BuildResult;
import dev.sourced.pipeline.Pipeline;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Runs every check of a build without writing anything.",
      "With --links, also asks every external address (sources' url and archive, links in",
      "articles) whether it still answers: this one uses the network, a build never does.",
      "With --format json, prints a JSON array on standard output, one object per diagnostic",
      "(file, line, column, severity, code, message, hint)."
    })
final class CheckCommand implements Callable<Integer> {
  enum Format {
    text,
    json
  }

  @Mixin SiteOptions site;

  @Mixin CacheOptions cache;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text (default) or json.")
  Format format;

  @Option(
      names = "--links",
      description =
          "Also check external addresses over the network (settings: `links:` in sourced.yaml).")
  boolean links;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    BuildResult r =
        Pipeline.build(
            new BuildOptions(
                site.source, null, site.strict, LocalDate.now(), true, cache.folder(site.source)));
    LinkCheck.Summary links = null;
    if (this.links && r.site() != null) {
      LinkCheckRun run = LinkCheckRun.run(r, site, !cache.noCache, spec.commandLine().getErr());
      r = run.result();
      links = run.summary();
    }
    if (format == Format.json) {
      var out = spec.commandLine().getOut();
      out.print("[");
      for (int i = 0; i < r.diagnostics().size(); i++) {
        out.print(i == 0 ? "\n" : ",\n");
        out.print(Json.write(json(r.diagnostics().get(i)), false));
      }
      out.println(r.diagnostics().isEmpty() ? "]" : "\n]");
      out.flush();
    } else {
      var err = spec.commandLine().getErr();
      Reporter.diagnostics(r, site, err);
      if (links != null) err.println(LinkCheckRun.summaryLine(links));
      err.printf("checked %s: %s%n", Reporter.plural(r.articles(), "article"), Reporter.counts(r));
    }
    return r.failed() ? Main.CONTENT_ERRORS : Main.OK;
  }

  static Map<String, Object> json(Diagnostic d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("file", d.position().path());
    m.put("line", d.position().line());
    m.put("column", d.position().column());
    m.put("severity", d.severity().label());
    m.put("code", d.code().text());
    m.put("message", d.message());
    m.put("hint", d.hint());
    return m;
  }
}
