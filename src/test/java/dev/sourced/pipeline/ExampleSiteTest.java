package dev.sourced.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.Cli;
import dev.sourced.testing.TestSite;
import dev.sourced.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's own example site (the project root: sourced.yaml, content/, templates/) builds
 * cleanly, also under --strict, and its output is byte for byte the committed site/ folder; this is
 * what CI checks. Builds go to a temporary folder, never into ./site.
 */
class ExampleSiteTest {
  static final Path ROOT = Path.of("").toAbsolutePath();
  @TempDir static Path tmp;
  static TestSite site;

  @BeforeAll
  static void build() {
    assertThat(ROOT.resolve("sourced.yaml")).as("tests run from the project root").isRegularFile();
    site = TestSite.at(ROOT, tmp.resolve("out"));
    site.build();
  }

  @Test
  void theExampleSiteBuildsWithZeroDiagnostics() {
    assertThat(site.diagnostics()).isEmpty();
  }

  @Test
  void theExampleSiteBuildsWithZeroDiagnosticsUnderStrict() {
    Cli r = Cli.run("check", "--strict", "--source", ROOT.toString());
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.diagnosticLines()).isEmpty();
    assertThat(TestSite.at(ROOT, tmp.resolve("strict")).buildStrict().diagnostics()).isEmpty();
  }

  @Test
  void theOutputIsTheCommittedSiteFolderByteForByte() {
    Path committed = ROOT.resolve("site");
    assertThat(committed.resolve("index.html")).isRegularFile();
    Map<String, String> expected = Trees.fingerprint(committed);
    Map<String, String> actual = Trees.fingerprint(site.output());
    assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void aBuildThroughTheCommandLineGivesTheSameBytes() throws Exception {
    Path out = tmp.resolve("cli");
    Cli r = Cli.run("build", "--source", ROOT.toString(), "--output", out.toString());
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(Trees.fingerprint(out)).isEqualTo(Trees.fingerprint(site.output()));
    assertThat(Files.exists(ROOT.resolve("site").resolve(".sourced-build"))).isTrue();
  }

  /** Each article's Dutch address (the default, at the root) and its English one, under /en/. */
  static final Map<String, String> TRANSLATIONS =
      Map.of(
          "sky-ecc-actiedag/", "en/sky-ecc-action-day/",
          "sky-ecc-live-meelezen/", "en/reading-sky-ecc-live/",
          "encrochat-hack-en-daarna/", "en/encrochat-and-after/",
          "sky-ecc-en-encrochat-uitgelegd/", "en/sky-ecc-and-encrochat-explained/",
          "tijdlijn-sky-ecc-encrochat/", "en/sky-ecc-encrochat-timeline/");

  @Test
  void everyArticleIsInDutchAtTheRootAndInEnglishUnderEnAndEachLinksTheOther() {
    for (var e : TRANSLATIONS.entrySet()) {
      Document nl = site.html(e.getKey());
      Document en = site.html(e.getValue());
      assertThat(nl.selectFirst("html").attr("lang")).as(e.getKey()).isEqualTo("nl");
      assertThat(en.selectFirst("html").attr("lang")).as(e.getValue()).isEqualTo("en");
      List<String> both =
          List.of("https://example.org/" + e.getKey(), "https://example.org/" + e.getValue());
      for (Document d : List.of(nl, en)) {
        assertThat(d.select("link[rel=alternate][hreflang]").eachAttr("abs:href"))
            .as(d.location())
            .containsExactlyElementsOf(both);
        assertThat(d.select("link[rel=alternate][hreflang]").eachAttr("hreflang"))
            .containsExactly("nl", "en");
      }
      assertThat(nl.select(".language-switcher a[hreflang=en]").eachAttr("href"))
          .containsExactly("/" + e.getValue());
      assertThat(en.select(".language-switcher a[hreflang=nl]").eachAttr("href"))
          .containsExactly("/" + e.getKey());
      assertThat(nl.select(".language-switcher [aria-current=page]").text())
          .isEqualTo("Nederlands");
      assertThat(en.select(".language-switcher [aria-current=page]").text()).isEqualTo("English");
    }
  }

  @Test
  void aFactBoxShowsTheSameFigureInEachLanguagesFormat() {
    Element nl = site.html("sky-ecc-live-meelezen/").selectFirst("#fact-sky-users");
    Element en = site.html("en/reading-sky-ecc-live/").selectFirst("#fact-sky-users");
    assertThat(nl.text()).contains("ongeveer 70.000").contains("Peildatum");
    assertThat(en.text()).contains("about 70,000").contains("As of");
    assertThat(site.html("sky-ecc-actiedag/").select("a.fact[data-fact=be-cash]").text())
        .isEqualTo("meer dan 1,2 miljoen euro");
  }

  /** The English articles' addresses before the site had Dutch at the root, and their new ones. */
  static final Map<String, String> OLD_ADDRESSES =
      Map.of(
          "sky-ecc-action-day/", "en/sky-ecc-action-day/",
          "how-police-read-sky-ecc/", "en/reading-sky-ecc-live/",
          "encrochat-and-after/", "en/encrochat-and-after/",
          "sky-ecc-and-encrochat-explained/", "en/sky-ecc-and-encrochat-explained/",
          "operation-argus-timeline/", "en/sky-ecc-encrochat-timeline/");

  @Test
  void theEnglishArticlesOldAddressesLeadToTheirNewOnes() {
    assertThat(OLD_ADDRESSES.values()).containsExactlyInAnyOrderElementsOf(TRANSLATIONS.values());
    for (var e : OLD_ADDRESSES.entrySet()) {
      Document d = site.html(e.getKey());
      assertThat(d.select("link[rel=canonical]").attr("href"))
          .as(e.getKey())
          .isEqualTo("https://example.org/" + e.getValue());
    }
  }

  @Test
  void theHomePageIsInEachLanguage() {
    Document nl = site.html("index.html");
    Document en = site.html("en/index.html");
    assertThat(nl.select("h1").text()).isEqualTo("Sky ECC, ontcijferd");
    assertThat(en.select("h1").text()).isEqualTo("Sky ECC, decoded");
    assertThat(nl.select("#start-here-heading").text()).isEqualTo("Begin hier");
    assertThat(en.select("#start-here-heading").text()).isEqualTo("Start here");
    assertThat(nl.select(".start-here p a").attr("href"))
        .isEqualTo("/sky-ecc-en-encrochat-uitgelegd/");
    assertThat(en.select(".start-here p a").attr("href"))
        .isEqualTo("/en/sky-ecc-and-encrochat-explained/");
    assertThat(nl.select(".start-here li")).hasSize(TRANSLATIONS.size());
    assertThat(en.select(".start-here li")).hasSize(TRANSLATIONS.size());
  }

  /** Inside one citation mark numbers ascend, in the text and in every explainer piece. */
  @Test
  void everyCitationMarkOnEveryPageHasItsNumbersInAscendingOrder() {
    int marks = 0;
    for (String f : Trees.files(site.output())) {
      if (!f.endsWith(".html")) continue;
      for (Element sup : site.html(f).select("sup.cite")) {
        List<Integer> numbers = sup.select("a").eachText().stream().map(Integer::valueOf).toList();
        assertThat(numbers).as(f + ": " + sup.text()).isSorted();
        marks++;
      }
    }
    assertThat(marks).isGreaterThan(50);
  }
}
