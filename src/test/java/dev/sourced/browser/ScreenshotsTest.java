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

  /**
   * The top of every page type in each language, at 390 and 1280 px, light and dark: named {@code
   * all/LANG-TYPE-WIDTH-SCHEME.png}, to be looked at side by side.
   */
  @Test
  void everyPageTypeInEveryLanguage() throws Exception {
    Path out = Path.of(System.getProperty("sourced.screenshots")).resolve("all");
    Files.createDirectories(out);
    ServedSite site = ServedSite.get();
    java.util.Map<String, String[]> types = new java.util.LinkedHashMap<>();
    types.put("home", new String[] {"", "en/"});
    types.put(
        "primer",
        new String[] {"sky-ecc-en-encrochat-uitgelegd/", "en/sky-ecc-and-encrochat-explained/"});
    types.put("action-day", new String[] {"sky-ecc-actiedag/", "en/sky-ecc-action-day/"});
    types.put("reading-live", new String[] {"sky-ecc-live-meelezen/", "en/reading-sky-ecc-live/"});
    types.put("encrochat", new String[] {"encrochat-hack-en-daarna/", "en/encrochat-and-after/"});
    types.put(
        "timeline", new String[] {"tijdlijn-sky-ecc-encrochat/", "en/sky-ecc-encrochat-timeline/"});
    types.put("facts", new String[] {"facts/", "en/facts/"});
    types.put("sources", new String[] {"sources/", "en/sources/"});
    types.put(
        "source", new String[] {"sources/europol-2021-03-10/", "en/sources/europol-2021-03-10/"});
    types.put("tags", new String[] {"tags/", "en/tags/"});
    types.put("tag", new String[] {"tags/encrochat/", "en/tags/encrochat/"});
    types.put("corrections", new String[] {"corrections/", "en/corrections/"});
    types.put("methodology", new String[] {"methodology/", "en/methodology/"});
    types.put("search", new String[] {"search/?q=antwerpen", "en/search/?q=antwerp"});
    types.put("404", new String[] {"no/such/page/", "en/no/such/page/"});
    try (Browser b = Browser.start(1280, 900)) {
      for (var t : types.entrySet())
        for (int l = 0; l < 2; l++)
          for (int width : new int[] {390, 1280})
            for (String scheme : List.of("light", "dark")) {
              b.viewport(width, width < 600 ? 844 : 900, width < 600);
              b.colorScheme(scheme);
              b.driver.get(site.url(t.getValue()[l]));
              if (t.getKey().equals("search"))
                new WebDriverWait(b.driver, Duration.ofSeconds(5))
                    .until(d -> !d.findElements(By.cssSelector("#search-results li")).isEmpty());
              String name =
                  (l == 0 ? "nl" : "en") + "-" + t.getKey() + "-" + width + "-" + scheme + ".png";
              save(b.driver.getScreenshotAs(OutputType.FILE).toPath(), out.resolve(name));
            }
    }
    System.out.println("Screenshots in " + out);
  }

  private static void save(Path from, Path to) throws Exception {
    Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
  }
}
