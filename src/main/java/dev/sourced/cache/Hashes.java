package dev.sourced.cache;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The build cache's hash of bytes it must tell apart from any other bytes (a file's content as last
 * seen): SHA-256, in hex, with one digest per thread (looking one up costs more than hashing a
 * small file).
 */
public final class Hashes {
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(Hashes::newSha256);

  private Hashes() {}

  /** The SHA-256 of {@code bytes}, in hex. */
  public static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(SHA256.get().digest(bytes));
  }

  /** A new SHA-256 digest (every Java runtime has one). */
  public static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
