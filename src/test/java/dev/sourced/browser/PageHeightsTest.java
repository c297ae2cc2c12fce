package dev.sourced.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.OutputType;

/**
 * Measurements for a person, not assertions: the height of every article, of its "Facts in this
 * article" appendix and of its fact boxes, at phone (390 px) and desktop (1280 px) width, with a
 * full-page screenshot of each in light and dark. Measures the example site as built now, or a
 * built site folder given as {@code -Dsourced.heights.site=DIR} (served at its root), so that two
 * versions can be compared in one run: {@code mvn test -Dtest=PageHeightsTest
 * -Dsourced.heights=/tmp/heights}.
 */
@EnabledIfSystemProperty(named = "sourced.heights", matches = ".+")
class PageHeightsTest {
  private static final List<String> PAGES =
      List.of(
          "sky-ecc-actiedag/",
          "sky-ecc-live-meelezen/",
          "encrochat-hack-en-daarna/",
          "tijdlijn-sky-ecc-encrochat/",
          "sky-ecc-en-encrochat-uitgelegd/",
          "facts/",
          "en/sky-ecc-action-day/",
          "en/reading-sky-ecc-live/",
          "en/encrochat-and-after/",
          "en/sky-ecc-encrochat-timeline/",
          "en/sky-ecc-and-encrochat-explained/",
          "en/facts/");

  @Test
  void measure() throws Exception {
    Path out = Path.of(System.getProperty("sourced.heights"));
    Files.createDirectories(out);
    String given = System.getProperty("sourced.heights.site", "");
    Nginx nginx = given.isEmpty() ? null : Nginx.serve(Path.of(given), "/");
    String root = nginx != null ? nginx.root : ServedSite.get().url("");
    try (Browser b = Browser.start(1280, 900)) {
      for (String scheme : List.of("light", "dark")) {
        for (int width : new int[] {390, 1280}) {
          b.viewport(width, width < 600 ? 844 : 900, width < 600);
          b.colorScheme(scheme);
          for (String page : PAGES) {
            b.driver.get(root + page);
            Object h =
                b.js(
                    "if (document.title.startsWith('Page not found')) return 'missing';"
                        + "const a = document.querySelector('.article-facts');"
                        + "let boxes = 0; document.querySelectorAll('.factbox').forEach("
                        + " e => boxes += e.getBoundingClientRect().height);"
                        + "return Math.round(document.documentElement.scrollHeight) + ' px page, '"
                        + " + (a ? Math.round(a.getBoundingClientRect().height) : 0)"
                        + " + ' px appendix, ' + Math.round(boxes) + ' px in '"
                        + " + document.querySelectorAll('.factbox').length + ' fact boxes';");
            System.out.printf("HEIGHT %s %d %s: %s%n", scheme, width, page, h);
            if ("missing".equals(h)) continue;
            long full =
                ((Number) b.js("return document.documentElement.scrollHeight;")).longValue();
            b.viewport(width, (int) Math.min(full, 16000), width < 600);
            String name = page.replace("/", "") + "-" + width + "-" + scheme + ".png";
            Files.move(
                b.driver.getScreenshotAs(OutputType.FILE).toPath(),
                out.resolve(name),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            var appendix =
                b.driver.findElements(org.openqa.selenium.By.cssSelector(".article-facts"));
            if (!appendix.isEmpty()) {
              Files.move(
                  appendix.get(0).getScreenshotAs(OutputType.FILE).toPath(),
                  out.resolve("appendix-" + name),
                  java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            b.viewport(width, width < 600 ? 844 : 900, width < 600);
          }
        }
      }
    } finally {
      if (nginx != null) nginx.close();
    }
  }
}
