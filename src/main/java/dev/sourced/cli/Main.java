package dev.sourced.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code sourced} command. Subcommands do the work; this class only wires picocli: exit codes
 * (0 ok, 1 content errors, 2 usage errors), no {@code @file} expansion, and a handler that prints a
 * one-line message for I/O failures instead of a stack trace.
 *
 * <p>picocli reads every command's options by reflection when its command line is made (its
 * annotations are read through proxies that no class-data archive can hold, and its classes, built
 * for Java 5, are checked again on every run): for the whole tree of commands that is a good part
 * of a build's start. So a run that names its command ({@code sourced build ...}) gets a command
 * line with that command alone, under {@link OneCommand}; any other run (no command, {@code
 * --help}, {@code help}, a misspelt command) gets all of them, for the list and the suggestions. A
 * command missing from {@link #ALONE} is still run, through the whole tree.
 */
@Command(
    name = "sourced",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = Main.DESCRIPTION,
    subcommands = {
      BuildCommand.class,
      CheckCommand.class,
      ServeCommand.class,
      NewCommand.class,
      FactsCommand.class,
      ImportCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  public static final int OK = 0;
  public static final int CONTENT_ERRORS = 1;
  public static final int USAGE = 2;

  private static final String NO_COMMAND =
      "a command is needed: build, check, serve, new, facts or import";

  /** The system property that keeps picocli from looking for Groovy (see {@link #run}). */
  private static final String NO_CLOSURES = "picocli.disable.closures";

  static final String DESCRIPTION =
      "Builds fact-checked explainer sites: every figure a sourced, cross-referenced fact.";

  /** The commands a run can name to get a command line of that command alone. */
  private static final Map<String, Supplier<Object>> ALONE =
      Map.of(
          "build", BuildCommand::new,
          "check", CheckCommand::new,
          "serve", ServeCommand::new,
          "new", NewCommand::new,
          "facts", FactsCommand::new,
          "import", ImportCommand::new);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /**
   * The command line, with picocli's defaults, for these arguments: the command they name alone, or
   * every command when they name none.
   */
  public static CommandLine commandLine(String... args) {
    Supplier<Object> named = args.length > 0 ? ALONE.get(args[0]) : null;
    if (named == null) return new CommandLine(new Main());
    CommandLine cli = new CommandLine(new OneCommand());
    cli.addSubcommand(args[0], named.get());
    return cli;
  }

  /** Runs the command line with the given streams; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    // Output must not depend on the machine's locale (a Turkish default lower-cases "I" to a
    // dotless "ı" in heading anchors); every format that needs a language names it.
    Locale.setDefault(Locale.ROOT);
    // picocli looks for Groovy's closures once, by name, on the whole class path: a class no jar
    // holds, so each of some thirty jars was opened to be searched (about 5 ms of every run).
    // No command of sourced is written in Groovy.
    if (System.getProperty(NO_CLOSURES) == null) System.setProperty(NO_CLOSURES, "true");
    CommandLine cli = commandLine(args);
    cli.setExpandAtFiles(false);
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(new IoFailure());
    return cli.execute(args);
  }

  /**
   * Prints a one-line message for an I/O failure instead of a stack trace. A class of its own, not
   * a lambda: a lambda links picocli's interface (a Java 5 class) while the class-data archive is
   * made, and a linked class that old is left out of it, with every class that implements it; each
   * run then read and checked them from the jar (about 8 ms of every run's start).
   */
  static final class IoFailure implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(
        Exception e, CommandLine cmd, CommandLine.ParseResult parsed) throws Exception {
      if (e instanceof IOException || e instanceof UncheckedIOException) {
        cmd.getErr().println("sourced: " + e.getMessage());
        return CONTENT_ERRORS;
      }
      throw e;
    }
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), NO_COMMAND);
  }

  /** The root of a command line for one named command: {@link Main} without the other commands. */
  @Command(
      name = "sourced",
      mixinStandardHelpOptions = true,
      versionProvider = Version.class,
      description = DESCRIPTION)
  static final class OneCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      throw new CommandLine.ParameterException(spec.commandLine(), NO_COMMAND);
    }
  }
}
