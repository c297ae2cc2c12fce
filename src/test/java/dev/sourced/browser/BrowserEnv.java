package dev.sourced.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The tools the reader's-site checks need, all from Debian or npm, never downloaded by a test:
 * {@code chromium} and {@code chromium-driver}, {@code nginx}, and axe-core installed by {@code
 * .ci/run} into {@code tools/browser/node_modules}. When one is missing a check fails if the
 * environment variable {@code CI} is set (so CI can never pass by skipping), and is skipped with a
 * message saying what to install otherwise.
 */
final class BrowserEnv {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private BrowserEnv() {}

  static boolean inCi() {
    String ci = System.getenv("CI");
    return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false") && !ci.equals("0");
  }

  /** Fails under CI, skips elsewhere, when {@code ok} is false. */
  static void require(boolean ok, String missing) {
    if (ok) return;
    String message = missing + " (.ci/run installs it)";
    if (inCi()) fail(message + "; CI is set, so a missing tool is a failure, not a skip");
    Assumptions.abort(message + "; skipped because CI is not set");
  }

  static void requireChromium() {
    require(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Debian chromium and chromedriver are needed at "
            + CHROMIUM
            + " and "
            + CHROMEDRIVER
            + ": apt-get install chromium chromium-driver");
  }

  static Path nginx() {
    for (String dir : new String[] {"/usr/sbin", "/usr/bin", "/usr/local/sbin"}) {
      Path p = Path.of(dir, "nginx");
      if (Files.isExecutable(p)) return p;
    }
    require(false, "nginx is needed to serve the site from a sub-path: apt-get install nginx");
    return null;
  }

  static Path projectRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isRegularFile(p.resolve("pom.xml"))) p = p.getParent();
    if (p == null)
      throw new IllegalStateException("no pom.xml above " + Path.of("").toAbsolutePath());
    return p;
  }

  static Path axeScript() {
    Path p = projectRoot().resolve("tools/browser/node_modules/axe-core/axe.min.js");
    require(
        Files.isRegularFile(p),
        "axe-core is needed at " + p + ": (cd tools/browser && npm ci --ignore-scripts)");
    return p;
  }
}
