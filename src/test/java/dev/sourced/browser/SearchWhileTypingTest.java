package dev.sourced.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What makes the first search result quick on a slow network: the word list's part is fetched while
 * the reader types, and results are shown as their rows arrive, in rank order, so the first does
 * not wait for the rows of the last (bench/search-phone.mjs measures the wait on a phone).
 */
class SearchWhileTypingTest {
  private static ServedSite site;
  private static Browser browser;

  /** Records every fetch; row parts other than the first asked for wait for {@code release()}. */
  private static final String HOLD_BACK =
      """
      window.asked = [];
      var held = [], first = null, real = window.fetch;
      window.release = function () { held.forEach(function (go) { go(); }); held = []; };
      window.fetch = function (url, options) {
        url = String(url);
        window.asked.push(url);
        if (url.indexOf('/search/d/') < 0 || first === null || first === url) {
          if (url.indexOf('/search/d/') >= 0) first = url;
          return real(url, options);
        }
        return new Promise(function (go) { held.push(go); })
          .then(function () { return real(url, options); });
      };
      """;

  @BeforeAll
  static void start() {
    BrowserEnv.requireChromium();
    site = ServedSite.get();
    browser = Browser.start(412, 823);
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.close();
  }

  private static void openSearchWithTheIndexLoaded() {
    browser.driver.get(site.url("en/search/"));
    new WebDriverWait(browser.driver, Duration.ofSeconds(10))
        .until(d -> d.findElement(By.id("search-status")).getText().startsWith("Type a word"));
    browser.js(HOLD_BACK);
  }

  @Test
  void theIndexIsPreloadedByTheHeadAndFetchedOnce() {
    browser.driver.get(site.url("en/search/?q=antwerp"));
    new WebDriverWait(browser.driver, Duration.ofSeconds(10))
        .until(d -> !d.findElements(By.cssSelector("#search-results li")).isEmpty());
    Object fetched =
        browser.js(
            """
            return performance.getEntriesByType('resource')
              .filter(e => e.name.endsWith('/search.json'))
              .map(e => e.initiatorType);
            """);
    assertThat(((List<?>) fetched).stream().map(String::valueOf))
        .as("one request for search.json, made by the preload link, which the script's fetch used")
        .containsExactly("link");
  }

  @Test
  void theWordListsPartIsFetchedAsTheReaderTypesBeforeTheSearchRuns() {
    openSearchWithTheIndexLoaded();
    Object asked =
        browser.js(
            """
            var q = document.getElementById('search-q');
            q.value = 'antwerp';
            q.dispatchEvent(new Event('input'));
            return window.asked.slice();
            """);
    assertThat((List<?>) asked)
        .as("fetched at once, not after the search's 200 ms pause")
        .singleElement()
        .asString()
        .contains("/search/t/");
    assertThat(browser.driver.findElements(By.cssSelector("#search-results li"))).isEmpty();
  }

  @Test
  void theFirstResultsShowBeforeTheRowsOfLaterResultsArrive() {
    openSearchWithTheIndexLoaded();
    browser.js(
        """
        var q = document.getElementById('search-q');
        q.value = 'sky';
        document.getElementById('search-form').requestSubmit();
        """);
    WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(10));
    int before =
        wait.until(
            d -> {
              int n = d.findElements(By.cssSelector("#search-results li")).size();
              return n > 0 ? n : null;
            });
    assertThat(
            ((List<?>) browser.js("return window.asked;"))
                .stream().filter(u -> String.valueOf(u).contains("/search/d/")))
        .as("the query's first results span two parts of rows")
        .hasSize(2);
    assertThat(browser.driver.findElement(By.id("search-status")).getText()).contains("results");
    browser.js("window.release();");
    int after =
        wait.until(
            d -> {
              int n = d.findElements(By.cssSelector("#search-results li")).size();
              return n > before ? n : null;
            });
    String status = browser.driver.findElement(By.id("search-status")).getText();
    int found = Integer.parseInt(status.replaceAll("\\D.*", ""));
    assertThat(after).as(status).isEqualTo(Math.min(20, found));
  }
}
