package dev.sourced.links;

import dev.sourced.config.LinkSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Asks one address whether it still answers, through the JDK's {@link HttpClient}, within a
 * deadline that covers everything done for it (the {@code timeout} setting).
 *
 * <p>A HEAD request first: it costs the server no body. A HEAD answered with a 4xx (other than
 * 429), a 501 or a broken connection may only mean the server does not do HEAD, so a GET decides;
 * its body is never read (the stream is closed as soon as the headers are in), so a huge or endless
 * body costs nothing. A 429 or 5xx is retried with GET after a wait: what {@code Retry-After} asks,
 * else {@code retry_wait} doubled each time; never past the deadline, and never after a timeout (a
 * server that did not answer in 15 seconds will not answer in 30). Redirects are followed here, not
 * by the client, to tell permanent ones (301, 308) from temporary ones and to stop on a loop.
 */
final class AddressProber {
  private final HttpClient client;
  private final LinkSettings settings;

  AddressProber(LinkSettings settings) {
    this.settings = settings;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            // Some sites set a cookie and redirect to the same address; without cookies they loop.
            .cookieHandler(new CookieManager())
            .build();
  }

  /** One exchange's result: an HTTP answer, or a failure in words. */
  private record Answer(int status, String location, Duration retryAfter, String failure) {
    static Answer failed(String why) {
      return new Answer(0, null, null, why);
    }
  }

  /** A failure that another request could get past (a connection reset, say), unlike DNS. */
  private static final String BROKEN = "\u0000";

  Outcome probe(String address) {
    URI start = uri(address);
    if (start == null) return Outcome.failing(0, "it is not a valid address");
    long deadline = System.nanoTime() + settings.timeout().toNanos();
    List<URI> visited = new ArrayList<>();
    URI current = start;
    String movedTo = null;
    int movedBy = 0;
    boolean permanent = true;
    while (true) {
      visited.add(current);
      Answer a = ask(current, deadline);
      String via = visited.size() > 1 ? " (after redirects to " + current + ")" : "";
      if (a.failure != null) return Outcome.failing(a.status, a.failure + via);
      int status = a.status;
      if (status >= 300 && status < 400 && status != 304 && a.location != null) {
        URI next;
        try {
          next = strip(current.resolve(a.location.strip()));
        } catch (IllegalArgumentException e) {
          return Outcome.failing(status, "it redirects to an invalid address: " + a.location);
        }
        if (visited.contains(next)) return Outcome.looping(chain(visited, next));
        if (visited.size() > settings.maxRedirects()) {
          return Outcome.looping("it redirects more than " + settings.maxRedirects() + " times");
        }
        if (permanent && (status == 301 || status == 308)) {
          movedTo = next.toString();
          if (movedBy == 0) movedBy = status;
        } else {
          permanent = false;
        }
        current = next;
        continue;
      }
      if (status >= 200 && status < 300) {
        return movedTo == null ? Outcome.ok(status) : Outcome.moved(movedBy, movedTo);
      }
      if (status == 404 || status == 410) return Outcome.dead(status, StatusText.of(status) + via);
      return Outcome.failing(status, "the server answered " + StatusText.of(status) + via);
    }
  }

  private static String chain(List<URI> visited, URI again) {
    StringBuilder b = new StringBuilder("it redirects in a loop: ");
    for (int i = visited.indexOf(again); i < visited.size(); i++) {
      b.append(visited.get(i)).append(" -> ");
    }
    return b.append(again).toString();
  }

  /** HEAD, then GET where HEAD is refused, then retries of GET after a 429 or 5xx. */
  private Answer ask(URI uri, long deadline) {
    Answer a = exchange("HEAD", uri, deadline);
    if (a.failure == BROKEN || (a.failure == null && headRefused(a.status))) {
      a = exchange("GET", uri, deadline);
    }
    int tries = 1;
    while (a.failure == null && retryable(a.status)) {
      if (tries > settings.retries()) {
        return new Answer(
            a.status, null, null, "the server answered " + StatusText.of(a.status) + tries(tries));
      }
      long wait =
          a.retryAfter != null
              ? a.retryAfter.toNanos()
              : settings.retryWait().toNanos() << Math.min(tries - 1, 20);
      if (System.nanoTime() + wait >= deadline) {
        String asked =
            a.retryAfter != null
                ? ", asking to wait " + a.retryAfter.toSeconds() + " s, longer than links.timeout"
                : "";
        return new Answer(
            a.status,
            null,
            null,
            "the server answered " + StatusText.of(a.status) + tries(tries) + asked);
      }
      try {
        TimeUnit.NANOSECONDS.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Answer.failed("the check was interrupted");
      }
      a = exchange("GET", uri, deadline);
      tries++;
    }
    if (a.failure == BROKEN) return Answer.failed("the server closed the connection");
    return a;
  }

