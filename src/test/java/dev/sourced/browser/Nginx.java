package dev.sourced.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Debian's nginx serving a built site from a sub-path ({@code /explainers/}) on a free port of the
 * loopback address only, with a configuration the test writes into its own temporary folder: no
 * system configuration, no master process, no daemon, logs kept for failure messages. Unknown
 * addresses under the sub-path get the site's 404.html with status 404, and those under a folder
 * with its own 404.html (a language's) get that one, as a host would be configured to do.
 */
final class Nginx implements AutoCloseable {
  private final Process process;
  private final Path dir;
  final int port;
  final String root;

  private Nginx(Process process, Path dir, int port, String subPath) {
    this.process = process;
    this.dir = dir;
    this.port = port;
    this.root = "http://127.0.0.1:" + port + subPath;
  }

  /** Serves {@code site} at http://127.0.0.1:PORT{subPath}; subPath starts and ends with '/'. */
  static Nginx serve(Path site, String subPath) {
    IllegalStateException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        return start(site, subPath);
      } catch (IllegalStateException e) {
        last = e; // most likely the free port was taken between choosing and binding it
      }
    }
    throw last;
  }

  private static Nginx start(Path site, String subPath) {
    Path nginx = BrowserEnv.nginx();
    try {
      Path dir = Files.createTempDirectory("sourced-nginx-");
      for (String d : new String[] {"logs", "tmp"}) Files.createDirectories(dir.resolve(d));
      int port = freePort();
      String conf =
          """
          daemon off;
          master_process off;
          worker_processes 1;
          pid %1$s/nginx.pid;
          error_log %1$s/logs/error.log warn;
          events { worker_connections 64; }
          http {
            types {
              text/html html; text/css css; text/javascript js; application/json json;
              application/atom+xml xml; text/plain txt; image/svg+xml svg; image/png png;
              image/jpeg jpg jpeg; image/webp webp; image/gif gif;
            }
            default_type application/octet-stream;
            charset utf-8;
            charset_types text/css text/javascript application/json application/atom+xml text/plain;
            access_log %1$s/logs/access.log;
            client_body_temp_path %1$s/tmp/body;
            proxy_temp_path %1$s/tmp/proxy;
            fastcgi_temp_path %1$s/tmp/fastcgi;
            uwsgi_temp_path %1$s/tmp/uwsgi;
            scgi_temp_path %1$s/tmp/scgi;
            server {
              listen 127.0.0.1:%2$d;
              server_name localhost;
              location %3$s {
                alias %4$s/;
                index index.html;
                error_page 404 %3$s404.html;
              }
          %5$s  }
          }
          """
              .formatted(
                  dir, port, subPath, site.toAbsolutePath(), ownNotFoundPages(site, subPath));
      Path confFile = dir.resolve("nginx.conf");
      Files.writeString(confFile, conf, StandardCharsets.UTF_8);
      Process p =
          new ProcessBuilder(
                  nginx.toString(),
                  "-p",
                  dir.toString(),
                  "-e",
                  dir.resolve("logs/error.log").toString(),
                  "-c",
                  confFile.toString())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("logs/stdout.log").toFile())
              .start();
      Nginx n = new Nginx(p, dir, port, subPath);
      n.awaitListening();
      return n;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A location per top-level folder that has its own 404.html (a language's: /en/404.html), which
   * answers that folder's missing addresses, as docs/templates.md tells nginx users to configure.
   */
  private static String ownNotFoundPages(Path site, String subPath) throws IOException {
    StringBuilder b = new StringBuilder();
    try (var folders = Files.list(site)) {
      for (Path f : folders.sorted().toList()) {
        if (!Files.isRegularFile(f.resolve("404.html"))) continue;
        String at = subPath + f.getFileName() + "/";
        b.append(
            """
                location %1$s {
                  alias %2$s/;
                  index index.html;
                  error_page 404 %1$s404.html;
                }
            """
                .formatted(at, f.toAbsolutePath()));
      }
    }
    return b.toString();
  }

  private void awaitListening() throws IOException {
    Instant until = Instant.now().plus(Duration.ofSeconds(10));
    while (Instant.now().isBefore(until)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("nginx exited with " + process.exitValue() + ":\n" + log());
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return;
      } catch (IOException notYet) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }
    throw new IllegalStateException("nginx did not listen on port " + port + ":\n" + log());
  }

  String log() {
    StringBuilder b = new StringBuilder();
    for (String f : new String[] {"logs/stdout.log", "logs/error.log"}) {
      try {
        Path p = dir.resolve(f);
        if (Files.exists(p)) b.append(Files.readString(p));
      } catch (IOException ignored) {
        // only for messages
      }
    }
    return b.toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    ExampleSite.deleteTree(dir);
  }
}
