package dev.sourced.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.TestSite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A search result whose label or claimant has no translation in the page's language, as the theme's
 * search.js shows it: the text in its own language ({@code lang}), followed by the page's words for
 * "not yet translated", as a fact box shows it. The site is the fixture {@code
 * untranslated-search}: a fact label and a claimant written in English only, on a Dutch and English
 * site.
 */
class SearchUntranslatedTest {
  @TempDir static Path dir;
  private static Nginx nginx;
  private static Browser browser;

  @BeforeAll
  static void start() {
    BrowserEnv.requireChromium();
    TestSite site = TestSite.fixture("untranslated-search", dir);
    assertThat(site.build().written()).as(site.diagnostics().toString()).isTrue();
    nginx = Nginx.serve(site.output(), "/sub/");
    browser = Browser.start(412, 823);
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.close();
    if (nginx != null) nginx.close();
  }

  private static List<WebElement> results(String page) {
    browser.driver.get(nginx.root + page);
    new WebDriverWait(browser.driver, Duration.ofSeconds(10))
        .until(d -> !d.findElements(By.cssSelector("#search-results li")).isEmpty());
    return browser.driver.findElements(By.cssSelector("#search-results li"));
  }

  @Test
  void anUntranslatedLabelKeepsItsLanguageAndThePageSaysSoInItsOwn() {
    WebElement fact = results("nl/search/?q=carried").get(0);
    WebElement label = fact.findElement(By.cssSelector("a .untranslated"));
    assertThat(label.getText()).isEqualTo("Searches carried out");
    assertThat(label.getAttribute("lang")).isEqualTo("en");
    assertThat(fact.findElement(By.cssSelector(".untranslated-note")).getText())
        .isEqualTo("(nog niet vertaald)");
  }

  @Test
  void anUntranslatedClaimantIsMarkedInsideTheVerdictLine() {
    WebElement claim = results("nl/search/?q=onkraakbaar").get(0);
    assertThat(claim.findElements(By.cssSelector("a .untranslated"))).isEmpty();
    WebElement line = claim.findElement(By.tagName("p"));
    assertThat(line.getText()).contains("A reseller (nog niet vertaald)");
    assertThat(line.findElement(By.cssSelector(".untranslated")).getAttribute("lang"))
        .isEqualTo("en");
  }

  @Test
  void aTranslatedTextIsNotMarked() {
    WebElement fact = results("search/?q=carried").get(0);
    assertThat(fact.getText()).contains("Searches carried out");
    assertThat(fact.findElements(By.cssSelector(".untranslated, .untranslated-note"))).isEmpty();
  }
}
