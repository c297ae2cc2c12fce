package dev.sourced.cache;

/**
 * A build cache file found damaged while the build was using it (a body that does not read back as
 * written). The pipeline catches it and builds again without the cache, with a note.
 */
public final class CacheDamagedException extends RuntimeException {
  public CacheDamagedException(String message) {
    super(message);
  }
}
