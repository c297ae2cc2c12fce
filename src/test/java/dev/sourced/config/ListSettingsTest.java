package dev.sourced.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.TestSite;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code paginate:}, {@code feed:} and {@code sitemap:} settings: defaults, values, mistakes.
 */
class ListSettingsTest {
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
    TestSite site = TestSite.of(dir, "-- sourced.yaml --\ntitle: T\n" + ARTICLE);
    var r = site.check();
    assertThat(site.diagnostics()).isEmpty();
    assertThat(r.site().config().lists()).isEqualTo(new ListSettings(20, 100, 10, 50_000));
  }

  @Test
  void valuesAreRead() {
    TestSite site =
        TestSite.of(
            dir,
            """
            -- sourced.yaml --
            title: T
            paginate: {articles: 5, entries: 40}
            feed: {entries: 25}
            sitemap: {max_urls: 1000}
            """
                + ARTICLE);
    var r = site.check();
    assertThat(site.diagnostics()).isEmpty();
    assertThat(r.site().config().lists()).isEqualTo(new ListSettings(5, 40, 25, 1000));
  }

  @Test
  void mistakesAreReportedAndTheDefaultsKept() {
    TestSite site =
        TestSite.of(
            dir,
            """
            -- sourced.yaml --
            title: T
            paginate: {articles: 0, entrys: 5}
            feed: {entries: -1}
            sitemap: {max_urls: 60000}
            """
                + ARTICLE);
    var r = site.check();
    assertThat(site.diagnostics())
        .containsExactly(
            "sourced.yaml:2:22: error[bad-config] paginate.articles must be a whole number from 1"
                + " up, not 0",
            "sourced.yaml:2:25: warning[unknown-key] unknown key \"entrys\" in paginate",
            "sourced.yaml:3:17: error[bad-config] feed.entries must be a whole number from 1 up,"
                + " not -1",
            "sourced.yaml:4:21: error[bad-config] sitemap.max_urls must be a whole number from 1 to"
                + " 50000, not 60000");
    assertThat(r.site().config().lists()).isEqualTo(ListSettings.DEFAULTS);
  }
}
