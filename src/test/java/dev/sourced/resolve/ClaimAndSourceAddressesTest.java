package dev.sourced.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.Links;
import dev.sourced.testing.TestSite;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Addresses the build derives from IDs: claim anchors at their home, source pages. */
class ClaimAndSourceAddressesTest {
  @TempDir Path dir;

  @Test
  void everyLinkToAClaimLandsOnItsBoxWhereverTheClaimIsDeclared() {
    // "a" declares both claims but boxes neither; "b" boxes one. The facts index and the source
    // page link each claim to "/a/#claim-ID", where there is no box.
    TestSite site =
        TestSite.of(
            dir,
            """
        -- sourced.yaml --
        title: T
        -- content/a.md --
        ---
        title: A
        date: 2021-03-09
        sources:
          s1: {title: R1, url: "https://example.org/r"}
        claims:
          boxed-elsewhere:
            claim: Z.
            claimant: Y
            verdict: true
            sources: [s1]
          never-boxed:
            claim: X.
            claimant: Y
            verdict: false
            sources: [s1]
        ---
        Text [@s1].
        -- content/b.md --
        ---
        title: B
        date: 2021-03-10
        ---
        {{claim:boxed-elsewhere}}
        """);
    site.build();
    assertThat(site.diagnostics()).noneMatch(d -> d.contains("error["));
    assertThat(Links.broken(site, "/")).isEmpty();
  }

  @Test
  void sourceIdsThatDifferOnlyByCaseAreRefused() {
    // Each source gets a page at /sources/ID/; "Europol" and "europol" are one folder on
    // case-insensitive file systems, so one page would silently replace the other.
    TestSite site =
        TestSite.of(
            dir,
            """
        -- sourced.yaml --
        title: T
        -- content/a.md --
        ---
        title: A
        date: 2021-03-09
        sources:
          Europol: {title: R1, url: "https://example.org/r"}
          europol: {title: R2, url: "https://example.org/r2"}
        ---
        Text [@Europol; @europol].
        """);
    var result = site.build();
    assertThat(result.failed()).as(site.diagnostics().toString()).isTrue();
    assertThat(site.diagnostics())
        .anyMatch(d -> d.startsWith("content/a.md:6:3: error[") && d.contains("Europol"));
  }
}
