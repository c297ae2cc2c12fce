package dev.sourced.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The preview server as an attacker on the same machine would try it: raw requests over a socket
 * (so no client normalises the path first), against a folder with a secret beside it.
 */
class PreviewServerTest {
  @TempDir Path dir;
  private Path root;
  private PreviewServer server;
  private final LiveReload reload = new LiveReload();

  @BeforeEach
  void start() throws IOException {
    root = dir.resolve("site");
    Files.createDirectories(root.resolve("a"));
    Files.writeString(root.resolve("index.html"), "<html><body>home</body></html>");
    Files.writeString(root.resolve("a/index.html"), "<html><body>page a</body></html>");
    Files.writeString(root.resolve("404.html"), "<html><body>custom not found</body></html>");
    Files.writeString(root.resolve("style.css"), "body{}");
    Files.writeString(dir.resolve("secret.txt"), "TOP SECRET");
    server = new PreviewServer(root, "/", InetAddress.getLoopbackAddress(), 0, reload).start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void servesPagesWithTheReloadScriptInjectedButNotOnDisk() throws IOException {
    String r = request("GET", "/a/", "localhost");
    assertThat(status(r)).isEqualTo(200);
    assertThat(r).contains("page a").contains(LiveReload.SCRIPT);
    assertThat(Files.readString(root.resolve("a/index.html"))).doesNotContain("_sourced");
    assertThat(status(request("GET", "/style.css", "localhost"))).isEqualTo(200);
  }

  @Test
  void aFolderWithoutItsSlashRedirects() throws IOException {
    String r = request("GET", "/a", "127.0.0.1");
    assertThat(status(r)).isEqualTo(301);
    assertThat(r).contains("Location: /a/");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/a/../../secret.txt",
        "/a/%2e%2e/%2e%2e/secret.txt",
        "/%00/../secret.txt",
        "/index.html%00.css",
        "/..%5csecret.txt",
        "/%5c..%5csecret.txt",
        "/....//secret.txt",
        "/%252e%252e/secret.txt",
        "//../secret.txt"
      })
  void noPathLeavesTheFolder(String path) throws IOException {
    String r = request("GET", path, "localhost");
    assertThat(r).doesNotContain("TOP SECRET");
    assertThat(status(r)).isIn(400, 404);
  }

  @Test
  void symbolicLinksOutOfTheFolderAreNotFollowed() throws IOException {
    Files.createSymbolicLink(root.resolve("leak.txt"), dir.resolve("secret.txt"));
    Files.createSymbolicLink(root.resolve("up"), dir);
    assertThat(request("GET", "/leak.txt", "localhost")).doesNotContain("TOP SECRET");
    assertThat(request("GET", "/up/secret.txt", "localhost")).doesNotContain("TOP SECRET");
    assertThat(status(request("GET", "/leak.txt", "localhost"))).isEqualTo(404);
  }

  @Test
  void unknownPathsGetTheSitesNotFoundPage() throws IOException {
    String r = request("GET", "/nope/", "localhost");
    assertThat(status(r)).isEqualTo(404);
    assertThat(r).contains("custom not found");
  }

  @Test
  void aMissingAddressInALanguagesFolderGetsThatLanguagesNotFoundPage() throws IOException {
    Files.createDirectories(root.resolve("en"));
    Files.writeString(root.resolve("en/404.html"), "<html><body>english not found</body></html>");
    for (String path : List.of("/en/nope/", "/en/nope/deeper/page.html", "/en/x")) {
      String r = request("GET", path, "localhost");
      assertThat(status(r)).as(path).isEqualTo(404);
      assertThat(r).as(path).contains("english not found");
    }
    assertThat(request("GET", "/a/nope/", "localhost")).contains("custom not found");
    // A folder's own 404.html is looked for where it is, never outside the site.
    Files.writeString(dir.resolve("404.html"), "TOP SECRET");
    assertThat(request("GET", "/%2e%2e/nope", "localhost")).doesNotContain("TOP SECRET");
    assertThat(request("GET", "/../nope", "localhost")).doesNotContain("TOP SECRET");
  }

  @ParameterizedTest
  @ValueSource(strings = {"evil.example", "localhost.evil.example", "127.0.0.1.nip.io", ""})
  void foreignHostHeadersAreRefused(String host) throws IOException {
    assertThat(status(request("GET", "/", host))).isEqualTo(403);
  }

  @ParameterizedTest
  @ValueSource(strings = {"POST", "PUT", "DELETE", "OPTIONS", "TRACE", "PATCH"})
  void onlyGetAndHeadAreAnswered(String method) throws IOException {
    String r = request(method, "/", "localhost");
    assertThat(status(r)).isEqualTo(405);
    assertThat(r).contains("Allow: GET, HEAD");
  }

  @Test
  void headAnswersWithoutABody() throws IOException {
    String r = request("HEAD", "/a/", "localhost");
    assertThat(status(r)).isEqualTo(200);
    assertThat(r).doesNotContain("page a");
  }

  @Test
  void listensOnLoopbackOnly() {
    assertThat(server.address().isLoopbackAddress()).isTrue();
  }

  @Test
  void aBrokenBuildShowsItsErrorInTheServedPage() throws IOException {
    reload.buildFailed("content/a.md:3:7: error[unknown-fact] unknown fact \"x\"");
    String r = request("GET", "/a/", "localhost");
    assertThat(r).contains("sourced-build-error").contains("unknown fact \"x\"").contains("page a");
    reload.buildSucceeded();
    assertThat(request("GET", "/a/", "localhost")).doesNotContain("sourced-build-error");
  }

  @Test
  void manyConcurrentRequestsAreAllAnswered() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        String path = i % 2 == 0 ? "/a/" : "/style.css";
        answers.add(pool.submit(() -> status(request("GET", path, "localhost"))));
      }
      for (Future<Integer> f : answers) assertThat(f.get()).isEqualTo(200);
    } finally {
      pool.shutdownNow();
    }
  }

  /** A raw HTTP/1.1 request, so the path reaches the server exactly as written. */
  private String request(String method, String path, String host) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      String hostLine = host.isEmpty() ? "" : "Host: " + host + ":" + server.port() + "\r\n";
      if (host.contains(".example") || host.contains("nip.io")) hostLine = "Host: " + host + "\r\n";
      out.write(
          (method + " " + path + " HTTP/1.1\r\n" + hostLine + "Connection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static int status(String response) {
    if (response.length() < 12) return -1;
    return Integer.parseInt(response.substring(9, 12));
  }
}
