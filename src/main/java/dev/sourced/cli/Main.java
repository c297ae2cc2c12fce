package dev.sourced.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code sourced} command. Subcommands do the work; this class only wires picocli: exit codes
 * (0 ok, 1 content errors, 2 usage errors), no {@code @file} expansion, and a handler that prints a
 * one-line message for I/O failures instead of a stack trace.
 */
@Command(
    name = "sourced",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Builds fact-checked explainer sites: every figure a sourced, cross-referenced fact.",
    subcommands = {
      BuildCommand.class,
      CheckCommand.class,
      ServeCommand.class,
      NewCommand.class,
      FactsCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  public static final int OK = 0;
  public static final int CONTENT_ERRORS = 1;
  public static final int USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    // Output must not depend on the machine's locale (a Turkish default lower-cases "I" to a
    // dotless "ı" in heading anchors); every format that needs a language names it.
    Locale.setDefault(Locale.ROOT);
    CommandLine cli = new CommandLine(new Main());
    cli.setExpandAtFiles(false);
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          if (e instanceof IOException || e instanceof UncheckedIOException) {
            cmd.getErr().println("sourced: " + e.getMessage());
            return CONTENT_ERRORS;
          }
          throw e;
        });
    return cli.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "a command is needed: build, check, new or facts");
  }
}
