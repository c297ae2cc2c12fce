package dev.sourced.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Live reload over server-sent events. Pages served by the preview server get a small script (never
 * written into the site) that listens on {@code /_sourced/events}: "reload" reloads the page,
 * "error" shows the build's diagnostics in an overlay over the last good page, "ok" hides it. A
 * page loaded while the build is broken gets the overlay straight away.
 */
final class LiveReload {
  static final String EVENTS = "/_sourced/events";
  static final String SCRIPT = "/_sourced/reload.js";
  static final int MAX_CLIENTS = 64;

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

  private final List<OutputStream> clients = new ArrayList<>();
  private volatile String error;

  /** The diagnostics of the failed last build, or null when it succeeded. */
  String error() {
    return error;
  }

  synchronized boolean add(OutputStream client) {
    if (clients.size() >= MAX_CLIENTS) return false;
    clients.add(client);
    return true;
  }

  synchronized void remove(OutputStream client) {
    clients.remove(client);
  }

  void buildSucceeded() {
    error = null;
    send("reload", "\"\"");
  }

  void buildFailed(String diagnostics) {
    error = diagnostics;
    send("error-report", json(diagnostics));
  }

  /** Keeps idle connections open through proxies and detects closed tabs. */
  void ping() {
    sendRaw(": ping\n\n");
  }

  private void send(String event, String data) {
    sendRaw("event: " + event + "\ndata: " + data + "\n\n");
  }

  private synchronized void sendRaw(String message) {
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    for (var it = clients.iterator(); it.hasNext(); ) {
      OutputStream out = it.next();
      try {
        out.write(bytes);
        out.flush();
      } catch (IOException e) {
        it.remove();
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
    dev.sourced.facts.Json.string(s, j);
    return j.toString();
  }
}
