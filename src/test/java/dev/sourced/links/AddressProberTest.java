package dev.sourced.links;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.config.LinkSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of answer a link check meets, from servers on 127.0.0.1. */
class AddressProberTest {
  /** Short timeouts so that the failing cases stay quick. */
  static LinkSettings quick(Duration timeout) {
    return new LinkSettings(
        Duration.ofSeconds(1),
        timeout,
        4,
        32,
        2,
        Duration.ofMillis(20),
        Duration.ofHours(24),
        10,
        LinkSettings.DEFAULT_USER_AGENT);
  }

  LoopbackServers servers;
  AddressProber prober;

  @BeforeEach
  void start() throws Exception {
    servers = new LoopbackServers();
    prober = new AddressProber(quick(Duration.ofSeconds(2)));
  }

  @AfterEach
  void stop() throws Exception {
    servers.close();
  }

  Outcome probe(String path) {
    return prober.probe(servers.url(path));
  }

  @Test
  void a200IsFineAndHeadIsEnough() {
    assertThat(probe("/ok")).isEqualTo(Outcome.ok(200));
    assertThat(servers.methods).containsExactly("HEAD /ok");
  }

  @Test
  void permanentRedirectChainsAreMovesToTheirEnd() {
    assertThat(probe("/301")).isEqualTo(Outcome.moved(301, servers.url("/301c")));
    assertThat(probe("/308")).isEqualTo(Outcome.moved(308, servers.url("/ok")));
  }

  @Test
  void aTemporaryRedirectIsFine() {
    assertThat(probe("/302")).isEqualTo(Outcome.ok(200));
  }

  @Test
  void aPermanentRedirectToAMissingPageIsDead() {
    assertThat(probe("/301-to-404"))
        .isEqualTo(
            Outcome.dead(404, "404 Not Found (after redirects to " + servers.url("/404") + ")"));
  }

  @Test
  void aRedirectLoopStops() {
    Outcome o = probe("/loop-a");
    assertThat(o.kind()).isEqualTo(Outcome.Kind.LOOPING);
    assertThat(o.detail())
        .isEqualTo(
            "it redirects in a loop: "
                + servers.url("/loop-a")
                + " -> "
                + servers.url("/loop-b")
                + " -> "
                + servers.url("/loop-a"));
    assertThat(servers.hits("/loop-a")).isEqualTo(1);
  }

  @Test
  void notFoundAndGoneAreDeadAfterAGetToo() {
    assertThat(probe("/404")).isEqualTo(Outcome.dead(404, "404 Not Found"));
    assertThat(probe("/410")).isEqualTo(Outcome.dead(410, "410 Gone"));
    // A server may answer HEAD wrongly: a GET has the last word.
    assertThat(servers.methods).containsExactly("HEAD /404", "GET /404", "HEAD /410", "GET /410");
  }

  @Test
  void a500ThenA200IsARetryThatSucceeds() {
    long start = System.nanoTime();
    assertThat(probe("/flaky")).isEqualTo(Outcome.ok(200));
    assertThat(servers.methods).containsExactly("HEAD /flaky", "GET /flaky");
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(20_000_000L);
  }

  @Test
  void a500ThatStaysIsFailingAfterTheRetries() {
    assertThat(probe("/500"))
        .isEqualTo(Outcome.failing(500, "the server answered 500 Internal Server Error (3 tries)"));
    assertThat(servers.hits("/500")).isEqualTo(3);
  }

  @Test
  void a429WaitsAsRetryAfterAsks() {
    long start = System.nanoTime();
    assertThat(probe("/rate")).isEqualTo(Outcome.ok(200));
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(1_000_000_000L);
    assertThat(servers.hits("/rate")).isEqualTo(2);
  }

  @Test
  void a429AskingForMoreThanTheTimeoutIsNotWaitedFor() {
    long start = System.nanoTime();
    assertThat(probe("/rate-long"))
        .isEqualTo(
            Outcome.failing(
                429,
                "the server answered 429 Too Many Requests, asking to wait 3600 s, longer than"
                    + " links.timeout"));
    assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
  }

  @Test
  void aServerThatRefusesHeadIsAskedWithGet() {
    assertThat(probe("/no-head")).isEqualTo(Outcome.ok(200));
    assertThat(servers.methods).containsExactly("HEAD /no-head", "GET /no-head");
  }

  @Test
  void anEndlessBodyIsNotRead() {
    long start = System.nanoTime();
    assertThat(probe("/drip")).isEqualTo(Outcome.ok(200));
    assertThat(System.nanoTime() - start).isLessThan(1_500_000_000L);
  }

  @Test
  void aServerThatNeverAnswersTimesOutOnceWithoutRetry() {
    AddressProber p = new AddressProber(quick(Duration.ofMillis(500)));
    long start = System.nanoTime();
    assertThat(p.probe(servers.silentUrl()))
        .isEqualTo(Outcome.failing(0, "no answer within 0.5 s (links.timeout)"));
    long took = System.nanoTime() - start;
    assertThat(took).isGreaterThanOrEqualTo(500_000_000L).isLessThan(1_500_000_000L);
  }

  @Test
  void aRefusedConnectionIsFailing() {
    assertThat(prober.probe(servers.refusedUrl()))
        .isEqualTo(Outcome.failing(0, "the connection was refused"));
  }

  @Test
  void aNameThatDoesNotResolveIsFailing() {
    assertThat(prober.probe("http://no-such-host.invalid/page"))
        .isEqualTo(
            Outcome.failing(
                0,
                "the host name no-such-host.invalid does not resolve (no such host, or no"
                    + " network)"));
  }

  @Test
  void aSelfSignedCertificateIsFailing(@TempDir Path dir) throws Exception {
    String url = servers.startHttps(dir);
    // The defaults: a first TLS handshake on a busy machine can take more than a second.
    assertThat(new AddressProber(LinkSettings.defaults()).probe(url))
        .isEqualTo(
            Outcome.failing(
                0,
                "its TLS certificate is not trusted (self-signed or from an unknown authority)"));
  }

  @Test
  void anAddressThatIsNotOneIsFailing() {
    assertThat(prober.probe("https://exa mple.org/%zz"))
        .isEqualTo(Outcome.failing(0, "it is not a valid address"));
  }

  @Test
  void retryAfterReadsSecondsAndDates() {
    assertThat(AddressProber.retryAfter("7")).isEqualTo(Duration.ofSeconds(7));
    assertThat(AddressProber.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
    assertThat(AddressProber.retryAfter("soon")).isNull();
  }
}
