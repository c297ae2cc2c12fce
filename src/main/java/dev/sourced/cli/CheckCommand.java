package dev.sourced.cli;

import dev.sourced.build.BuildOptions;
import dev.sourced.build.BuildResult;
import dev.sourced.build.SiteBuilder;
import java.io.IOException;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Runs every check of a build without writing anything.")
final class CheckCommand implements Callable<Integer> {
  @Mixin SiteOptions site;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    BuildResult r = SiteBuilder.build(new BuildOptions(site.source, null, site.strict,
        LocalDate.now()));
    var err = spec.commandLine().getErr();
    Reporter.diagnostics(r, err);
    err.printf("checked %s: %s%n", Reporter.plural(r.articles(), "article"), Reporter.counts(r));
    return r.failed() ? Main.CONTENT_ERRORS : Main.OK;
  }
}
