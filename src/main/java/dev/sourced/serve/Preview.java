package dev.sourced.serve;

import dev.sourced.diag.DiagnosticPrinter;
import dev.sourced.pipeline.BuildOptions;
import dev.sourced.pipeline.BuildResult;
import dev.sourced.pipeline.Pipeline;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;

/**
 * The author's loop: builds the site into a private folder, serves it, watches the sources, and
 * after each save rebuilds what changed and reloads open pages. A broken edit shows its diagnostics
 * in the terminal and over the page; the last good site stays served.
 */
public final class Preview implements AutoCloseable {
  private final Pipeline session;
  private final LiveReload reload = new LiveReload();
  private final PreviewServer server;
  private final SiteWatcher watcher;
  private final PrintWriter err;
  private final boolean colour;
  private final int warningsPerCode;
  private final Path output;

  private Preview(
      Path source,
      InetAddress bind,
      int port,
      boolean strict,
      PrintWriter err,
      boolean colour,
      int warningsPerCode)
      throws IOException {
    this.warningsPerCode = warningsPerCode;
    this.output = Files.createTempDirectory("sourced-serve-");
    this.session = Pipeline.keepingState(new BuildOptions(source, output, strict, LocalDate.now()));
    this.err = err;
    this.colour = colour;
    BuildResult first = session.rebuild(null);
    report(first, "built");
    String basePath = first.site() == null ? "/" : first.site().config().basePath();
    this.server = new PreviewServer(output, basePath, bind, port, reload).start();
    this.watcher = new SiteWatcher(source, this::changed).start();
  }

  /**
   * Builds, starts serving and watching; the caller keeps the process alive.
   *
   * @param warningsPerCode how many warnings of one code to show in full (see {@link
   *     DiagnosticPrinter#format(java.util.List, int)})
   */
  public static Preview start(
      Path source,
      InetAddress bind,
      int port,
      boolean strict,
      PrintWriter err,
      boolean colour,
      int warningsPerCode)
      throws IOException {
    return new Preview(source, bind, port, strict, err, colour, warningsPerCode);
  }

  public int port() {
    return server.port();
  }

  public Path output() {
    return output;
  }

  /** Rebuilds after a change; called by the watcher's thread, one change at a time. */
  synchronized void changed(Collection<String> paths) {
    try {
      BuildResult r = session.rebuild(paths.contains("*") ? null : paths);
      report(r, "rebuilt");
    } catch (IOException | RuntimeException e) {
      err.println("sourced: rebuild failed: " + e);
      err.flush();
      reload.buildFailed("rebuild failed: " + e);
    }
  }

  private void report(BuildResult r, String verb) {
    String text =
        new DiagnosticPrinter(r.sourceText(), colour).format(r.diagnostics(), warningsPerCode);
    err.print(text);
    if (r.failed()) {
      err.printf("build failed (%d errors); still serving the last good site%n", r.errorCount());
      reload.buildFailed(
          new DiagnosticPrinter(r.sourceText(), false).format(r.diagnostics(), warningsPerCode));
    } else {
      err.printf(
          "%s %d articles in %d ms; %d warnings%n",
          verb, r.articles(), r.millis(), r.warningCount());
      if (r.written()) reload.buildSucceeded();
    }
    err.flush();
  }

  @Override
  public void close() throws IOException {
    watcher.close();
    server.close();
    dev.sourced.write.SiteWriter.deleteTree(output);
  }
}
