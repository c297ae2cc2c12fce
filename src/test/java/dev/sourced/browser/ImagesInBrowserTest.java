package dev.sourced.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.TestImages;
import dev.sourced.testing.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import nu.validator.client.EmbeddedValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An article with photographs, a chart and a decorative picture, built and served by nginx from a
 * sub-path, in Debian's headless Chromium on a 390-pixel phone and on a desktop: axe finds no
 * violation (light and dark), the Nu Html Checker no error, every {@code <img>} has width and
 * height so nothing moves when the images arrive (the page's layout shifts add up to zero while
 * every image loads, and an image without them does move it: the measure can fail), the first image
 * is loaded at once and every image below the first screen lazily, and the three photos a phone
 * downloads weigh under the 250 KB budget.
 */
class ImagesInBrowserTest {
  @TempDir static Path dir;

  private static Browser browser;
  private static Nginx nginx;
  private static TestSite site;

  static final String PAGE = "port/";

  @BeforeAll
  static void start() throws IOException {
    BrowserEnv.requireChromium();
    BrowserEnv.axeScript();
    String words =
        "The harbour is described here in words that take room on a narrow screen, so that the"
            + " pictures after them are below the first screen of a phone.";
    site =
        TestSite.of(
            dir,
            """
            -- sourced.yaml --
            title: Pictures
            base_url: https://example.org/explainers/
            -- content/port/index.md --
            ---
            title: The port, in pictures
            date: 2021-03-09
            sources:
              pa: {title: Port photographs, url: "https://example.org/photos"}
            images:
              quay.jpg: {credit: Port photo desk, licence: CC BY 4.0, source: pa, caption: The quay at dawn}
              crane.jpg: {credit: Port photo desk, licence: CC BY 4.0, source: pa}
              ships.jpg: {credit: Port photo desk, licence: CC0 1.0, url: "https://example.org/ships"}
              chart.png: {credit: Data desk, licence: CC BY 4.0, source: pa}
              rule.png: {credit: Design desk, licence: CC0 1.0, source: pa, decorative: true}
            ---
            ![Cranes over the quay before sunrise](quay.jpg)

            %1$s [@pa]

            %1$s

            %1$s

            %1$s

            ![A crane lifting a container](crane.jpg "Unloading")

            %1$s

            ![](rule.png)

            ![Ships waiting outside the port](ships.jpg)

            %1$s

            ![A chart of ships by week](chart.png "Ships by week")
            """
                .formatted(words));
    Path bundle = site.root().resolve("content/port");
    Files.write(bundle.resolve("quay.jpg"), TestImages.jpeg(TestImages.photo(2000, 1333, 1), 0.9f));
    Files.write(
        bundle.resolve("crane.jpg"), TestImages.jpeg(TestImages.photo(1200, 1600, 2), 0.9f));
    Files.write(bundle.resolve("ships.jpg"), TestImages.jpeg(TestImages.photo(1600, 900, 3), 0.9f));
    ImageIO.write(TestImages.photo(900, 600, 4), "png", bundle.resolve("chart.png").toFile());
    ImageIO.write(TestImages.photo(600, 20, 5), "png", bundle.resolve("rule.png").toFile());
    site.build();
    assertThat(site.diagnostics()).isEmpty();
    nginx = Nginx.serve(site.output(), "/explainers/");
    browser = Browser.start(1280, 900);
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.close();
    if (nginx != null) nginx.close();
  }

  private static void load(int width, int height, boolean mobile, double ratio) {
    browser.driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", ratio, "mobile", mobile));
    browser.driver.executeCdpCommand("Network.enable", Map.of());
    browser.driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
    browser.driver.get(nginx.root + PAGE);
  }

