package dev.sourced.serve;

import com.sun.net.httpserver.HttpExchange;
import dev.sourced.facts.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Live reload over server-sent events. Pages served by the preview server get a small script (never
 * written into the site) that listens on {@code /_sourced/events}: "reload" reloads the page,
 * "error" shows the build's diagnostics in an overlay over the last good page, "ok" hides it. A
 * page loaded while the build is broken gets the overlay straight away.
 *
 * <p>Open streams hold no thread: the request thread hands the stream over and returns, and one
 * writer thread sends every event and a ping every {@value #PING_SECONDS} seconds. A tab that was
 * closed makes a write fail (at the latest the second ping after it went), and its stream is then
 * closed and forgotten, so a dropped client is freed within {@code 2 * PING_SECONDS} seconds.
 */
final class LiveReload {
  static final String EVENTS = "/_sourced/events";
  static final String SCRIPT = "/_sourced/reload.js";
  static final int MAX_CLIENTS = 512;

  static final String JS =
      """
      (function () {
        var box;
        function show(text) {
          if (!box) {
            box = document.createElement('div');
            box.id = 'sourced-error-overlay';
            box.setAttribute('role', 'alert');
            box.style.cssText = 'position:fixed;inset:0;z-index:2147483647;overflow:auto;'
              + 'background:rgba(20,20,24,.94);color:#fff;padding:2rem;'
              + 'font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:pre-wrap';
            document.body.appendChild(box);
          }
          box.textContent = 'The last edit did not build; the page below is the last good one.'
            + ' (press Escape to hide)\\n\\n' + text;
          box.hidden = false;
        }
        document.addEventListener('keydown', function (e) {
          if (e.key === 'Escape' && box) box.hidden = true;
        });
        var initial = document.getElementById('sourced-build-error');
        if (initial) show(initial.textContent);
        var es = new EventSource('%s');
        es.addEventListener('reload', function () { location.reload(); });
        es.addEventListener('error-report', function (e) { show(JSON.parse(e.data)); });
        es.addEventListener('ok', function () { if (box) box.hidden = true; });
      })();
      """;

  /** How often open streams get a comment line: a tab that went away fails within two. */
  static final long PING_SECONDS = 5;

  private final List<HttpExchange> clients = new ArrayList<>();

  /**
   * The one thread that writes to every stream: pings, reloads and errors. Request threads only
   * hand streams over, and a build never waits for a slow tab.
   */
  private final ScheduledExecutorService writer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "sourced-live-reload");
            t.setDaemon(true);
            return t;
          });

  private volatile String error;

  LiveReload() {
    writer.scheduleWithFixedDelay(this::ping, PING_SECONDS, PING_SECONDS, TimeUnit.SECONDS);
  }

  /** The diagnostics of the failed last build, or null when it succeeded. */
  String error() {
    return error;
  }

  synchronized boolean hasRoom() {
    return clients.size() < MAX_CLIENTS;
  }

  /** Takes an open event stream (headers sent); false, after closing it, when there is no room. */
  boolean add(HttpExchange client) {
    synchronized (this) {
      if (clients.size() >= MAX_CLIENTS) {
        client.close();
        return false;
      }
      clients.add(client);
    }
    writer.execute(() -> write(List.of(client), ": connected\n\n"));
    return true;
  }

  /** How many streams are open. */
  synchronized int clientCount() {
    return clients.size();
  }

  void buildSucceeded() {
    error = null;
    send("reload", "\"\"");
  }

  void buildFailed(String diagnostics) {
    error = diagnostics;
    send("error-report", json(diagnostics));
  }

  /** Keeps idle connections open through proxies and finds closed tabs: a write to one fails. */
  void ping() {
    writeAll(": ping\n\n");
  }

  /** Closes every stream and stops the writer. */
  void close() {
    writer.shutdownNow();
    List<HttpExchange> open;
    synchronized (this) {
      open = new ArrayList<>(clients);
      clients.clear();
    }
    for (HttpExchange ex : open) ex.close();
  }

  private void send(String event, String data) {
    String message = "event: " + event + "\ndata: " + data + "\n\n";
    try {
      writer.execute(() -> writeAll(message));
    } catch (RejectedExecutionException e) {
      // closed: no one is listening
    }
  }

  private void writeAll(String message) {
    List<HttpExchange> open;
    synchronized (this) {
      open = new ArrayList<>(clients);
    }
    write(open, message);
  }

  /** Writes to each stream; one that fails is gone, and is closed and forgotten. */
  private void write(List<HttpExchange> to, String message) {
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    for (HttpExchange ex : to) {
      try {
        OutputStream out = ex.getResponseBody();
        out.write(bytes);
        out.flush();
      } catch (IOException | RuntimeException e) {
        synchronized (this) {
          clients.remove(ex);
        }
        ex.close();
      }
    }
  }

  /** The reload script and, when the build is broken, the error for the overlay. */
  String injection(String basePath) {
    StringBuilder s = new StringBuilder();
    String err = error;
    if (err != null) {
      s.append("<div hidden id=\"sourced-build-error\">")
          .append(err.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
          .append("</div>");
    }
    s.append("<script src=\"").append(SCRIPT).append("\"></script>");
    return s.toString();
  }

  static String json(String s) {
    StringBuilder j = new StringBuilder();
    Json.string(s, j);
    return j.toString();
  }
}