  private static String tries(int n) {
    return n == 1 ? "" : " (" + n + " tries)";
  }

  private static boolean headRefused(int status) {
    return (status >= 400 && status < 500 && status != 429) || status == 501;
  }

  private static boolean retryable(int status) {
    return status == 429 || (status >= 500 && status != 501);
  }

  private Answer exchange(String method, URI uri, long deadline) {
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) return Answer.failed(noAnswer());
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(uri)
              .method(method, HttpRequest.BodyPublishers.noBody())
              .timeout(Duration.ofNanos(remaining))
              .header("User-Agent", settings.userAgent())
              .header("Accept", "text/html,application/xhtml+xml,application/pdf,*/*;q=0.8")
              .build();
    } catch (IllegalArgumentException e) {
      return Answer.failed("it is not a valid address");
    }
    CompletableFuture<HttpResponse<InputStream>> future =
        client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
    try {
      // The client's own timeout covers the exchange; this bound also covers what happens
      // before it starts (a slow name lookup), so no address takes longer than its deadline.
      HttpResponse<InputStream> r = future.get(remaining + 200_000_000L, TimeUnit.NANOSECONDS);
      r.body().close();
      return new Answer(
          r.statusCode(),
          r.headers().firstValue("Location").orElse(null),
          retryAfter(r.headers().firstValue("Retry-After").orElse(null)),
          null);
    } catch (TimeoutException e) {
      future.cancel(true);
      return Answer.failed(noAnswer());
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      return Answer.failed("the check was interrupted");
    } catch (ExecutionException e) {
      return Answer.failed(describe(e.getCause(), uri));
    } catch (IOException e) {
      return Answer.failed(BROKEN);
    }
  }

  private String noAnswer() {
    return "no answer within " + seconds(settings.timeout()) + " (links.timeout)";
  }

  /** A failure in words; {@link #BROKEN} for one that a GET might not meet. */
  private String describe(Throwable e, URI uri) {
    if (e instanceof HttpConnectTimeoutException) {
      return "could not connect within "
          + seconds(settings.connectTimeout())
          + " (links.connect_timeout)";
    }
    if (e instanceof HttpTimeoutException) return noAnswer();
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof UnresolvedAddressException || c instanceof UnknownHostException) {
        return "the host name " + uri.getHost() + " does not resolve (no such host, or no network)";
      }
      if (c instanceof SSLException) {
        String m = String.valueOf(c.getMessage());
        if (m.contains("PKIX") || m.contains("certification path")) {
          return "its TLS certificate is not trusted (self-signed or from an unknown authority)";
        }
        return "the TLS connection failed: " + m;
      }
    }
    if (e instanceof ConnectException) {
      String m = e.getMessage();
      return m == null || m.contains("refused")
          ? "the connection was refused"
          : "the connection failed: " + m;
    }
    if (e instanceof IllegalArgumentException) return "it is not a valid address";
    return BROKEN;
  }

  private static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
  }

  /** {@code Retry-After} as seconds or an HTTP date; null when absent or unreadable. */
  static Duration retryAfter(String value) {
    if (value == null || value.isBlank()) return null;
    String v = value.strip();
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(ZonedDateTime.now(when.getZone()), when);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeException e2) {
        return null;
      }
    }
  }

  /**
   * The address as a {@link URI} that the client accepts: an absolute http(s) address with a host,
   * characters that must be escaped escaped ({@code ä}, a space), the fragment dropped. Null when
   * it cannot be one.
   */
  static URI uri(String address) {
    int hash = address.indexOf('#');
    String a = hash < 0 ? address : address.substring(0, hash);
    URI u;
    try {
      u = new URI(a);
    } catch (URISyntaxException e) {
      try {
        URL url = new URL(a);
        u =
            new URI(
                url.getProtocol(),
                url.getUserInfo(),
                url.getHost(),
                url.getPort(),
                url.getPath(),
                url.getQuery(),
                null);
      } catch (IOException | URISyntaxException | IllegalArgumentException e2) {
        return null;
      }
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) return null;
    try {
      return new URI(u.toASCIIString());
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static URI strip(URI u) {
    if (u.getRawFragment() == null) return u;
    String s = u.toString();
    return URI.create(s.substring(0, s.indexOf('#')));
  }
}
