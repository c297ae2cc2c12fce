package dev.sourced.render;

import dev.sourced.hash.Hashes;
import dev.sourced.model.Claim;
import dev.sourced.model.Fact;
import dev.sourced.model.Source;
import dev.sourced.parse.ParsedPage;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A {@link Fingerprints fingerprint} as a hash that outlives the process, for the build cache: the
 * same value in any run gives the same hash. Each value is fed with a tag for its type, so that
 * values of different types never feed the same bytes; records by class name and components, lists
 * and ordered maps and sets in order, unordered ones sorted by their elements' own hashes. A page's
 * parse is named by its input key (the hash of its file and settings), given by the caller.
 *
 * <p>A value of any other type cannot be hashed faithfully: it throws {@link Unhashable}, and the
 * page it belongs to is rendered rather than kept. Nothing unknown is ever taken as unchanged.
 */
final class FingerprintDigest {
  /** A fingerprint holding something this class cannot hash. */
  static final class Unhashable extends RuntimeException {
    Unhashable(String what) {
      super(what, null, false, false);
    }
  }

  private final Function<ParsedPage, String> keys;

  /** Each record class's component accessors, looked up once. */
  private static final ClassValue<java.lang.reflect.Method[]> ACCESSORS =
      new ClassValue<>() {
        @Override
        protected java.lang.reflect.Method[] computeValue(Class<?> type) {
          var components = type.getRecordComponents();
          java.lang.reflect.Method[] out = new java.lang.reflect.Method[components.length];
          for (int i = 0; i < out.length; i++) {
            out[i] = components[i].getAccessor();
            out[i].setAccessible(true);
          }
          return out;
        }
      };

  /**
   * @param pages the site's pages. Their declarations (facts, sources, claims, image credits) are
   *     hashed by what they hold, not named by their page's input key: a page's key changes with
   *     any edit of its prose, and a declaration named by it would make every page showing one of
   *     the page's facts (the facts index, the sources, each article citing it) look changed.
   */
  FingerprintDigest(Function<ParsedPage, String> keys, Iterable<ParsedPage> pages) {
    this.keys = keys;
  }

  /** The hash of a fingerprint, in hex. */
  String of(Object value) {
    Buf buf = new Buf();
    feed(buf, value);
    return hash(buf);
  }

  /** The SHA-256 of {@code bytes}, in hex (all 64 digits), with this thread's digest. */
  static String ofBytes(byte[] bytes) {
    return Hashes.sha256Hex(bytes);
  }

  private static String hash(Buf buf) {
    MessageDigest md = Hashes.sha256();
    md.update(buf.bytes, 0, buf.size);
    return HexFormat.of().formatHex(md.digest(), 0, 20);
  }

  /** The hashes of the facts, sources and claims met so far, by identity. */
  private final Map<Fingerprints.Ident, String> made = new ConcurrentHashMap<>();

  /**
   * The bytes a value is fed as, gathered before they are hashed at once (a digest's update per
   * small piece costs more than the piece).
   */
  private static final class Buf {
    byte[] bytes = new byte[256];
    int size;
    char[] chars = new char[64];
    final Map<Class<?>, Integer> classes = new java.util.HashMap<>();

    void update(byte b) {
      if (size == bytes.length) bytes = java.util.Arrays.copyOf(bytes, size * 2);
      bytes[size++] = b;
    }

    void update(int n) {
      ensure(4);
      bytes[size++] = (byte) (n >>> 24);
      bytes[size++] = (byte) (n >>> 16);
      bytes[size++] = (byte) (n >>> 8);
      bytes[size++] = (byte) n;
    }

    void ensure(int more) {
      if (size + more > bytes.length) {
        bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
      }
    }
  }

