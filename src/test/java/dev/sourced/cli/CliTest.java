package dev.sourced.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.Cli;
import dev.sourced.testing.TestSite;
import dev.sourced.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** The command line contract: help, version, exit codes, no @file expansion, summaries. */
class CliTest {
  @TempDir Path tmp;

  /** Every command path: "" (the root), "build", "check", "new", "new article", ... */
  static Stream<String> commands() {
    List<String> out = new ArrayList<>();
    collect(new CommandLine(new Main()), "", out);
    return out.stream();
  }

  private static void collect(CommandLine cmd, String path, List<String> out) {
    out.add(path);
    cmd.getSubcommands()
        .forEach(
            (name, sub) -> {
              if (!name.equals("help") && sub.getCommandName().equals(name)) {
                collect(sub, (path + " " + name).strip(), out);
              }
            });
  }

  private static String[] args(String command, String... more) {
    List<String> a = new ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }

  @Test
  void aCommandAloneHasTheSameUsageAsInTheWholeTree() {
    CommandLine whole = new CommandLine(new Main());
    for (String name : whole.getSubcommands().keySet()) {
      CommandLine alone = Main.commandLine(name, "--help");
      if (name.equals("help")) {
        assertThat(alone.getSubcommands().keySet())
            .as("help needs the whole tree")
            .isEqualTo(whole.getSubcommands().keySet());
        continue;
      }
      assertThat(alone.getSubcommands().keySet()).as(name).containsExactly(name);
      assertThat(alone.getSubcommands().get(name).getUsageMessage())
          .as(name)
          .isEqualTo(whole.getSubcommands().get(name).getUsageMessage());
    }
  }

  @Test
  void theRootHasTheDocumentedCommands() {
    assertThat(commands().toList()).contains("", "build", "check", "new");
  }

  @ParameterizedTest(name = "sourced {0} --help")
  @MethodSource("commands")
  void helpExitsZeroWithUsage(String command) {
    for (String flag : new String[] {"--help", "-h"}) {
      Cli r = Cli.run(args(command, flag));
      assertThat(r.exit()).as(r.toString()).isZero();
      assertThat(r.out()).as(r.toString()).startsWith(("Usage: sourced " + command).strip());
      assertThat(r.err()).isEmpty();
    }
  }

  @ParameterizedTest(name = "sourced {0} --version")
  @MethodSource("commands")
  void versionExitsZero(String command) {
    for (String flag : new String[] {"--version", "-V"}) {
      Cli r = Cli.run(args(command, flag));
      assertThat(r.exit()).as(r.toString()).isZero();
      assertThat(r.out().strip()).as(r.toString()).matches("sourced \\S+");
    }
  }

  @Test
  void theHelpCommandShowsASubcommandsUsage() {
    Cli r = Cli.run("help", "build");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .startsWith("Usage: sourced build")
        .contains("--source", "--output", "--strict");
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    for (String[] a : new String[][] {{"--bogus"}, {"build", "--bogus"}, {"check", "--nope"}}) {
      Cli r = Cli.run(a);
      assertThat(r.exit()).as(r.toString()).isEqualTo(Main.USAGE);
      assertThat(r.err()).as(r.toString()).contains("Unknown option");
      assertThat(r.hasStackTrace()).isFalse();
    }
  }

  @Test
  void aMissingOrUnknownCommandIsAUsageError() {
    Cli none = Cli.run();
    assertThat(none.exit()).as(none.toString()).isEqualTo(Main.USAGE);
    assertThat(none.err()).contains("Usage: sourced");
    Cli unknown = Cli.run("publish");
    assertThat(unknown.exit()).as(unknown.toString()).isEqualTo(Main.USAGE);
    assertThat(none.hasStackTrace() || unknown.hasStackTrace()).isFalse();
  }

