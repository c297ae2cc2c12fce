package dev.sourced.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * axe-core (from npm, injected into the page) in Debian's headless Chromium: zero violations on
 * every page type of the example site, served by nginx from a sub-path, in light and dark
 * (prefers-color-scheme emulated through the DevTools protocol). The article is also checked with a
 * fact card open, and every page for console errors and requests to other hosts.
 */
class AccessibilityTest {
  private static Browser browser;
  private static ServedSite site;

  @BeforeAll
  static void start() {
    BrowserEnv.requireChromium();
    BrowserEnv.axeScript();
    site = ServedSite.get();
    browser = Browser.start(1280, 900);
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.close();
  }

  /** Each page type in Dutch (the default, at the root) and in English (under en/). */
  static Stream<Arguments> pages() {
    List<String[]> types =
        List.of(
            new String[] {"article", "sky-ecc-live-meelezen/", "en/reading-sky-ecc-live/"},
            new String[] {
              "article with a glance and unknowns", "sky-ecc-actiedag/", "en/sky-ecc-action-day/"
            },
            new String[] {
              "article with a timeline",
              "tijdlijn-sky-ecc-encrochat/",
              "en/sky-ecc-encrochat-timeline/"
            },
            new String[] {
              "article with a comparison",
              "sky-ecc-en-encrochat-uitgelegd/",
              "en/sky-ecc-and-encrochat-explained/"
            },
            new String[] {
              "untitled source", "sources/nltimes-2021-03-09/", "en/sources/nltimes-2021-03-09/"
            },
            new String[] {"home", "", "en/"},
            new String[] {"tags", "tags/", "en/tags/"},
            new String[] {"tag", "tags/politie/", "en/tags/policing/"},
            new String[] {"facts", "facts/", "en/facts/"},
            new String[] {"sources", "sources/", "en/sources/"},
            new String[] {
              "source", "sources/europol-2021-03-10/", "en/sources/europol-2021-03-10/"
            },
            new String[] {"methodology", "methodology/", "en/methodology/"},
            new String[] {"corrections", "corrections/", "en/corrections/"},
            new String[] {"search", "search/?q=gebruikers", "en/search/?q=users"},
            new String[] {"404", "no/such/page/", "en/no/such/page/"});
    return Stream.of("light", "dark")
        .flatMap(
            scheme ->
                types.stream()
                    .flatMap(
                        t ->
                            Stream.of(
                                Arguments.of(t[0] + " (nl)", t[1], scheme),
                                Arguments.of(t[0] + " (en)", t[2], scheme))));
  }

  @ParameterizedTest(name = "{0} page ({2})")
  @MethodSource("pages")
  void noAxeViolations(String type, String path, String scheme) {
    load(path, scheme);
    if (type.startsWith("search")) {
      new WebDriverWait(browser.driver, Duration.ofSeconds(10))
          .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#search-results li")));
    }
    assertThat(browser.axe()).as("axe violations on the %s page (%s)", type, scheme).isEmpty();
    List<String> errors =
        browser.consoleErrors().stream()
            .filter(e -> !(type.startsWith("404") && e.contains("404")))
            .toList();
    assertThat(errors).as("console errors on the %s page", type).isEmpty();
    Object foreign =
        browser.js(
            "return performance.getEntriesByType('resource')"
                + ".map(e => e.name).filter(u => new URL(u).origin !== location.origin);");
    assertThat((List<?>) foreign).as("requests to other hosts from the %s page", type).isEmpty();
  }

  @Test
  void articleWithAFactCardOpenLightAndDark() {
    for (String[] run :
        List.of(
            new String[] {"light", "sky-ecc-live-meelezen/"},
            new String[] {"dark", "sky-ecc-live-meelezen/"},
            new String[] {"light", "en/reading-sky-ecc-live/"},
            new String[] {"dark", "en/reading-sky-ecc-live/"})) {
      String scheme = run[0];
      load(run[1], scheme);
      WebElement fact = browser.driver.findElement(By.cssSelector("a.fact-disputed"));
      browser.js("arguments[0].focus();", fact);
      new WebDriverWait(browser.driver, Duration.ofSeconds(5))
          .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fact-card")));
      assertThat(browser.axe()).as("axe violations with a fact card open (%s)", scheme).isEmpty();
    }
  }

  @Test
  void explainerPiecesOnAPhoneLightAndDark() {
    try {
      browser.viewport(390, 844, true);
      for (String scheme : List.of("light", "dark")) {
        for (String page :
            List.of(
                "sky-ecc-en-encrochat-uitgelegd/",
                "tijdlijn-sky-ecc-encrochat/",
                "en/sky-ecc-and-encrochat-explained/",
                "en/sky-ecc-encrochat-timeline/")) {
          load(page, scheme);
          assertThat(browser.axe())
              .as("axe violations on %s at 390 px (%s)", page, scheme)
              .isEmpty();
        }
      }
    } finally {
      browser.viewport(1280, 900, false);
    }
  }

  @Test
  void axeCanFail() {
    load("methodology/", "light");
    browser.js(
        "const i = document.createElement('img'); i.src = 'data:,';"
            + "document.querySelector('main').appendChild(i);");
    assertThat(browser.axe()).anyMatch(v -> v.startsWith("image-alt"));
  }

  private static void load(String path, String scheme) {
    browser.colorScheme(scheme);
    browser.driver.get(site.url(path));
    browser.consoleErrors();
    browser.driver.navigate().refresh();
  }
}