  private void feed(Buf md, Object v) {
    if (v == null) {
      md.update((byte) 0);
    } else if (v instanceof String s) {
      md.update((byte) 1);
      string(md, s);
    } else if (v instanceof Integer || v instanceof Long || v instanceof Boolean) {
      md.update((byte) 2);
      string(md, v.getClass().getSimpleName() + v);
    } else if (v instanceof BigDecimal b) {
      md.update((byte) 3);
      string(md, b.toString());
    } else if (v instanceof LocalDate d) {
      md.update((byte) 4);
      string(md, d.toString());
    } else if (v instanceof Enum<?> e) {
      md.update((byte) 5);
      string(md, e.getDeclaringClass().getName() + "." + e.name());
    } else if (v instanceof Path p) {
      md.update((byte) 6);
      string(md, p.toString());
    } else if (v instanceof Fingerprints.Ident i && i.ref() instanceof ParsedPage p) {
      String key = keys.apply(p);
      if (key == null) throw new Unhashable("a page without an input key: " + p.path());
      md.update((byte) 7);
      string(md, key);
    } else if (v instanceof List<?> l) {
      md.update((byte) 8);
      md.update(l.size());
      for (Object o : l) feed(md, o);
    } else if (v instanceof Collection<?> c) {
      md.update((byte) 9);
      md.update(c.size());
      if (c instanceof SortedSet<?> || c instanceof LinkedHashSet<?>) {
        for (Object o : c) feed(md, o);
      } else if (c.stream().allMatch(o -> o instanceof String)) {
        for (Object o : new java.util.TreeSet<Object>(c)) feed(md, o);
      } else {
        List<byte[]> parts = new ArrayList<>(c.size());
        for (Object o : c) parts.add(fed(o, false, null));
        unordered(md, parts);
      }
    } else if (v instanceof Map<?, ?> m) {
      md.update((byte) 10);
      md.update(m.size());
      if (m instanceof SortedMap<?, ?> || m instanceof LinkedHashMap<?, ?>) {
        for (var e : m.entrySet()) {
          feed(md, e.getKey());
          feed(md, e.getValue());
        }
      } else if (stringKeys(m)) {
        // Keys that are text have an order of their own, the same in every run.
        for (Object k : new java.util.TreeSet<Object>(m.keySet())) {
          feed(md, k);
          feed(md, m.get(k));
        }
      } else {
        List<byte[]> parts = new ArrayList<>(m.size());
        for (var e : m.entrySet()) parts.add(fed(e.getKey(), true, e.getValue()));
        unordered(md, parts);
      }
    } else if (v instanceof Fact || v instanceof Source || v instanceof Claim) {
      // A declaration the resolve stage made is shown on many pages: hashed once, by identity.
      Fingerprints.Ident k = new Fingerprints.Ident(v);
      String hash = made.get(k);
      if (hash == null) {
        Buf own = new Buf();
        record(own, (Record) v);
        hash = hash(own);
        made.putIfAbsent(k, hash);
      }
      md.update((byte) 13);
      string(md, hash);
    } else if (v instanceof Record r) {
      record(md, r);
    } else {
      throw new Unhashable(v.getClass().getName());
    }
  }

  private void record(Buf md, Record r) {
    md.update((byte) 11);
    // A record's class by its name the first time, by its number in this hash after that.
    Integer known = md.classes.get(r.getClass());
    if (known != null) {
      md.update(known);
    } else {
      md.update(-1);
      string(md, r.getClass().getName());
      md.classes.put(r.getClass(), md.classes.size());
    }
    for (var accessor : ACCESSORS.get(r.getClass())) {
      try {
        feed(md, accessor.invoke(r));
      } catch (ReflectiveOperationException e) {
        throw new Unhashable(r.getClass().getName());
      }
    }
  }

  /**
   * The bytes one element of an unordered collection is fed as (with its value, for a map's entry),
   * in a hash of its own: every feed is self-delimiting, so the pair is too.
   */
  private byte[] fed(Object element, boolean entry, Object value) {
    Buf b = new Buf();
    feed(b, element);
    if (entry) feed(b, value);
    return java.util.Arrays.copyOf(b.bytes, b.size);
  }

  /**
   * Elements in an order of their own, the same in every run: sorted by the bytes they are fed as,
   * each fed with its length (rather than hashed one by one, which costs a digest per element).
   */
  private static void unordered(Buf md, List<byte[]> parts) {
    parts.sort(java.util.Arrays::compare);
    for (byte[] p : parts) {
      md.update(p.length);
      md.ensure(p.length);
      System.arraycopy(p, 0, md.bytes, md.size, p.length);
      md.size += p.length;
    }
  }

  private static boolean stringKeys(Map<?, ?> m) {
    for (Object k : m.keySet()) if (!(k instanceof String)) return false;
    return true;
  }

  /**
   * A string as its length, then each character: one byte below 0x80, else 0xff and its two bytes
   * (which no one-byte character starts with, so no two strings feed the same bytes).
   */
  private static void string(Buf md, String s) {
    int n = s.length();
    md.update(n);
    md.ensure(3 * n);
    byte[] b = md.bytes;
    int at = md.size;
    if (md.chars.length < n) md.chars = new char[Math.max(n, 2 * md.chars.length)];
    char[] chars = md.chars;
    s.getChars(0, n, chars, 0);
    for (int i = 0; i < n; i++) {
      char c = chars[i];
      if (c < 0x80) {
        b[at++] = (byte) c;
      } else {
        b[at++] = (byte) 0xff;
        b[at++] = (byte) (c >>> 8);
        b[at++] = (byte) c;
      }
    }
    md.size = at;
  }
}
