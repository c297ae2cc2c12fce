package dev.sourced.cli;

import dev.sourced.pipeline.SiteScaffold;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "new",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    subcommands = NewArticleCommand.class,
    description = {
      "Creates a new site in DIR that builds as it is, with an example article",
      "showing sources, facts, disputed figures, claims and citations.",
      "`sourced new article \"Title\"` adds an article to the site instead."
    })
final class NewCommand implements Callable<Integer> {
  @Parameters(
      paramLabel = "DIR",
      arity = "0..1",
      description = "The folder to create (must be new or empty).")
  Path dir;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (dir == null) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "Missing required parameter: 'DIR' (or use: sourced new article \"Title\")");
    }
    List<String> files = SiteScaffold.create(dir);
    var out = spec.commandLine().getOut();
    out.printf("created a new site in %s (%d files)%n", dir, files.size());
    out.printf("next: cd %s && sourced serve, and open the address it prints%n", dir);
    return Main.OK;
  }
}
