package dev.sourced.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.TestSite;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A preview holds any number of tabs: live-reload event streams take no request thread, so pages
 * keep being served while many are open; a tab that goes away is noticed and freed within 20 s; and
 * closing the preview leaves no thread or connection behind.
 */
class ManyTabsTest {
  static final int TABS = 24;

  @TempDir Path dir;

  @Test
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void manyOpenTabsLeavePagesFastAndClosedTabsAreFreed() throws Exception {
    TestSite site =
        TestSite.of(
            dir,
            """
            -- sourced.yaml --
            title: Tabs
            -- content/a.md --
            ---
            title: A
            date: 2021-03-09
            sources:
              s1: {title: Report, url: "https://example.org/r"}
            ---
            Words [@s1].
            """);
    InetAddress loopback = InetAddress.getLoopbackAddress();
    List<Socket> tabs = new ArrayList<>();
    try (Preview preview =
        Preview.start(
            site.root(), loopback, 0, false, new PrintWriter(new StringWriter()), false, 100)) {
      int port = preview.port();
      for (int i = 0; i < TABS; i++) {
        Socket s = new Socket(loopback, port);
        s.setSoTimeout(10_000);
        tabs.add(s);
        s.getOutputStream()
            .write(
                ("GET " + LiveReload.EVENTS + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        BufferedReader in =
            new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        for (String line = in.readLine(); !line.startsWith(": connected"); line = in.readLine()) {
          assertThat(line).isNotNull();
        }
      }
      assertThat(preview.openStreams()).isEqualTo(TABS);

      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      long slowest = 0;
      for (int i = 0; i < 30; i++) {
        long start = System.nanoTime();
        HttpResponse<String> r =
            client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/a/"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        slowest = Math.max(slowest, (System.nanoTime() - start) / 1_000_000);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Words");
      }
      assertThat(slowest).as("slowest page, ms").isLessThan(2_000);

      for (Socket s : tabs) s.close();
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (preview.openStreams() > 0 && System.nanoTime() < deadline) Thread.sleep(100);
      assertThat(preview.openStreams()).as("streams left 20 s after the tabs closed").isZero();
    } finally {
      for (Socket s : tabs) s.close();
    }
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!previewThreads().isEmpty() && System.nanoTime() < deadline) Thread.sleep(100);
    assertThat(previewThreads()).as("threads left after close").isEmpty();
  }

  private static List<String> previewThreads() {
    List<String> names = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.isAlive() && t.getName().startsWith("sourced-")) names.add(t.getName());
    }
    return names;
  }
}
