package dev.sourced.cli;

import dev.sourced.pipeline.ArticleTemplate;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "article",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Creates content/<slug>.md with today's date and commented front-matter",
      "showing how to declare sources, facts and claims."
    })
final class NewArticleCommand implements Callable<Integer> {
  @Parameters(paramLabel = "TITLE", description = "The article's title, in quotes.")
  String title;

  @Option(
      names = {"-s", "--source"},
      paramLabel = "DIR",
      defaultValue = ".",
      description = "The site folder (default: the current folder).")
  Path source;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Path file = ArticleTemplate.create(source, title, LocalDate.now());
    spec.commandLine().getOut().printf("created %s%n", file);
    return Main.OK;
  }
}
