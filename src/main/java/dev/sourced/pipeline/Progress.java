package dev.sourced.pipeline;

/**
 * Hears how far a build has come, for a progress line on long builds. Called from the building
 * thread; implementations must be cheap (the build calls it once per file).
 */
public interface Progress {
  Progress NONE = (stage, done, total) -> {};

  /** {@code done} of {@code total} items of a stage ("reading", "parsing", "rendering"). */
  void update(String stage, int done, int total);
}
