package dev.sourced.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A verdict looks the same wherever it appears: in the example site's claim boxes, on the facts
 * page, on source pages and on the methodology page, in light and in dark. Every verdict shown is
 * measured in the real browser (the computed colour, border, background, weight, size and padding
 * of the word itself), grouped by verdict, and each group must hold one look; the methodology page
 * shows the whole scale, so every verdict of the scale is covered, and each must stand out from the
 * body text by its colour as well as by its border.
 */
class VerdictBadgeTest {
  private static final List<String> PAGES =
      List.of(
          "methodology/",
          "facts/",
          "sky-ecc-actiedag/",
          "sky-ecc-live-meelezen/",
          "sources/seed-2021-03-09/",
          "en/methodology/",
          "en/sky-ecc-action-day/",
          "en/reading-sky-ecc-live/");

  /**
   * Each verdict word on the page, found by what it says rather than by the class the theme gives
   * it, as "KEY|page|style".
   */
  private static final String MEASURE =
      """
      const props = ['color', 'backgroundColor', 'borderTopColor', 'borderTopStyle',
        'borderTopWidth', 'fontWeight', 'fontSize', 'paddingLeft', 'borderTopLeftRadius'];
      const out = [];
      const words = document.querySelectorAll('.verdict-tag, .claim .verdict strong');
      for (const el of words) {
        let m = null;
        for (let e = el; e && !m; e = e.parentElement) {
          m = (e.getAttribute('class') || '')
            .match(/(?:^|\\s)verdict-(true|mostly-true|mixed|mostly-false|false|unproven)(?:\\s|$)/);
        }
        const s = getComputedStyle(el);
        out.push((m ? m[1] : '?') + '|' + props.map((p) => p + '=' + s[p]).join(';'));
      }
      out.push('body|color=' + getComputedStyle(document.body).color);
      return out;
      """;

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
  void everyVerdictLooksTheSameEverywhereInLightAndDark() {
    for (String scheme : List.of("light", "dark")) {
      browser.colorScheme(scheme);
      Map<String, Map<String, String>> looks = new LinkedHashMap<>(); // key -> style -> page
      List<String> problems = new ArrayList<>();
      String bodyColor = null;
      for (String page : PAGES) {
        browser.driver.get(site.url(page));
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) browser.js(MEASURE);
        assertThat(found).as("verdicts on %s", page).hasSizeGreaterThan(1);
        for (String line : found) {
          String[] kv = line.split("\\|", 2);
          if (kv[0].equals("body")) {
            bodyColor = kv[1].substring("color=".length());
            continue;
          }
          assertThat(kv[0]).as("a verdict on %s names its verdict", page).isNotEqualTo("?");
          looks.computeIfAbsent(kv[0], k -> new LinkedHashMap<>()).putIfAbsent(kv[1], page);
        }
      }
      assertThat(looks.keySet())
          .as("the methodology page shows the whole scale")
          .containsExactlyInAnyOrder(
              "true", "mostly-true", "mixed", "mostly-false", "false", "unproven");
      for (var e : looks.entrySet()) {
        if (e.getValue().size() > 1) {
          problems.add(
              scheme
                  + ": \""
                  + e.getKey()
                  + "\" has "
                  + e.getValue().size()
                  + " looks: "
                  + e.getValue());
        }
        String style = e.getValue().keySet().iterator().next();
        if (style.contains("color=" + bodyColor + ";")) {
          problems.add(scheme + ": \"" + e.getKey() + "\" is not coloured: " + style);
        }
        if (style.contains("borderTopStyle=none")) {
          problems.add(scheme + ": \"" + e.getKey() + "\" has no border: " + style);
        }
      }
      assertThat(problems).isEmpty();
    }
  }
}
