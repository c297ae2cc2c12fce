package dev.sourced.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Screenshots for a person to look at, not assertions: the article with a disputed fact box and its
 * chart, in Dutch and in English, at phone (390 px) and desktop (1280 px) width, light and dark,
 * plus a fact card, a claim box, the methodology page and the search page. Runs only when asked:
 * {@code mvn test -Dtest=ScreenshotsTest -Dsourced.screenshots=/tmp/sourced-shots}.
 */
@EnabledIfSystemProperty(named = "sourced.screenshots", matches = ".+")
class ScreenshotsTest {

  @Test
  void takeScreenshots() throws Exception {
    Path out = Path.of(System.getProperty("sourced.screenshots"));
    Files.createDirectories(out);
    ServedSite site = ServedSite.get();
    // Each language's version of the same pages: {language, article, claim page, search}.
    List<String[]> languages =
        List.of(
            new String[] {
              "nl", "sky-ecc-live-meelezen/", "sky-ecc-actiedag/", "search/?q=gebruikers"
            },
            new String[] {
              "en", "en/reading-sky-ecc-live/", "en/sky-ecc-action-day/", "en/search/?q=users"
            });
    try (Browser b = Browser.start(1280, 900)) {
      for (String[] lang : languages)
        for (String scheme : List.of("light", "dark")) {
          for (int width : new int[] {390, 1280}) {
            b.viewport(width, width < 600 ? 844 : 900, width < 600);
            b.colorScheme(scheme);
            String name = lang[0] + "-" + (width < 600 ? "phone" : "desktop") + "-" + scheme;
            b.driver.get(site.url(lang[1]));
            save(
                b.driver.getScreenshotAs(OutputType.FILE).toPath(), out.resolve(name + "-top.png"));
            WebElement box = b.driver.findElement(By.cssSelector(".factbox-disputed"));
            b.js("arguments[0].scrollIntoView();", box);
            save(box.getScreenshotAs(OutputType.FILE).toPath(), out.resolve(name + "-box.png"));
            WebElement chart = box.findElement(By.className("value-chart"));
            b.js("arguments[0].scrollIntoView();", chart);
            save(chart.getScreenshotAs(OutputType.FILE).toPath(), out.resolve(name + "-chart.png"));
            WebElement fact = b.driver.findElement(By.cssSelector("a.fact-disputed"));
            b.js(
                "window.scrollTo(0, arguments[0].getBoundingClientRect().top + scrollY - 120);"
                    + "arguments[0].focus();",
                fact);
            new WebDriverWait(b.driver, Duration.ofSeconds(5))
                .until(d -> !d.findElements(By.cssSelector(".fact-card")).isEmpty());
            save(
                b.driver.getScreenshotAs(OutputType.FILE).toPath(),
                out.resolve(name + "-card.png"));
            b.driver.get(site.url(lang[2]));
            WebElement claim = b.driver.findElement(By.cssSelector(".claim"));
            b.js("arguments[0].scrollIntoView();", claim);
            save(claim.getScreenshotAs(OutputType.FILE).toPath(), out.resolve(name + "-claim.png"));
            b.driver.get(site.url(lang[0].equals("nl") ? "methodology/" : "en/methodology/"));
            save(
                b.driver.getScreenshotAs(OutputType.FILE).toPath(),
                out.resolve(name + "-methodology.png"));
            b.driver.get(site.url(lang[3]));
            new WebDriverWait(b.driver, Duration.ofSeconds(5))
                .until(d -> !d.findElements(By.cssSelector("#search-results li")).isEmpty());
            save(
                b.driver.getScreenshotAs(OutputType.FILE).toPath(),
                out.resolve(name + "-search.png"));
          }
        }
      b.viewport(800, 1100, false);
      b.driver.get(site.url("en/reading-sky-ecc-live/"));
      b.driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
      b.js("document.getElementById('references-heading').scrollIntoView();");
      save(b.driver.getScreenshotAs(OutputType.FILE).toPath(), out.resolve("print-references.png"));
      b.js("document.querySelector('.factbox-disputed .value-chart').scrollIntoView();");
      save(b.driver.getScreenshotAs(OutputType.FILE).toPath(), out.resolve("print-chart.png"));
      b.driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", ""));
      b.viewport(320, 700, true);
      b.colorScheme("light");
      b.driver.get(site.url("facts/"));
      save(b.driver.getScreenshotAs(OutputType.FILE).toPath(), out.resolve("phone320-facts.png"));
    }
    System.out.println("Screenshots in " + out);
  }

  private static void save(Path from, Path to) throws Exception {
    Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
  }
}
