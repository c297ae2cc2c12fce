package dev.sourced.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A static file server for previewing a site, safe on a laptop: it listens on loopback unless told
 * otherwise, answers only GET and HEAD, checks the Host header (so a web page elsewhere cannot
 * reach it through DNS rebinding), and never serves a file outside its folder: encoded or not,
 * {@code ..} segments, backslashes and NUL bytes are refused, and symbolic links that lead out are
 * not followed. Unknown paths get the site's own 404 page with status 404 (the nearest one up the
 * address's folders: a language's own).
 *
 * <p>HTML responses get the live-reload script; the files on disk never do. Live-reload event
 * streams do not hold request threads (see {@link LiveReload}), so any number of open tabs leaves
 * the pool free for pages.
 */
public final class PreviewServer implements AutoCloseable {
  static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("html", "text/html; charset=utf-8"),
          Map.entry("css", "text/css; charset=utf-8"),
          Map.entry("js", "text/javascript; charset=utf-8"),
          Map.entry("json", "application/json; charset=utf-8"),
          Map.entry("xml", "application/xml; charset=utf-8"),
          Map.entry("txt", "text/plain; charset=utf-8"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("png", "image/png"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("gif", "image/gif"),
          Map.entry("webp", "image/webp"),
          Map.entry("avif", "image/avif"),
          Map.entry("ico", "image/x-icon"),
          Map.entry("woff2", "font/woff2"),
          Map.entry("pdf", "application/pdf"));

  private final Path root;
  private final String basePath;
  private final LiveReload reload;
  private final HttpServer server;
  private final ExecutorService pool;
  private final String bindHost;

  /**
   * @param root the folder to serve
   * @param basePath the site's path prefix ("/" or "/explainers/"); "/" redirects to it
   * @param bind the address to listen on (loopback unless the user asks otherwise)
   * @param port the port, 0 for any free one
   */
  public PreviewServer(Path root, String basePath, InetAddress bind, int port, LiveReload reload)
      throws IOException {
    this.root = root.toAbsolutePath().normalize();
    this.basePath = basePath;
    this.reload = reload;
    this.bindHost = bind.getHostAddress();
    this.server = HttpServer.create(new InetSocketAddress(bind, port), 64);
    // Bounded: a flood of requests queues instead of making threads without end.
    this.pool =
        new ThreadPoolExecutor(
            4,
            32,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(256),
            r -> {
              Thread t = new Thread(r, "sourced-serve");
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.AbortPolicy());
    server.setExecutor(pool);
    server.createContext("/", this::handle);
  }

  public PreviewServer start() {
    server.start();
    return this;
  }

  /** The address the server listens on. */
  public InetAddress address() {
    return server.getAddress().getAddress();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    reload.close();
    server.stop(0);
    pool.shutdownNow();
  }

  private void handle(HttpExchange ex) throws IOException {
    boolean stream = false;
    try {
      String method = ex.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        ex.getResponseHeaders().set("Allow", "GET, HEAD");
        plain(ex, 405, "method not allowed");
        return;
      }
      if (!hostAllowed(ex.getRequestHeaders().getFirst("Host"))) {
        plain(ex, 403, "this preview server answers only requests for localhost");
        return;
      }
      String raw = ex.getRequestURI().getRawPath();
      if (raw == null || raw.isEmpty()) raw = "/";
      if (raw.equals(LiveReload.EVENTS)) {
        stream = events(ex);
        return;
      }
      if (raw.equals(LiveReload.SCRIPT)) {
        send(
            ex,
            200,
            "text/javascript; charset=utf-8",
            LiveReload.JS.formatted(LiveReload.EVENTS).getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (raw.equals("/") && !basePath.equals("/")) {
        redirect(ex, basePath);
        return;
      }
      Path file = resolve(raw);
      if (file == null) {
        notFound(ex);
        return;
      }
      if (Files.isDirectory(file)) {
        if (!raw.endsWith("/")) {
          redirect(ex, raw + "/");
          return;
        }
        file = file.resolve("index.html");
        if (!Files.isRegularFile(file) || !inside(file)) {
          notFound(ex);
          return;
        }
      }
      serve(ex, 200, file);
    } catch (RuntimeException e) {
      // A request must never take the server down; answer and go on.
      try {
        plain(ex, 500, "internal error");
      } catch (IOException | RuntimeException ignored) {
        // the connection is gone
      }
    } finally {
      // An event stream stays open after this thread returns: LiveReload owns it from then on.
      if (!stream) ex.close();
    }
  }

  /**
   * The file for a raw request path, or null when the path is malformed, tries to leave the folder,
   * or does not exist.
   */
  Path resolve(String rawPath) {
    String lower = rawPath.toLowerCase(Locale.ROOT);
    if (lower.contains("%00")
        || lower.contains("%5c")
        || rawPath.contains("\\")
        || !rawPath.startsWith(basePath.equals("/") ? "/" : basePath)) {
      return null;
    }
    String decoded;
    try {
      decoded = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (decoded.indexOf('\0') >= 0 || decoded.contains("\\")) return null;
    String rest = decoded.substring(basePath.length() - 1);
    for (String seg : rest.split("/")) {
      if (seg.equals("..") || seg.equals(".")) return null;
    }
    Path p = root.resolve(rest.substring(1)).normalize();
    if (!p.startsWith(root) || !Files.exists(p, LinkOption.NOFOLLOW_LINKS) || !inside(p)) {
      return null;
    }
    return p;
  }

  /** True when the real location (links followed) is inside the served folder. */
  private boolean inside(Path p) {
    try {
      return p.toRealPath().startsWith(root.toRealPath());
    } catch (IOException e) {
      return false;
    }
  }

  boolean hostAllowed(String host) {
    if (host == null) return false;
    String h = host.toLowerCase(Locale.ROOT);
    int port = port();
    for (String name : new String[] {"localhost", "127.0.0.1", "[::1]", bindHost}) {
      if (h.equals(name) || h.equals(name + ":" + port)) return true;
    }
    return false;
  }

  /**
   * Opens an event stream and hands it to {@link LiveReload}, which writes to it from its own
   * thread: the request thread returns at once, so open tabs never use up the pool. Returns whether
   * the stream was taken (else the exchange is closed as usual).
   */
  private boolean events(HttpExchange ex) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "text/event-stream");
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    if (!reload.hasRoom()) {
      plain(ex, 503, "too many open live-reload connections");
      return false;
    }
    ex.sendResponseHeaders(200, 0);
    return reload.add(ex);
  }

  /**
   * The site's 404 page nearest the missing address, as Cloudflare Pages serves it: {@code
   * /en/404.html} for a missing {@code /en/...}, else the root's {@code /404.html}.
   */
  private void notFound(HttpExchange ex) throws IOException {
    String raw = ex.getRequestURI().getRawPath();
    String rest = raw != null && raw.startsWith(basePath) ? raw.substring(basePath.length()) : "";
    List<String> folders = new ArrayList<>(List.of(rest.split("/", -1)));
    folders.remove(folders.size() - 1); // the page's own name
    for (int depth = folders.size(); depth >= 0; depth--) {
      List<String> in = folders.subList(0, depth);
      if (in.stream().anyMatch(f -> !f.matches("[A-Za-z0-9_-]+"))) continue;
      Path page = root.resolve(String.join("/", in)).resolve("404.html").normalize();
      if (page.startsWith(root) && Files.isRegularFile(page) && inside(page)) {
        serve(ex, 404, page);
        return;
      }
    }
    plain(ex, 404, "not found");
  }

  private void serve(HttpExchange ex, int status, Path file) throws IOException {
    String name = file.getFileName().toString();
    String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
    String type = TYPES.getOrDefault(ext.toLowerCase(Locale.ROOT), "application/octet-stream");
    byte[] bytes = Files.readAllBytes(file);
    if (ext.equals("html")) bytes = inject(bytes);
    send(ex, status, type, bytes);
  }

  private byte[] inject(byte[] html) {
    String page = new String(html, StandardCharsets.UTF_8);
    int at = page.lastIndexOf("</body>");
    String script = reload.injection(basePath);
    page = at < 0 ? page + script : page.substring(0, at) + script + page.substring(at);
    return page.getBytes(StandardCharsets.UTF_8);
  }

  private void redirect(HttpExchange ex, String location) throws IOException {
    ex.getResponseHeaders().set("Location", location);
    send(ex, 301, "text/plain; charset=utf-8", new byte[0]);
  }

  private static void plain(HttpExchange ex, int status, String text) throws IOException {
    send(ex, status, "text/plain; charset=utf-8", (text + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body)
      throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) ex.getResponseBody().write(body);
  }
}
