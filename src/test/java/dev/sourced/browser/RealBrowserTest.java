package dev.sourced.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.JsonReader;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The example site as readers get it: built with base_url https://example.org/explainers/, served
 * by nginx from /explainers/ on a loopback port, read by Debian's Chromium. Every internal link and
 * asset reachable from the home page resolves (and every #anchor exists); the fact card opens on
 * keyboard focus and closes on Escape; citations and boxes on other pages get cards too; search
 * finds a fact by its label, from the header form as well.
 */
class RealBrowserTest {
  private static ServedSite site;
  private static HttpClient http;
  private static Browser browser;

  @BeforeAll
  static void start() {
    BrowserEnv.requireChromium();
    site = ServedSite.get();
    http =
        HttpClient.newBuilder()
            .proxy(HttpClient.Builder.NO_PROXY)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    browser = Browser.start(1280, 900);
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.close();
  }

  @Test
  void aMissingAddressGetsItsLanguagesNotFoundPageWithStatus404() throws Exception {
    for (String[] c : new String[][] {{"no/such/page/", "nl"}, {"en/no/such/page/", "en"}}) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(site.url(c[0]))).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(c[0]).isEqualTo(404);
      assertThat(Jsoup.parse(r.body()).selectFirst("html").attr("lang")).as(c[0]).isEqualTo(c[1]);
    }
  }

  @Test
  void everyInternalLinkAndAssetFromTheHomePageResolves() throws Exception {
    URI root = URI.create(site.url(""));
    Deque<URI> queue = new ArrayDeque<>(List.of(root, URI.create(site.url("no/such/page/"))));
    Map<URI, Integer> status = new LinkedHashMap<>();
    Map<URI, Set<String>> ids = new HashMap<>();
    Map<String, URI> anchors = new LinkedHashMap<>(); // "page#id" -> page it was linked from
    List<String> problems = new ArrayList<>();
    while (!queue.isEmpty()) {
      URI u = queue.poll();
      if (status.containsKey(u)) continue;
      HttpResponse<byte[]> r =
          http.send(
              HttpRequest.newBuilder(u).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      status.put(u, r.statusCode());
      boolean notFoundPage = u.getPath().endsWith("/no/such/page/");
      if (r.statusCode() != (notFoundPage ? 404 : 200)) {
        problems.add(u + " answered " + r.statusCode());
        continue;
      }
      String type = r.headers().firstValue("content-type").orElse("");
      if (!type.startsWith("text/html")) continue;
      Document doc = Jsoup.parse(new String(r.body(), StandardCharsets.UTF_8), u.toString());
      Set<String> pageIds = new HashSet<>();
      for (Element e : doc.select("[id]")) pageIds.add(e.id());
      for (Element e : doc.select("a[name]")) pageIds.add(e.attr("name"));
      ids.put(u, pageIds);
      for (Element e :
          doc.select("a[href], link[href], script[src], img[src], source[src], form[action]")) {
        String raw =
            e.hasAttr("href")
                ? e.attr("href")
                : e.hasAttr("src") ? e.attr("src") : e.attr("action");
        String abs = e.absUrl(e.hasAttr("href") ? "href" : e.hasAttr("src") ? "src" : "action");
        if (abs.isEmpty()) {
          problems.add(u + ": unresolvable address " + raw);
          continue;
        }
        URI target = URI.create(abs);
        boolean local =
            root.getHost().equals(target.getHost()) && root.getPort() == target.getPort();
        boolean canonical = abs.startsWith(ExampleSite.SUB_PATH_URL);
        if (canonical) {
          // Canonical, Open Graph and feed addresses are absolute; they must name the same page.
          target = URI.create(root + abs.substring(ExampleSite.SUB_PATH_URL.length()));
          local = true;
        }
        if (!local) continue;
        if (!target.getPath().startsWith(ExampleSite.SUB_PATH)) {
          problems.add(u + ": " + raw + " leaves the sub-path " + ExampleSite.SUB_PATH);
          continue;
        }
        URI page =
            new URI(
                target.getScheme(),
                null,
                target.getHost(),
                target.getPort(),
                target.getPath(),
                target.getQuery(),
                null);
        if (target.getRawFragment() != null && !target.getRawFragment().isEmpty()) {
          anchors.putIfAbsent(page + "#" + target.getRawFragment(), u);
        }
        if (!status.containsKey(page)) queue.add(page);
      }
    }
    for (var a : anchors.entrySet()) {
      String key = a.getKey();
      int hash = key.indexOf('#');
      URI page = URI.create(key.substring(0, hash));
      String id = URLDecoder.decode(key.substring(hash + 1), StandardCharsets.UTF_8);
      Set<String> known = ids.get(page);
      if (known != null && !known.contains(id)) {
        problems.add(a.getValue() + ": links to " + key + ", which has no element with that id");
      }
    }
    long pages = status.keySet().stream().filter(ids::containsKey).count();
    System.out.printf(
        "Crawled %d addresses under %s (%d pages), checked %d anchors%n",
        status.size(), root, pages, anchors.size());
    assertThat(problems).as("broken links, assets or anchors").isEmpty();
    assertThat(status.keySet().stream().map(URI::getPath))
        .as("crawled")
        .anyMatch(p -> p.contains("/assets/facts."))
        .anyMatch(p -> p.endsWith("/search/"))
        .anyMatch(p -> p.endsWith("/feed.xml"))
        .anyMatch(p -> p.endsWith("/facts/"))
        .anyMatch(p -> p.endsWith("/en/reading-sky-ecc-live/"))
        .anyMatch(p -> p.endsWith("/sky-ecc-live-meelezen/"))
        .anyMatch(p -> p.endsWith("/en/facts/"));
  }

  @Test
  void everySitemapAddressIsServed() throws Exception {
    String xml = get(site.url("sitemap.xml"));
    Matcher m = Pattern.compile("<loc>([^<]+)</loc>").matcher(xml);
    int n = 0;
    while (m.find()) {
      String loc = m.group(1);
      assertThat(loc).startsWith(ExampleSite.SUB_PATH_URL);
      URI local = URI.create(site.url(loc.substring(ExampleSite.SUB_PATH_URL.length())));
      assertThat(
              http.send(
                      HttpRequest.newBuilder(local).build(), HttpResponse.BodyHandlers.discarding())
                  .statusCode())
          .as(loc)
          .isEqualTo(200);
      n++;
    }
    assertThat(n).isGreaterThan(5);
  }

  @Test
  void factCardOpensOnKeyboardFocusAndClosesOnEscape() {
    browser.driver.get(site.url("en/reading-sky-ecc-live/"));
    WebElement body = browser.driver.findElement(By.tagName("body"));
    Actions keys = new Actions(browser.driver);
    // Tab from the top of the page to the first fact value: it is reachable by keyboard.
    WebElement focused = null;
    for (int i = 0; i < 200; i++) {
      keys.sendKeys(Keys.TAB).perform();
      focused = browser.driver.switchTo().activeElement();
      if (focused.getAttribute("class") != null
          && focused.getAttribute("class").contains("fact")
          && focused.getTagName().equals("a")) {
        break;
      }
    }
    assertThat(focused.getAttribute("class")).as("Tab reaches a fact value").contains("fact");
    String href = focused.getAttribute("href");
    String boxId = href.substring(href.indexOf('#') + 1);
    String label =
        body.findElement(By.id(boxId)).findElement(By.className("factbox-label")).getText();

    WebElement card = waitForCard();
    assertThat(card.getAttribute("role")).isEqualTo("tooltip");
    assertThat(focused.getAttribute("aria-describedby")).isEqualTo(card.getAttribute("id"));
    assertThat(card.getText()).contains(label.replaceFirst("^Fact\\s+", ""));
    assertThat(card.findElements(By.cssSelector("[id]")))
        .as("no duplicate ids in the card")
        .isEmpty();

    keys.sendKeys(Keys.ESCAPE).perform();
    new WebDriverWait(browser.driver, Duration.ofSeconds(3))
        .until(d -> d.findElements(By.cssSelector(".fact-card")).isEmpty());
    WebElement still = browser.driver.switchTo().activeElement();
    assertThat(still.getAttribute("href")).as("focus stays on the fact value").isEqualTo(href);
    assertThat(still.getAttribute("aria-describedby")).isNull();
  }

  @Test
  void factCardOpensOnHoverAndStaysWhileThePointerIsOnIt() {
    browser.driver.get(site.url("en/reading-sky-ecc-live/"));
    WebElement fact = browser.driver.findElement(By.cssSelector("a.fact"));
    new Actions(browser.driver).moveToElement(fact).perform();
    WebElement card = waitForCard();
    new Actions(browser.driver).moveToElement(card).pause(Duration.ofMillis(400)).perform();
    assertThat(browser.driver.findElements(By.cssSelector(".fact-card"))).hasSize(1);
    new Actions(browser.driver)
        .moveToElement(browser.driver.findElement(By.tagName("h1")))
        .pause(Duration.ofMillis(400))
        .perform();
    assertThat(browser.driver.findElements(By.cssSelector(".fact-card"))).isEmpty();
  }

  @Test
  void aBoxOnAnotherPageIsFetchedIntoTheCard() {
    browser.driver.get(site.url("en/encrochat-and-after/"));
    WebElement remote =
        browser.driver.findElements(By.cssSelector("a.fact")).stream()
            .filter(
                a ->
                    !a.getAttribute("href")
                        .startsWith(browser.driver.getCurrentUrl().replaceFirst("#.*", "") + "#"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no fact on this page links elsewhere"));
    String href = remote.getAttribute("href");
    browser.js("arguments[0].focus();", remote);
    WebElement card = waitForCard();
    assertThat(card.findElement(By.className("factbox-label")).getText()).isNotBlank();
    String here = browser.driver.getCurrentUrl().replaceFirst("#.*", "");
    List<String> localRefs =
        browser.driver.findElements(By.cssSelector(".references li")).stream()
            .map(li -> li.getAttribute("id").substring("ref-".length()))
            .toList();
    int sources = 0;
    for (WebElement a : card.findElements(By.cssSelector("a[href]"))) {
      assertThat(a.getAttribute("tabindex")).isEqualTo("-1");
      String ref =
          a.findElements(By.className("ref-number")).isEmpty()
              ? null
              : a.getAttribute("href").replaceFirst(".*#ref-", "");
      if (ref == null) {
        assertThat(a.getAttribute("href"))
            .as("links in a fetched card point to their page")
            .startsWith(site.url(""))
            .doesNotStartWith(here + "#");
        continue;
      }
      sources++;
      // The card is read on this page: its sources carry this page's numbers and links.
      assertThat(a.getAttribute("href")).isEqualTo(here + "#ref-" + ref);
      assertThat(a.findElement(By.className("ref-number")).getText())
          .as("number of %s in the card", ref)
          .isEqualTo("[" + (localRefs.indexOf(ref) + 1) + "]");
    }
    assertThat(sources).isPositive();
    assertThat(href).contains("#fact-");
  }

  @Test
  void aCardShowsWhatItsBoxShows() throws Exception {
    browser.driver.get(site.url("en/sky-ecc-encrochat-timeline/"));
    WebElement remote = browser.driver.findElement(By.cssSelector("a.fact[data-fact=sky-users]"));
    Document box =
        Jsoup.parse(
            get(site.url("en/reading-sky-ecc-live/")), site.url("en/reading-sky-ecc-live/"));
    Element home = box.getElementById("fact-sky-users");
    assertThat(home.select(".figure-row")).as("one row per distinct figure").hasSize(2);
    browser.js("arguments[0].focus();", remote);
    WebElement card = waitForCard();
    String text = card.getText();
    for (Element scope : home.select(".figure-scope, .figure, .figure-wording")) {
      assertThat(text).as("the card shows the box's rows").contains(scope.text().strip());
    }
    assertThat(card.findElements(By.cssSelector(".figure-row")))
        .hasSize(home.select(".figure-row").size());
  }

  @Test
  void aCitationShowsItsReference() {
    browser.driver.get(site.url("en/reading-sky-ecc-live/"));
    WebElement cite = browser.driver.findElement(By.cssSelector("sup.cite a"));
    String refId = cite.getAttribute("href").replaceFirst(".*#", "");
    String title = browser.driver.findElement(By.id(refId)).findElement(By.tagName("a")).getText();
    browser.js("arguments[0].focus();", cite);
    WebElement card = waitForCard();
    assertThat(card.getText()).containsIgnoringCase("Reference " + cite.getText()).contains(title);
    new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
    assertThat(browser.driver.findElements(By.cssSelector(".fact-card"))).isEmpty();
  }

  @Test
  void searchFindsAFactByItsLabel() throws Exception {
    Map<?, ?> index = (Map<?, ?>) JsonReader.parse(get(site.url("en/search.json")));
    String rowPart = ((String) index.get("rowPart")).substring(ExampleSite.SUB_PATH.length());
    Matcher m = null;
    for (int k = 0; k < ((Number) index.get("rows")).intValue(); k++) {
      m =
          Pattern.compile("\\[\"fact\",\"([^\"]+)\",\"[^\"]*\",\"([^\"]+)\"")
              .matcher(
                  get(
                      site.url(
                          rowPart
                              .replace("{n}", String.valueOf(k))
                              .replace("{hash}", SearchIndexTest.rowHash(index, k)))));
      if (m.find()) break;
      m = null;
    }
    assertThat(m).as("the search index lists facts").isNotNull();
    String label = m.group(1);
    String url = m.group(2);
    assertThat(url).startsWith(ExampleSite.SUB_PATH);

    browser.driver.get(
        site.url("en/search/?q=" + java.net.URLEncoder.encode(label, StandardCharsets.UTF_8)));
    assertThat(results()).as("results for " + label).contains(url);

    // The header form on any page leads to the same results, under the sub-path.
    browser.driver.get(site.url("en/methodology/"));
    WebElement q = browser.driver.findElement(By.id("site-search-q"));
    q.sendKeys(label);
    q.sendKeys(Keys.ENTER);
    new WebDriverWait(browser.driver, Duration.ofSeconds(5))
        .until(d -> d.getCurrentUrl().startsWith(site.url("en/search/?q=")));
    assertThat(results()).contains(url);
    assertThat(browser.driver.findElement(By.id("search-status")).getText()).contains("result");
  }

  @Test
  void searchFindsAWordThatOnlyAnArticleBodyHas() {
    // "Antwerp" is in the action-day article's text, not in any title, summary or label.
    browser.driver.get(site.url("en/search/?q=Antwerp"));
    assertThat(results())
        .anyMatch(u -> u.startsWith(ExampleSite.SUB_PATH + "en/sky-ecc-action-day/"));
    assertThat(browser.driver.findElement(By.id("search-status")).getText()).contains("result");
  }

  /**
   * Each article's language switcher, clicked in the browser, leads to the same article in the
   * other language and back; both versions say their language and name each other in hreflang.
   */
  @Test
  void theLanguageSwitcherLeadsToTheSameArticleInTheOtherLanguageAndBack() {
    Map<String, String> pairs =
        Map.of(
            "sky-ecc-actiedag/", "en/sky-ecc-action-day/",
            "sky-ecc-live-meelezen/", "en/reading-sky-ecc-live/",
            "encrochat-hack-en-daarna/", "en/encrochat-and-after/",
            "sky-ecc-en-encrochat-uitgelegd/", "en/sky-ecc-and-encrochat-explained/",
            "tijdlijn-sky-ecc-encrochat/", "en/sky-ecc-encrochat-timeline/");
    for (var e : pairs.entrySet()) {
      browser.driver.get(site.url(e.getKey()));
      assertThat(browser.js("return document.documentElement.lang;")).isEqualTo("nl");
      browser.driver.findElement(By.cssSelector(".language-switcher a[hreflang=en]")).click();
      new WebDriverWait(browser.driver, Duration.ofSeconds(5))
          .until(d -> d.getCurrentUrl().equals(site.url(e.getValue())));
      assertThat(browser.js("return document.documentElement.lang;")).isEqualTo("en");
      assertThat(
              browser
                  .driver
                  .findElements(By.cssSelector("link[rel=alternate][hreflang=nl]"))
                  .stream()
                  .map(l -> l.getAttribute("href"))
                  .toList())
          .containsExactly(ExampleSite.SUB_PATH_URL + e.getKey());
      browser.driver.findElement(By.cssSelector(".language-switcher a[hreflang=nl]")).click();
      new WebDriverWait(browser.driver, Duration.ofSeconds(5))
          .until(d -> d.getCurrentUrl().equals(site.url(e.getKey())));
      assertThat(
              browser
                  .driver
                  .findElements(By.cssSelector("link[rel=alternate][hreflang=en]"))
                  .stream()
                  .map(l -> l.getAttribute("href"))
                  .toList())
          .containsExactly(ExampleSite.SUB_PATH_URL + e.getValue());
    }
  }

  @Test
  void noPageScrollsSidewaysOnA320PixelScreen() {
    List<String> wide = new ArrayList<>();
    try {
      browser.viewport(320, 640, true);
      for (String path :
          List.of(
              "",
              "sky-ecc-live-meelezen/",
              "sky-ecc-actiedag/",
              "encrochat-hack-en-daarna/",
              "tijdlijn-sky-ecc-encrochat/",
              "sky-ecc-en-encrochat-uitgelegd/",
              "facts/",
              "sources/",
              "sources/europol-2021-03-10/",
              "tags/",
              "tags/politie/",
              "methodology/",
              "corrections/",
              "search/?q=sky",
              "no/such/page/",
              "en/",
              "en/reading-sky-ecc-live/",
              "en/sky-ecc-action-day/",
              "en/encrochat-and-after/",
              "en/sky-ecc-encrochat-timeline/",
              "en/sky-ecc-and-encrochat-explained/",
              "en/facts/",
              "en/sources/europol-2021-03-10/",
              "en/tags/policing/",
              "en/search/?q=sky")) {
        browser.driver.get(site.url(path));
        Object w = browser.js("return document.documentElement.scrollWidth;");
        if (((Number) w).intValue() > 320) {
          wide.add(
              path
                  + " is "
                  + w
                  + " px wide, because of "
                  + browser.js(
                      """
              return [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > 321
                  && !e.closest('.table-scroll, .article-body table, pre'))
                .slice(-3).map(e => e.tagName + '.' + e.className + ' '
                  + e.textContent.trim().slice(0, 40)).join(' | ');"""));
        }
      }
    } finally {
      browser.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
    assertThat(wide).isEmpty();
  }

  @Test
  void withoutJavaScriptFactsAreLinksAndSearchSaysWhatItNeeds() {
    try {
      browser.driver.executeCdpCommand(
          "Emulation.setScriptExecutionDisabled", Map.of("value", true));
      browser.driver.get(site.url("en/reading-sky-ecc-live/"));
      WebElement fact = browser.driver.findElement(By.cssSelector("a.fact-disputed"));
      String target = fact.getAttribute("href").replaceFirst(".*#", "");
      fact.click();
      assertThat(browser.driver.getCurrentUrl()).endsWith("#" + target);
      assertThat(browser.driver.findElements(By.cssSelector(".fact-card"))).isEmpty();
      assertThat(browser.driver.findElement(By.id(target)).getText()).contains("Disputed");

      browser.driver.get(site.url("en/tags/"));
      WebElement q = browser.driver.findElement(By.id("site-search-q"));
      q.sendKeys("users");
      q.sendKeys(Keys.ENTER);
      new WebDriverWait(browser.driver, Duration.ofSeconds(5))
          .until(d -> d.getCurrentUrl().equals(site.url("en/search/?q=users")));
      assertThat(browser.driver.findElement(By.id("search-status")).getText())
          .contains("needs JavaScript");
    } finally {
      browser.driver.executeCdpCommand(
          "Emulation.setScriptExecutionDisabled", Map.of("value", false));
    }
  }

  private static List<String> results() {
    new WebDriverWait(browser.driver, Duration.ofSeconds(10))
        .until(d -> !d.findElements(By.cssSelector("#search-results li a")).isEmpty());
    List<String> hrefs = new ArrayList<>();
    for (WebElement a : browser.driver.findElements(By.cssSelector("#search-results li a"))) {
      hrefs.add(
          URI.create(a.getAttribute("href")).getRawPath()
              + "#"
              + URI.create(a.getAttribute("href")).getRawFragment());
    }
    return hrefs;
  }

  private static WebElement waitForCard() {
    return new WebDriverWait(browser.driver, Duration.ofSeconds(5))
        .until(
            d -> {
              List<WebElement> cards = d.findElements(By.cssSelector(".fact-card"));
              return cards.isEmpty() || !cards.get(0).isDisplayed() ? null : cards.get(0);
            });
  }

  private static String get(String url) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(url).isEqualTo(200);
    return r.body();
  }
}