  @Test
  void anAtFileArgumentIsTakenLiterally() throws Exception {
    Path file = tmp.resolve("args.txt");
    Files.writeString(file, "--version\n");
    Cli r = Cli.run("@" + file);
    assertThat(r.out()).doesNotContain("sourced ");
    assertThat(r.exit()).as(r.toString()).isEqualTo(Main.USAGE);
    assertThat(r.err()).contains("@" + file);

    Path built = tmp.resolve("out");
    Cli b = Cli.run("build", "--source", "@" + file, "--output", built.toString());
    assertThat(b.exit()).as(b.toString()).isNotZero();
    assertThat(b.err()).contains("@" + file);
    assertThat(built).doesNotExist();
  }

  @Test
  void aSourceFolderThatDoesNotExistIsSaidPlainly() {
    // Like a folder without sourced.yaml: one diagnostic naming the folder, exit 1.
    Path missing = tmp.resolve("no-such-site");
    Path out = tmp.resolve("o");
    Cli r = Cli.run("build", "--source", missing.toString(), "--output", out.toString());
    assertThat(r.hasStackTrace()).as(r.toString()).isFalse();
    assertThat(r.diagnosticLines()).as(r.toString()).hasSize(1);
    assertThat(r.diagnosticLines().get(0))
        .contains(missing.toString())
        .containsPattern("(?i)(does not exist|no such|not found|is not a folder)");
    assertThat(r.exit()).as(r.toString()).isEqualTo(Main.CONTENT_ERRORS);
    assertThat(out).doesNotExist();
  }

  @Test
  void buildPrintsOneSummaryLine() {
    Path out = tmp.resolve("out");
    Cli r =
        Cli.run(
            "build",
            "--source",
            Trees.fixture("cross-references").toString(),
            "--output",
            out.toString());
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err().lines().toList())
        .as(r.toString())
        .hasSize(1)
        .first()
        .asString()
        .matches(
            "built 3 articles \\(\\d+ files, 2 facts, 0 claims\\) into \\Q"
                + out
                + "\\E in \\d+ ms; 0 warnings");
    assertThat(out.resolve("index.html")).isRegularFile();
  }

  @Test
  void checkWritesNothing() {
    Path site = tmp.resolve("site");
    Trees.copy(Trees.fixture("cross-references"), site);
    var before = Trees.fingerprint(tmp);
    Cli r = Cli.run("check", "--source", site.toString());
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err().strip()).isEqualTo("checked 3 articles: 0 errors, 0 warnings");
    assertThat(Trees.fingerprint(tmp)).isEqualTo(before);
    assertThat(site.resolve("site")).doesNotExist();
  }

  @Test
  void strictTurnsWarningsIntoErrors() {
    TestSite site =
        TestSite.of(
            tmp,
            """
        -- sourced.yaml --
        title: T
        -- content/a.md --
        ---
        title: A
        date: 2021-03-09
        sources:
          cited: {title: Cited, url: "https://example.org/c"}
          never-cited: {title: Never cited, url: "https://example.org/n"}
        ---
        Text [@cited].
        """);
    String warning =
        "content/a.md:6:3: %s[unused-source] source \"never-cited\" is declared but"
            + " nothing cites it";
    Path out = tmp.resolve("out");
    Cli lax = Cli.run("build", "--source", site.root().toString(), "--output", out.toString());
    assertThat(lax.exit()).as(lax.toString()).isZero();
    assertThat(lax.diagnosticLines()).containsExactly(warning.formatted("warning"));
    assertThat(lax.err()).contains("; 1 warning");

    var before = Trees.fingerprint(out);
    Cli strict =
        Cli.run(
            "build", "--strict", "--source", site.root().toString(), "--output", out.toString());
    assertThat(strict.exit()).as(strict.toString()).isEqualTo(Main.CONTENT_ERRORS);
    assertThat(strict.diagnosticLines()).containsExactly(warning.formatted("error"));
    assertThat(Trees.fingerprint(out)).isEqualTo(before);

    Cli check = Cli.run("check", "--strict", "--source", site.root().toString());
    assertThat(check.exit()).isEqualTo(Main.CONTENT_ERRORS);
    assertThat(check.diagnosticLines()).containsExactly(warning.formatted("error"));
  }
}
