package dev.sourced.links;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Good answers remembered per address, so that a check run again within {@code cache_hours} asks
 * only what it has not seen answer well: an address that answered (or moved) is not asked again,
 * even when another address of the same source failed. Problems are never remembered, so a server
 * that comes back is seen at once.
 *
 * <p>One line per address, {@code address TAB epoch-seconds TAB OK|MOVED TAB status TAB new address
 * or -}, in a file the site keeps out of version control ({@code .sourced/link-cache.tsv}). A file
 * that cannot be read counts as empty: the cache only ever saves time.
 */
final class LinkCache {
  static final String HEADER = "# sourced link cache 1: address, checked (epoch s), result";

  private record Entry(long checkedAt, Outcome outcome) {}

  private final Path file;
  private final Duration ttl;
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  private LinkCache(Path file, Duration ttl) {
    this.file = file;
    this.ttl = ttl;
  }

  /**
   * The cache in {@code file}; null {@code file} or a zero {@code ttl} give a cache that is off.
   */
  static LinkCache open(Path file, Duration ttl) {
    LinkCache c = new LinkCache(file, ttl);
    if (file == null || ttl.isZero() || !Files.isRegularFile(file)) return c;
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (lines.isEmpty() || !lines.get(0).equals(HEADER)) return c;
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split("\t", -1);
        if (f.length != 5) continue;
        if (!f[2].equals("OK") && !f[2].equals("MOVED")) continue;
        try {
          int status = Integer.parseInt(f[3]);
          Outcome o = f[2].equals("OK") ? Outcome.ok(status) : Outcome.moved(status, f[4]);
          c.entries.put(f[0], new Entry(Long.parseLong(f[1]), o));
        } catch (NumberFormatException e) {
          // a damaged line is skipped: that address is asked again
        }
      }
    } catch (IOException | UncheckedIOException e) {
      c.entries.clear();
    }
    return c;
  }

  boolean enabled() {
    return file != null && !ttl.isZero();
  }

  /** A good answer for {@code address} given less than {@code cache_hours} ago, or null. */
  synchronized Outcome get(String address, Instant now) {
    if (!enabled()) return null;
    Entry e = entries.get(address);
    if (e == null || now.getEpochSecond() - e.checkedAt >= ttl.toSeconds()) return null;
    if (e.checkedAt > now.getEpochSecond()) return null;
    return e.outcome.cached();
  }

  /** Remembers a good answer; forgets the address after a problem. */
  synchronized void put(String address, Outcome o, Instant now) {
    if (!enabled() || address.indexOf('\t') >= 0 || address.indexOf('\n') >= 0) return;
    if (o.answers()) entries.put(address, new Entry(now.getEpochSecond(), o));
    else entries.remove(address);
  }

  /** Writes the cache (entries past their time dropped), replacing the file in one move. */
  synchronized void save(Instant now) throws IOException {
    if (!enabled()) return;
    StringBuilder b = new StringBuilder(HEADER).append('\n');
    for (var e : entries.entrySet()) {
      Entry v = e.getValue();
      if (now.getEpochSecond() - v.checkedAt >= ttl.toSeconds()) continue;
      Outcome o = v.outcome;
      b.append(e.getKey())
          .append('\t')
          .append(v.checkedAt)
          .append('\t')
          .append(o.kind())
          .append('\t')
          .append(o.status())
          .append('\t')
          .append(o.newAddress() == null ? "-" : o.newAddress())
          .append('\n');
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, b, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
