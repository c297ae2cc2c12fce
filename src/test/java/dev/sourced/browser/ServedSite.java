package dev.sourced.browser;

import java.nio.file.Path;

/**
 * The example site built with base_url https://example.org/explainers/ and served by nginx at
 * http://127.0.0.1:PORT/explainers/, started once for the test run and stopped when the JVM exits.
 */
final class ServedSite {
  private static ServedSite instance;

  final Path dir;
  final Nginx nginx;

  private ServedSite(Path dir, Nginx nginx) {
    this.dir = dir;
    this.nginx = nginx;
  }

  static synchronized ServedSite get() {
    if (instance == null) {
      Path dir = ExampleSite.subPath();
      Nginx n = Nginx.serve(dir, ExampleSite.SUB_PATH);
      Runtime.getRuntime().addShutdownHook(new Thread(n::close));
      instance = new ServedSite(dir, n);
    }
    return instance;
  }

  /** The address of a page, relative to the site's root: url("facts/"). */
  String url(String relative) {
    return nginx.root + relative;
  }
}
