package dev.sourced.pipeline;

import dev.sourced.concurrent.Workers;
import dev.sourced.diag.Diagnostics;
import dev.sourced.images.ImageNames;
import dev.sourced.render.SiteRenderer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Future;

/**
 * A renderer being made on a thread of its own while a one-run build parses and resolves its
 * articles (it needs only the settings, templates and message files), with what making it reported:
 * the same renderer, and the same diagnostics, as making it after the resolve gives; they join the
 * build's diagnostics where those would have been reported. A site with images to publish also
 * loads the image encoders there, ahead of its first image.
 */
record EarlyRenderer(Future<SiteRenderer> renderer, Diagnostics diagnostics) {
  /**
   * Starts making the renderer from the settings {@code inputs} just read; null when the loader
   * refused a template (the build then makes none).
   */
  static EarlyRenderer start(SiteInputs inputs, boolean incremental, Path imageCache) {
    if (Pipeline.refusedTemplates(inputs.diagnostics())) return null;
    var config = inputs.config();
    var templates = inputs.templatesDir();
    var messages = inputs.messageFiles();
    boolean images =
        inputs.articleFiles().stream()
            .anyMatch(
                a ->
                    a.bundleFiles().stream().anyMatch(f -> ImageNames.processed(f.relativeName())));
    Diagnostics d = new Diagnostics();
    Future<SiteRenderer> made =
        Workers.background(
            "sourced-renderer",
            () -> {
              SiteRenderer r =
                  SiteRenderer.create(config, templates, messages, incremental, imageCache, d);
              if (r != null && images) r.prepareImages();
              return r;
            });
    return new EarlyRenderer(made, d);
  }

  /** Waits for the renderer (null when a template could not be compiled), adding what it said. */
  SiteRenderer join(Diagnostics into) throws IOException {
    SiteRenderer r = Workers.join(renderer);
    into.addAll(diagnostics);
    return r;
  }
}
