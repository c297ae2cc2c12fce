package dev.sourced.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The example site's busiest fact box, "Sky ECC users" (six values from five sources, five of them
 * the same 70,000), measured in the real browser at desktop and phone width: sources that agree
 * share one row and one bar, so the box stays short enough to read past. The heights are printed
 * for the record.
 */
class FactBoxLayoutTest {
  private static ServedSite site;
  private static Browser browser;

  @BeforeAll
  static void start() {
    BrowserEnv.requireChromium();
    site = ServedSite.get();
    browser = Browser.start(1280, 900);
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.close();
  }

  @Test
  void theSkyEccUsersBoxIsShortAtDesktopAndPhoneWidth() {
    // With a row and a bar per value the box was 1,300 px tall at 1280 px and 2,087 px at 390 px;
    // now it must fit a 1280x900 desktop screen, and take under half its old length on a phone
    // (the editor's note alone is some 200 px there) in every language: Dutch, whose words are
    // longer, needs some 160 px more than English on a phone.
    Map<Integer, Integer> limits = Map.of(1280, 800, 390, 1040);
    Map<String, Long> heights = new java.util.TreeMap<>();
    for (String page : List.of("sky-ecc-live-meelezen/", "en/reading-sky-ecc-live/"))
      for (int width : List.of(1280, 390)) {
        browser.viewport(width, width < 600 ? 844 : 900, width < 600);
        browser.colorScheme("light");
        browser.driver.get(site.url(page));
        WebElement box = browser.driver.findElement(By.id("fact-sky-users"));
        long height =
            ((Number)
                    browser.js(
                        "return Math.round(arguments[0].getBoundingClientRect().height);", box))
                .longValue();
        System.out.println(
            "fact box sky-users on " + page + " at " + width + " px wide: " + height + " px tall");
        heights.put(page + " " + width, height);
      }
    for (var e : heights.entrySet()) {
      int width = Integer.parseInt(e.getKey().substring(e.getKey().indexOf(' ') + 1));
      assertThat(e.getValue())
          .as("height of the Sky ECC users box, %s px wide", e.getKey())
          .isLessThan(limits.get(width));
    }
  }
}
