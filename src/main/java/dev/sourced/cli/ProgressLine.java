package dev.sourced.cli;

import dev.sourced.pipeline.Progress;
import java.io.PrintWriter;

/**
 * A one-line progress display on a terminal, shown only once a build has run for a second (short
 * builds stay quiet) and redrawn at most ten times a second. Never used when output is piped.
 */
final class ProgressLine implements Progress {
  private final PrintWriter err;
  private final long start = System.nanoTime();
  private long lastDraw;
  private boolean drawn;

  ProgressLine(PrintWriter err) {
    this.err = err;
  }

  static Progress forTerminal(PrintWriter err) {
    return System.console() != null && !"dumb".equals(System.getenv("TERM"))
        ? new ProgressLine(err)
        : Progress.NONE;
  }

  @Override
  public synchronized void update(String stage, int done, int total) {
    long now = System.nanoTime();
    if (now - start < 1_000_000_000L || now - lastDraw < 100_000_000L) return;
    lastDraw = now;
    drawn = true;
    String count = done > 0 ? " " + done + "/" + total : "";
    err.print("\r\u001b[2K" + stage + count + "...");
    err.flush();
  }

  /** Clears the line before the summary is printed. */
  void clear() {
    if (drawn) {
      err.print("\r\u001b[2K");
      err.flush();
    }
  }
}
