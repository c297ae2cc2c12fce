package dev.sourced.images;

import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * The originals an earlier build hashed, recognised by their file stamps without being read again:
 * the build cache's list of known files (the one that recognises unchanged articles), seen from the
 * image stage. A second build of a site whose photos did not change reads none of them.
 */
public interface KnownOriginals {
  /**
   * The key {@code file} gave when last hashed under {@code name}, if the file is unchanged since
   * and {@code usable} accepts the key; else null (the file must be read and hashed).
   */
  String knownKey(String name, Path file, Predicate<String> usable);

  /** Remembers the key just computed from the bytes of {@code file}. */
  void saw(String name, Path file, String key);
}
