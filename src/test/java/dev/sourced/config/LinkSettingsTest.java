package dev.sourced.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.TestSite;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code links:} settings of sourced.yaml: defaults, values, and mistakes reported. */
class LinkSettingsTest {
  @TempDir Path dir;

  static final String ARTICLE =
      """
      -- content/a.md --
      ---
      title: A
      date: 2021-03-09
      ---
      Text [@s].
      -- content/_data/s.yaml --
      sources:
        s: {title: S}
      """;

  @Test
  void theDefaultsAreTheDocumentedOnes() {
    LinkSettings d = LinkSettings.defaults();
    assertThat(d.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(d.timeout()).isEqualTo(Duration.ofSeconds(15));
    assertThat(d.perHost()).isEqualTo(4);
    assertThat(d.concurrency()).isEqualTo(32);
    assertThat(d.retries()).isEqualTo(2);
    assertThat(d.cacheFor()).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void valuesAreRead() {
    TestSite site =
        TestSite.of(
            dir,
            """
            -- sourced.yaml --
            title: T
            links:
              connect_timeout: 0.5
              timeout: 30
              per_host: 2
              concurrency: 8
              retries: 0
              retry_wait: 0
              cache_hours: 0
              max_redirects: 3
              user_agent: "newsroom-bot/1"
            """
                + ARTICLE);
    var r = site.check();
    assertThat(site.diagnostics()).isEmpty();
    assertThat(r.site().config().links())
        .isEqualTo(
            new LinkSettings(
                Duration.ofMillis(500),
                Duration.ofSeconds(30),
                2,
                8,
                0,
                Duration.ZERO,
                Duration.ZERO,
                3,
                "newsroom-bot/1"));
  }

  @Test
  void mistakesAreReportedAndTheDefaultsKept() {
    TestSite site =
        TestSite.of(
            dir,
            """
            -- sourced.yaml --
            title: T
            links:
              timeout: 0
              per_host: 0
              cache_hours: -1
              timout: 3
            """
                + ARTICLE);
    var r = site.check();
    assertThat(site.diagnostics())
        .containsExactly(
            "sourced.yaml:3:12: error[bad-config] links.timeout must be a number of seconds above"
                + " zero, not 0",
            "sourced.yaml:4:13: error[bad-config] links.per_host must be at least 1, not 0",
            "sourced.yaml:5:16: error[bad-config] links.cache_hours must be zero (no cache) or"
                + " more, not -1",
            "sourced.yaml:6:3: warning[unknown-key] unknown key \"timout\" in links");
    assertThat(r.site().config().links()).isEqualTo(LinkSettings.defaults());
  }
}