  /** Scrolls to the end, as a reader does, until every image has loaded. */
  private static void scrollThroughAndWait() {
    browser.js(
        "window.__shift = 0; new PerformanceObserver(l => l.getEntries().forEach(e => {"
            + " if (!e.hadRecentInput) window.__shift += e.value; }))"
            + ".observe({type: 'layout-shift', buffered: true});");
    for (int i = 0; i < 20; i++) {
      browser.js("window.scrollBy(0, window.innerHeight / 2);");
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    new WebDriverWait(browser.driver, Duration.ofSeconds(20))
        .until(
            d ->
                Boolean.TRUE.equals(
                    browser.js(
                        "return [...document.images].every(i => i.complete && i.naturalWidth > 0);")));
  }

  private static double shift() {
    return ((Number) browser.js("return window.__shift;")).doubleValue();
  }

  @Test
  void everyImageHasItsSizeAndNothingMovesAsTheyLoad() {
    for (boolean phone : new boolean[] {true, false}) {
      load(phone ? 390 : 1280, phone ? 844 : 900, phone, 1);
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> images =
          (List<Map<String, Object>>)
              browser.js(
                  "return [...document.querySelectorAll('main img')].map(i => ({"
                      + " src: i.getAttribute('src'), w: i.getAttribute('width'),"
                      + " h: i.getAttribute('height'), loading: i.getAttribute('loading'),"
                      + " decoding: i.getAttribute('decoding'),"
                      + " top: i.getBoundingClientRect().top + window.scrollY,"
                      + " boxW: i.getBoundingClientRect().width,"
                      + " boxH: i.getBoundingClientRect().height }));");
      long viewport = (Long) browser.js("return window.innerHeight;");
      assertThat(images).hasSize(5);
      for (Map<String, Object> img : images) {
        String what = (phone ? "phone: " : "desktop: ") + img.get("src");
        assertThat(img.get("w")).as(what + " width").isNotNull();
        assertThat(img.get("h")).as(what + " height").isNotNull();
        assertThat(img.get("decoding")).as(what).isEqualTo("async");
        // Before any image has arrived, its box already has the picture's shape.
        double ratio =
            Double.parseDouble((String) img.get("w")) / Double.parseDouble((String) img.get("h"));
        double box =
            ((Number) img.get("boxW")).doubleValue() / ((Number) img.get("boxH")).doubleValue();
        assertThat(box)
            .as(what + " box shape")
            .isCloseTo(ratio, org.assertj.core.data.Percentage.withPercentage(2));
        if (((Number) img.get("top")).doubleValue() >= viewport) {
          assertThat(img.get("loading")).as(what + " below the first screen").isEqualTo("lazy");
        }
      }
      assertThat(((Number) images.get(0).get("top")).doubleValue()).isLessThan(viewport);
      assertThat(images.get(0).get("loading")).as("the first image, on the first screen").isNull();
      assertThat(images.stream().filter(i -> ((Number) i.get("top")).doubleValue() >= viewport))
          .as("images below the first screen")
          .hasSizeGreaterThanOrEqualTo(phone ? 4 : 3);
      scrollThroughAndWait();
      assertThat(shift())
          .as("layout shift while images load (%s)", phone ? "phone" : "desktop")
          .isZero();
      // The host's /favicon.ico, outside the site's sub-path, is the browser's own request.
      assertThat(browser.consoleErrors()).noneMatch(e -> !e.contains("/favicon.ico"));
    }
  }

  @Test
  void anImageWithoutItsSizeWouldMoveThePage() {
    load(390, 844, true, 1);
    browser.js(
        "window.__shift = 0; new PerformanceObserver(l => l.getEntries().forEach(e => {"
            + " window.__shift += e.value; })).observe({type: 'layout-shift', buffered: true});"
            + "const i = document.createElement('img'); i.alt = 'late';"
            + "i.src = document.querySelector('main img').currentSrc + '?late';"
            + "document.querySelector('main h1').after(i);");
    new WebDriverWait(browser.driver, Duration.ofSeconds(20))
        .until(d -> ((Number) browser.js("return window.__shift;")).doubleValue() > 0);
  }

  @Test
  void noAxeViolationsOnAPhoneAndADesktopLightAndDark() {
    for (String scheme : List.of("light", "dark")) {
      for (boolean phone : new boolean[] {true, false}) {
        browser.colorScheme(scheme);
        load(phone ? 390 : 1280, phone ? 844 : 900, phone, 1);
        scrollThroughAndWait();
        assertThat(browser.axe())
            .as("axe violations (%s, %s)", scheme, phone ? "phone" : "desktop")
            .isEmpty();
      }
    }
  }

  @Test
  void thePageIsValidHtml() throws Exception {
    EmbeddedValidator validator = new EmbeddedValidator();
    validator.setOutputFormat(EmbeddedValidator.OutputFormat.GNU);
    String report = validator.validate(site.output().resolve("port/index.html"));
    assertThat(report.lines().filter(l -> l.contains(": error:") || l.contains(": fatal:")))
        .as("Nu Html Checker errors")
        .isEmpty();
  }

  @Test
  void thePhotosAPhoneDownloadsAreUnderTheBudget() {
    load(390, 844, true, 2);
    scrollThroughAndWait();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> loaded =
        (List<Map<String, Object>>)
            browser.js(
                "return performance.getEntriesByType('resource')"
                    + ".filter(e => e.initiatorType === 'img')"
                    + ".map(e => ({name: e.name, bytes: e.encodedBodySize}));");
    long photos =
        loaded.stream()
            .filter(
                e -> ((String) e.get("name")).matches(".*/(quay|crane|ships)[^/]*\\.(jpg|webp)"))
            .mapToLong(e -> ((Number) e.get("bytes")).longValue())
            .sum();
    System.out.println("Photos on a 390 px phone at 2x: " + photos + " bytes; " + loaded);
    assertThat(
            loaded.stream()
                .filter(e -> ((String) e.get("name")).matches(".*/(quay|crane|ships)[^/]*")))
        .hasSize(3);
    assertThat(photos).as("bytes of the three photos").isLessThan(250_000);
  }
}
