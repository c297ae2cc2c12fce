package dev.sourced.links;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The servers link-check tests talk to, all on 127.0.0.1 (never the internet): one HTTP server
 * whose paths behave as the tests need, a socket that accepts and never answers, a port that
 * refuses connections, and an HTTPS server with a self-signed certificate made by keytool.
 *
 * <p>Paths of the HTTP server: {@code /ok}, {@code /301} (301 to 301b, 301 to ok), {@code /308},
 * {@code /302} (temporary, to ok), {@code /301-to-404}, {@code /loop-a} and {@code /loop-b}, {@code
 * /404}, {@code /410}, {@code /flaky} (500 once, then 200), {@code /500} (always), {@code /rate}
 * (429 with Retry-After: 1 once, then 200), {@code /rate-long} (429 asking for an hour), {@code
 * /no-head} (405 to HEAD), {@code /drip} (refuses HEAD; GET drips a body without end), {@code
 * /slow} (answers after {@link #slowMillis}), and {@code /count} (counts requests at once).
 */
final class LoopbackServers implements AutoCloseable {
  final HttpServer http;
  final ServerSocket silent;
  final int refusedPort;
  HttpsServer https;
  volatile long slowMillis = 1_000;
  final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  final List<String> methods = new CopyOnWriteArrayList<>();
  final AtomicInteger inFlight = new AtomicInteger();
  final AtomicInteger maxInFlight = new AtomicInteger();
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final List<Socket> held = new CopyOnWriteArrayList<>();

  LoopbackServers() throws IOException {
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    http = HttpServer.create(new InetSocketAddress(loopback, 0), 100);
    http.createContext("/", this::handle);
    http.setExecutor(pool);
    http.start();
    silent = new ServerSocket(0, 100, loopback);
    pool.execute(
        () -> {
          while (!silent.isClosed()) {
            try {
              held.add(silent.accept());
            } catch (IOException e) {
              return;
            }
          }
        });
    try (ServerSocket s = new ServerSocket(0, 1, loopback)) {
      refusedPort = s.getLocalPort();
    }
  }

  String url(String path) {
    return "http://127.0.0.1:" + http.getAddress().getPort() + path;
  }

  String silentUrl() {
    return "http://127.0.0.1:" + silent.getLocalPort() + "/page";
  }

  String refusedUrl() {
    return "http://127.0.0.1:" + refusedPort + "/page";
  }

  /** Starts the HTTPS server, its self-signed certificate made by keytool in {@code dir}. */
  String startHttps(Path dir) throws Exception {
    Path store = dir.resolve("self-signed.p12");
    Files.deleteIfExists(store);
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "test",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "2",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("keytool failed");
    }
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(store)) {
      ks.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, "changeit".toCharArray());
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(kmf.getKeyManagers(), null, null);
    https = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 10);
    https.setHttpsConfigurator(new HttpsConfigurator(tls));
    https.createContext("/", this::handle);
    https.setExecutor(pool);
    https.start();
    return "https://127.0.0.1:" + https.getAddress().getPort() + "/ok";
  }

  private void handle(HttpExchange x) throws IOException {
    String path = x.getRequestURI().getPath();
    int n = hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
    methods.add(x.getRequestMethod() + " " + path);
    boolean head = x.getRequestMethod().equals("HEAD");
    try {
      switch (path) {
        case "/ok", "/301c" -> send(x, 200);
        case "/301" -> redirect(x, 301, "/301b");
        case "/301b" -> redirect(x, 301, url("/301c"));
        case "/308" -> redirect(x, 308, "/ok");
        case "/302" -> redirect(x, 302, "/ok");
        case "/301-to-404" -> redirect(x, 301, "/404");
        case "/loop-a" -> redirect(x, 302, "/loop-b");
        case "/loop-b" -> redirect(x, 302, "/loop-a");
        case "/404" -> send(x, 404);
        case "/410" -> send(x, 410);
        case "/flaky" -> send(x, n == 1 ? 500 : 200);
        case "/500" -> send(x, 500);
        case "/rate" -> {
          if (n == 1) x.getResponseHeaders().add("Retry-After", "1");
          send(x, n == 1 ? 429 : 200);
        }
        case "/rate-long" -> {
          x.getResponseHeaders().add("Retry-After", "3600");
          send(x, 429);
        }
        case "/no-head" -> send(x, head ? 405 : 200);
        case "/drip" -> {
          if (head) {
            send(x, 405);
          } else {
            x.sendResponseHeaders(200, 0);
            try (OutputStream out = x.getResponseBody()) {
              byte[] chunk = new byte[1024];
              for (int i = 0; i < 100_000; i++) {
                out.write(chunk);
                out.flush();
                Thread.sleep(20);
              }
            }
          }
        }
        case "/slow" -> {
          Thread.sleep(slowMillis);
          send(x, 200);
        }
        case "/count" -> {
          int now = inFlight.incrementAndGet();
          maxInFlight.accumulateAndGet(now, Math::max);
          try {
            Thread.sleep(100);
          } finally {
            inFlight.decrementAndGet();
          }
          send(x, 200);
        }
        default -> send(x, 404);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the client went away (as it does from /drip)
    } finally {
      x.close();
    }
  }

  private static void redirect(HttpExchange x, int status, String to) throws IOException {
    x.getResponseHeaders().add("Location", to);
    send(x, status);
  }

  private static void send(HttpExchange x, int status) throws IOException {
    x.sendResponseHeaders(status, -1);
  }

  int hits(String path) {
    AtomicInteger n = hits.get(path);
    return n == null ? 0 : n.get();
  }

  @Override
  public void close() throws IOException {
    http.stop(0);
    if (https != null) https.stop(0);
    silent.close();
    for (Socket s : held) s.close();
    pool.shutdownNow();
  }
}
