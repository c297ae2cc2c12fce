package dev.sourced.browser;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven by Selenium through Debian's chromedriver: both executables are
 * given explicitly, so Selenium Manager never looks for or downloads a browser. The flags keep
 * Chromium off the network except for the page under test (no background networking, component
 * updates, sync or QUIC) and start it with a fresh profile.
 */
final class Browser implements AutoCloseable {
  final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  static Browser start(int width, int height) {
    BrowserEnv.requireChromium();
    try {
      Path profile = Files.createTempDirectory("sourced-chromium-");
      ChromeOptions o = new ChromeOptions();
      o.setBinary(BrowserEnv.CHROMIUM.toFile());
      o.addArguments(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-dev-shm-usage",
          "--hide-scrollbars",
          "--user-data-dir=" + profile,
          "--window-size=" + width + "," + height);
      LoggingPreferences logs = new LoggingPreferences();
      logs.enable(LogType.BROWSER, Level.ALL);
      o.setCapability("goog:loggingPrefs", logs);
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(BrowserEnv.CHROMEDRIVER.toFile())
              .usingAnyFreePort()
              .withLogOutput(OutputStream.nullOutputStream())
              .build();
      ChromeDriver d = new ChromeDriver(service, o);
      d.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
      d.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
      // A headless page does not always hold the system's focus (Chromium 150 gives it none), and
      // without it focus() moves document.activeElement but fires no focus event: the page is
      // told it has focus, as a reader's window has, so that the keyboard's way to a fact card is
      // tested.
      d.executeCdpCommand("Emulation.setFocusEmulationEnabled", Map.of("enabled", true));
      return new Browser(d, profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Emulates prefers-color-scheme (and resets other media emulation). */
  void colorScheme(String scheme) {
    driver.executeCdpCommand(
        "Emulation.setEmulatedMedia",
        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
  }

  /** Emulates a viewport (CSS pixels), as a phone or desktop would have. */
  void viewport(int width, int height, boolean mobile) {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /**
   * Runs axe-core on the current page; one line per violation and node, empty when clean. WCAG
   * 2.2's target size (2.5.8, AA) is turned on: axe leaves it off by default, Lighthouse checks it.
   */
  List<String> axe() {
    String axe;
    try {
      axe = Files.readString(BrowserEnv.axeScript(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!Boolean.TRUE.equals(js("return typeof window.axe === 'object';"))) js(axe);
    Object result =
        driver.executeAsyncScript(
            """
        const done = arguments[arguments.length - 1];
        axe.run(document, {resultTypes: ['violations'], rules: {'target-size': {enabled: true}}})
          .then(r => done(r.violations.flatMap(v => v.nodes.map(n =>
            v.id + ' (' + v.impact + '): ' + v.help + ' at ' + n.target.join(' ') + ' :: '
              + (n.failureSummary || '').replace(/\\s+/g, ' ')))))
          .catch(e => done(['axe failed: ' + e]));
        """);
    List<String> out = new ArrayList<>();
    if (result instanceof List<?> l) for (Object o : l) out.add(String.valueOf(o));
    return out;
  }

  /** Console errors and failed loads the page reported since the last call. */
  List<String> consoleErrors() {
    List<String> out = new ArrayList<>();
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.SEVERE.intValue()) out.add(e.getMessage());
    }
    return out;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      ExampleSite.deleteTree(profile);
    }
  }
}
