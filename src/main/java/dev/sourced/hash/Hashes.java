package dev.sourced.hash;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one place SHA-256 is set up. It names things by their bytes wherever a wrong match would put
 * wrong bytes in a site: the build cache's keys and fingerprints, the hashed names of assets and
 * search parts, the image cache's keys, the tool's own identity. A hash that is only a check
 * against damage (a cache file's envelope) is a CRC elsewhere; SHA-256 stays here because two
 * different inputs must never share a name, and on this kind of machine the processor computes it
 * (the JDK uses its SHA instructions), so a weaker hash would save little.
 */
public final class Hashes {
  /** One digest per thread, reset by each {@code digest()}: looking one up costs more. */
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(Hashes::newSha256);

  private Hashes() {}

  /** This thread's SHA-256 digest, reset (do not keep it past one {@code digest()}). */
  public static MessageDigest sha256() {
    MessageDigest md = SHA256.get();
    md.reset();
    return md;
  }

  /** The SHA-256 of {@code bytes}, in hex (all 64 digits). */
  public static String sha256Hex(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes));
  }

  /** A new SHA-256 digest of its own (every Java runtime has one). */
  public static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
