package dev.sourced.cache;

import dev.sourced.hash.Hashes;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * Which build of sourced is running: a hash of its own code (the jar, or every class file when run
 * from a classes folder) and the Java version. A version number alone would not do: a tool built
 * from changed sources keeps its number, and a cache written by it must not be read by another.
 * Computed once per process (hashing the jar takes milliseconds).
 */
final class ToolIdentity {
  private ToolIdentity() {}

  /**
   * Made when first asked for, once, however many threads ask at the same moment (the class loader
   * initialises a class once): two threads used to hash the jar side by side at start-up, and code
   * that cannot be hashed could get two identities in one run.
   */
  private static final class Once {
    static final String ID = compute();
  }

  static String get() {
    return Once.ID;
  }

  private static String compute() {
    try {
      MessageDigest md = Hashes.newSha256();
      md.update(System.getProperty("java.version", "").getBytes());
      Path code =
          Path.of(ToolIdentity.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isDirectory(code)) {
        List<Path> files;
        try (var s = Files.walk(code)) {
          files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
          md.update(code.relativize(f).toString().getBytes());
          update(md, f);
        }
      } else {
        update(md, code);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException | URISyntaxException | RuntimeException e) {
      // Code that cannot be hashed gets an identity of its own run: its cache is never reused.
      return "unhashed-" + System.nanoTime();
    }
  }

  private static void update(MessageDigest md, Path f) throws IOException {
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(f)) {
      for (int r = in.read(buf); r >= 0; r = in.read(buf)) md.update(buf, 0, r);
    }
  }
}
