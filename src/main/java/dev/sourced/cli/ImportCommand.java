package dev.sourced.cli;

import dev.sourced.diag.DiagnosticPrinter;
import dev.sourced.migrate.SiteImporter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sourced import hugo|jekyll SRC DEST}: a thin shell over {@link SiteImporter}. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    subcommands = {ImportCommand.Hugo.class, ImportCommand.Jekyll.class},
    description = {
      "Turns a Hugo or Jekyll site into a sourced site: content, static and data files, config.",
      "The source site is only read. What could not be carried over is listed, with its file,",
      "line and column in the source site, and saved as MIGRATION.txt in the new site."
    })
final class ImportCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(),
        "say which generator the site is for: sourced import hugo|jekyll SRC DEST");
  }

  abstract static class Generator implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SRC", description = "The site to import (only read).")
    Path source;

    @Parameters(
        index = "1",
        paramLabel = "DEST",
        description = "The folder for the new site (must be new or empty).")
    Path dest;

    @Option(
        names = "--force",
        description = "Replace DEST if it holds an earlier import (it has a MIGRATION.txt).")
    boolean force;

    @Option(
        names = "--all-warnings",
        description =
            "Show every warning (by default, the first 20 of each kind, then a count;"
                + " MIGRATION.txt lists every one).")
    boolean all;

    @Spec CommandSpec spec;

    abstract SiteImporter.Generator generator();

    @Override
    public Integer call() throws IOException {
      var err = spec.commandLine().getErr();
      long start = System.nanoTime();
      SiteImporter.Result r = SiteImporter.run(generator(), source, dest, force);
      err.print(
          r.report()
              .format(
                  Reporter.colour(),
                  all ? Integer.MAX_VALUE : DiagnosticPrinter.WARNINGS_PER_CODE));
      int problems = r.report().diagnostics().size();
      err.printf(
          "imported %s and copied %s into %s in %d ms; %s to finish by hand, listed in %s%n",
          Reporter.plural(r.pages(), "page"),
          Reporter.plural(r.files(), "file"),
          dest,
          (System.nanoTime() - start) / 1_000_000,
          Reporter.plural(problems, "thing"),
          dest.resolve(SiteImporter.REPORT));
      spec.commandLine()
          .getOut()
          .printf(
              "next: cd %s && %s serve, and open the address it prints%n",
              dest, Launcher.command());
      return r.report().hasErrors() ? Main.CONTENT_ERRORS : Main.OK;
    }
  }

  @Command(
      name = "hugo",
      mixinStandardHelpOptions = true,
      versionProvider = Version.class,
      description = "Imports a Hugo site (hugo.toml or config.toml/yaml/json, content/, static/).")
  static final class Hugo extends Generator {
    @Override
    SiteImporter.Generator generator() {
      return SiteImporter.Generator.HUGO;
    }
  }

  @Command(
      name = "jekyll",
      mixinStandardHelpOptions = true,
      versionProvider = Version.class,
      description = "Imports a Jekyll site (_config.yml, _posts/, pages, collections, files).")
  static final class Jekyll extends Generator {
    @Override
    SiteImporter.Generator generator() {
      return SiteImporter.Generator.JEKYLL;
    }
  }
}
