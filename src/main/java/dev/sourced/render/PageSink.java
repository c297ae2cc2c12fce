package dev.sourced.render;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Where a one-shot render sends its outputs as they are made, so that memory never holds the site's
 * pages: each output is written into a stream as it is rendered (a long index page never exists as
 * one string). Calls come from several threads at once.
 */
public interface PageSink {
  /**
   * A stream for the output at {@code path} (relative to the site root); the renderer writes the
   * output into it and closes it.
   */
  OutputStream open(String path) throws IOException;

  /** A ready-made output (a theme asset); the sink writes it. */
  void write(RenderedPage page) throws IOException;
}
