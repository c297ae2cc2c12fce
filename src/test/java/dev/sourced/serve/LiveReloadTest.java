package dev.sourced.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.TestSite;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The author's loop end to end, as `sourced serve` runs it: a saved edit is rebuilt by the watcher
 * and open pages are told to reload over server-sent events; a broken edit sends the error for the
 * overlay instead, and its fix reloads again.
 */
class LiveReloadTest {
  @TempDir Path dir;

  @Test
  @Timeout(60)
  void aSavedEditReloadsOpenPagesAndABrokenOneShowsItsError() throws Exception {
    TestSite site =
        TestSite.of(
            dir,
            """
        -- sourced.yaml --
        title: Live
        -- content/a.md --
        ---
        title: A
        date: 2021-03-09
        sources:
          s1: {title: Report, url: "https://example.org/r"}
        ---
        First words [@s1].
        """);
    StringWriter log = new StringWriter();
    try (Preview preview =
            Preview.start(
                site.root(),
                InetAddress.getLoopbackAddress(),
                0,
                false,
                new PrintWriter(log, true),
                false,
                Integer.MAX_VALUE);
        Socket events = new Socket(InetAddress.getLoopbackAddress(), preview.port())) {
      OutputStream out = events.getOutputStream();
      out.write(
          ("GET "
                  + LiveReload.EVENTS
                  + " HTTP/1.1\r\nHost: localhost:"
                  + preview.port()
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(events.getInputStream(), StandardCharsets.UTF_8));
      waitFor(in, ": connected");

      Path article = site.root().resolve("content/a.md");
      Files.writeString(article, Files.readString(article).replace("First words", "New words"));
      waitFor(in, "event: reload");
      assertThat(Files.readString(preview.output().resolve("a/index.html"))).contains("New words");

      Files.writeString(article, Files.readString(article).replace("[@s1]", "[@s2]"));
      String error = waitFor(in, "event: error-report");
      assertThat(in.readLine()).contains("unknown source").contains("content/a.md:7:11");
      assertThat(Files.readString(preview.output().resolve("a/index.html"))).contains("New words");

      Files.writeString(article, Files.readString(article).replace("[@s2]", "[@s1]"));
      waitFor(in, "event: reload");
      assertThat(error).isNotNull();
    }
    assertThat(log.toString()).contains("error[unknown-source]").contains("rebuilt");
  }

  /** Reads event-stream lines until one starts with {@code prefix}; returns it. */
  private static String waitFor(BufferedReader in, String prefix) throws Exception {
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.startsWith(prefix)) return line;
    }
    throw new AssertionError("the event stream ended before " + prefix);
  }
}
