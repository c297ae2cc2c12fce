package dev.sourced.links;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.Cli;
import dev.sourced.testing.JsonReader;
import dev.sourced.testing.TestSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sourced check --links} from the command line, against a server on 127.0.0.1. */
class CheckLinksCommandTest {
  @TempDir Path dir;
  LoopbackServers servers;
  TestSite site;

  @BeforeEach
  void start() throws Exception {
    servers = new LoopbackServers();
    site =
        TestSite.of(
            dir,
            """
            -- sourced.yaml --
            title: T
            links:
              timeout: 2
              retry_wait: 0.02
            -- content/a.md --
            ---
            title: A
            date: 2021-03-09
            sources:
              fine:
                title: Fine
                url: %s
              gone:
                title: Gone
                url: %s
            ---
            Text [@fine; @gone], and [a moved page](%s).
            """
                .formatted(servers.url("/ok"), servers.url("/404"), servers.url("/308")));
  }

  @AfterEach
  void stop() throws Exception {
    servers.close();
  }

  @Test
  void reportsEachProblemAndASummaryAndTheSecondRunTakesGoodAnswersFromTheCache() {
    Cli first = Cli.run("check", "--links", "-s", site.root().toString());
    assertThat(first.exit()).as(first.toString()).isEqualTo(1);
    assertThat(first.diagnosticLines())
        .containsExactly(
            "content/a.md:10:10: error[dead-link] the address of source \"gone\" "
                + servers.url("/404")
                + " is dead: 404 Not Found",
            "content/a.md:12:26: warning[moved-link] the link "
                + servers.url("/308")
                + " has moved permanently (308 Permanent Redirect)");
    assertThat(first.err())
        .containsPattern(
            "links: checked 3 addresses in [0-9.]+ s \\(0 from the cache\\): 1 dead, 1 moved,"
                + " 0 failing, 0 looping\n")
        .contains("checked 1 article: 1 error, 1 warning");
    assertThat(Files.exists(site.root().resolve(".sourced/link-cache.tsv"))).isTrue();

    Cli second = Cli.run("check", "--links", "-s", site.root().toString());
    assertThat(second.diagnosticLines()).isEqualTo(first.diagnosticLines());
    assertThat(second.err()).containsPattern("\\(2 from the cache\\): 1 dead, 1 moved");
    assertThat(servers.hits("/ok")).isEqualTo(2); // once for itself, once as /308's target

    Cli fresh = Cli.run("check", "--links", "--no-cache", "-s", site.root().toString());
    assertThat(fresh.err()).contains("(0 from the cache)");
  }

  @Test
  void strictMakesEveryLinkProblemAnError() {
    Cli r = Cli.run("check", "--links", "--strict", "-s", site.root().toString());
    assertThat(r.diagnosticLines()).allMatch(l -> l.contains(": error["));
    assertThat(r.diagnosticLines()).hasSize(2);
  }

  @Test
  void jsonListsTheLinkDiagnosticsAsCheckDoes() {
    Cli r = Cli.run("check", "--links", "--format", "json", "-s", site.root().toString());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items = (List<Map<String, Object>>) JsonReader.parse(r.out());
    assertThat(items).hasSize(2);
    assertThat(items.get(0))
        .containsEntry("file", "content/a.md")
        .containsEntry("line", new java.math.BigDecimal(10))
        .containsEntry("column", new java.math.BigDecimal(10))
        .containsEntry("severity", "error")
        .containsEntry("code", "dead-link");
    assertThat(items.get(1)).containsEntry("code", "moved-link");
    assertThat((String) items.get(1).get("hint")).contains(servers.url("/ok"));
  }

  @Test
  void aPlainBuildOrCheckNeverTouchesTheNetwork() {
    Cli build = Cli.run("build", "-s", site.root().toString(), "-o", dir.resolve("out").toString());
    Cli check = Cli.run("check", "-s", site.root().toString());
    assertThat(build.exit()).as(build.toString()).isZero();
    assertThat(check.exit()).as(check.toString()).isZero();
    assertThat(servers.methods).isEmpty();
  }
}
