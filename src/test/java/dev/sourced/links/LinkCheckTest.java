package dev.sourced.links;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.diag.Diagnostic;
import dev.sourced.pipeline.BuildResult;
import dev.sourced.testing.TestSite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The link check on whole sites: where each problem is reported, how bad it is, and how fast. */
class LinkCheckTest {
  @TempDir Path dir;
  LoopbackServers servers;

  @BeforeEach
  void start() throws Exception {
    servers = new LoopbackServers();
  }

  @AfterEach
  void stop() throws Exception {
    servers.close();
  }

  static final String CONFIG =
      """
      -- sourced.yaml --
      title: T
      links:
        timeout: 2
        connect_timeout: 1
        retry_wait: 0.02
      """;

  LinkCheck.Result check(TestSite site, boolean useCache) throws Exception {
    BuildResult r = site.check();
    assertThat(r.failed()).as(r.diagnostics().toString()).isFalse();
    return LinkCheck.run(
        r.site(),
        r.site().config().links(),
        site.root().resolve(LinkCheck.CACHE_FILE),
        useCache,
        (done, total) -> {});
  }

  static List<String> lines(LinkCheck.Result r) {
    return r.diagnostics().stream().map(Diagnostic::toString).toList();
  }

  @Test
  void eachProblemIsReportedWhereTheAddressIsWrittenWithItsSeverity() throws Exception {
    TestSite site =
        TestSite.of(
            dir,
            CONFIG
                + """
                -- content/a.md --
                ---
                title: A
                date: 2021-03-09
                sources:
                  gone:
                    title: Gone
                    url: %s
                  kept:
                    title: Gone, but archived
                    url: %s
                    archive: %s
                  moved:
                    title: Moved
                    url: %s
                  loop:
                    title: Loop
                    url: %s
                  copy:
                    title: Broken copy
                    url: %s
                    archive: %s
                  down:
                    title: Down
                    url: %s
                ---
                Text [@gone; @kept; @moved; @loop; @copy; @down].

                A [failing link](%s), a [fine one](%s) and a [moved one](%s).
                """
                    .formatted(
                        servers.url("/404"),
                        servers.url("/410"),
                        servers.url("/ok"),
                        servers.url("/308"),
                        servers.url("/loop-a"),
                        servers.url("/ok#part"),
                        servers.url("/404?copy"),
                        servers.refusedUrl(),
                        servers.url("/500"),
                        servers.url("/ok#another"),
                        servers.url("/301")));
    LinkCheck.Result r = check(site, true);
    String u = servers.url("");
    // Nine addresses: the fragments of /ok are not sent, so it is asked once.
    assertThat(lines(r))
        .containsExactly(
            "content/a.md:7:10: error[dead-link] the address of source \"gone\" "
                + u
                + "/404 is dead: 404 Not Found",
            "content/a.md:10:10: warning[dead-link] the address of source \"kept\" "
                + u
                + "/410 is dead: 410 Gone",
            "content/a.md:14:10: warning[moved-link] the address of source \"moved\" "
                + u
                + "/308 has moved permanently (308 Permanent Redirect)",
            "content/a.md:17:10: error[looping-link] the address of source \"loop\" "
                + u
                + "/loop-a does not lead to a page: it redirects in a loop: "
                + u
                + "/loop-a -> "
                + u
                + "/loop-b -> "
                + u
                + "/loop-a",
            "content/a.md:21:14: warning[dead-link] the archived copy of source \"copy\" "
                + u
                + "/404?copy is dead: 404 Not Found",
            "content/a.md:24:10: error[failing-link] the address of source \"down\" "
                + servers.refusedUrl()
                + " is failing: the connection was refused",
            "content/a.md:28:3: warning[failing-link] the link "
                + u
                + "/500 is failing: the server answered 500 Internal Server Error (3 tries)",
            "content/a.md:28:101: warning[moved-link] the link "
                + u
                + "/301 has moved permanently (301 Moved Permanently)");
    assertThat(r.diagnostics().get(2).hint())
        .isEqualTo("write `url: " + u + "/ok` (the old address only redirects there)");
    assertThat(r.summary())
        .isEqualTo(new LinkCheck.Summary(9, 0, 3, 2, 2, 1, r.summary().millis()));
  }

  @Test
  void goodAnswersComeFromTheCacheEvenWhenAnotherAddressOfTheSourceFailed() throws Exception {
    TestSite site =
        TestSite.of(
            dir,
            CONFIG
                + """
                -- content/a.md --
                ---
                title: A
                date: 2021-03-09
                sources:
                  s:
                    title: S
                    url: %s
                    archive: %s
                ---
                Text [@s] and [a link](%s).
                """
                    .formatted(servers.url("/ok"), servers.url("/404"), servers.url("/302")));
    LinkCheck.Result first = check(site, true);
    assertThat(first.summary().fromCache()).isZero();
    assertThat(servers.hits("/ok")).isEqualTo(2); // /ok itself, and /302's target
    LinkCheck.Result second = check(site, true);
    assertThat(second.summary().fromCache()).isEqualTo(2);
    assertThat(servers.hits("/ok")).isEqualTo(2);
    assertThat(servers.hits("/404")).isEqualTo(4); // problems are always asked again
    assertThat(lines(second)).isEqualTo(lines(first));
    // Without the cache every address is asked again.
    check(site, false);
    assertThat(servers.hits("/ok")).isEqualTo(4);
  }

  @Test
  void twoHundredAddressesWithTwentySlowOnesTakeAboutTheTimeoutNotTheSum() throws Exception {
    List<LoopbackServers> slow = new ArrayList<>();
    try {
      StringBuilder body = new StringBuilder();
      for (int i = 0; i < 20; i++) {
        LoopbackServers s = new LoopbackServers();
        slow.add(s);
        body.append("[slow ").append(i).append("](").append(s.silentUrl()).append(")\n\n");
      }
      for (int i = 0; i < 180; i++) {
        body.append("[fast ")
            .append(i)
            .append("](")
            .append(servers.url("/ok?" + i))
            .append(")\n\n");
      }
      TestSite site =
          TestSite.of(
              dir,
              """
              -- sourced.yaml --
              title: T
              links:
                timeout: 1.5
              -- content/a.md --
              ---
              title: A
              date: 2021-03-09
              ---
              """
                  + body);
      LinkCheck.Result r = check(site, false);
      long millis = r.summary().millis();

      assertThat(r.summary().addresses()).isEqualTo(200);
      assertThat(r.summary().failing()).isEqualTo(20);
      assertThat(servers.hits("/ok")).isEqualTo(180);
      // Twenty timeouts of 1.5 s each take 30 s one after the other; at once, 1.5 s and the time
      // the 180 others take on a busy machine.
      assertThat(millis).isGreaterThanOrEqualTo(1_500).isLessThan(10_000);
    } finally {
      for (LoopbackServers s : slow) s.close();
    }
  }

  @Test
  void oneHostIsAskedAtMostPerHostAtOnce() throws Exception {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 24; i++) {
      body.append("[n").append(i).append("](").append(servers.url("/count?" + i)).append(")\n\n");
    }
    TestSite site =
        TestSite.of(
            dir,
            """
            -- sourced.yaml --
            title: T
            links:
              per_host: 3
            -- content/a.md --
            ---
            title: A
            date: 2021-03-09
            ---
            """
                + body);
    LinkCheck.Result r = check(site, false);
    assertThat(r.diagnostics()).isEmpty();
    assertThat(servers.hits("/count")).isEqualTo(24);
    assertThat(servers.maxInFlight.get()).isEqualTo(3);
  }
}
