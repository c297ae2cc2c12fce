package dev.sourced.cli;

import dev.sourced.diag.Diagnostic;
import dev.sourced.links.LinkCheck;
import dev.sourced.pipeline.BuildResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code check --links} on the command line: runs the link check on a checked site with a progress
 * line, and merges its diagnostics into the build's (warnings promoted under --strict).
 */
record LinkCheckRun(BuildResult result, LinkCheck.Summary summary) {

  static LinkCheckRun run(BuildResult r, SiteOptions site, boolean useCache, PrintWriter err)
      throws IOException {
    ProgressLine line =
        System.console() != null && !"dumb".equals(System.getenv("TERM"))
            ? new ProgressLine(err)
            : null;
    LinkCheck.Result links =
        LinkCheck.run(
            r.site(),
            r.site().config().links(),
            site.source.resolve(LinkCheck.CACHE_FILE),
            useCache,
            (done, total) -> {
              if (line != null) line.update("checking addresses", done, total);
            });
    if (line != null) line.clear();
    List<Diagnostic> all = new ArrayList<>(r.diagnostics());
    for (Diagnostic d : links.diagnostics()) all.add(site.strict ? d.asError() : d);
    all.sort(null);
    return new LinkCheckRun(r.withDiagnostics(all), links.summary());
  }

  /**
   * {@code links: checked 12 addresses in 0.4 s (3 from the cache): 1 dead, 1 moved, 2 failing, 0
   * looping}.
   */
  static String summaryLine(LinkCheck.Summary s) {
    return String.format(
        Locale.ROOT,
        "links: checked %s in %.1f s (%d from the cache): %d dead, %d moved, %d failing, %d looping",
        s.addresses() + (s.addresses() == 1 ? " address" : " addresses"),
        s.millis() / 1000.0,
        s.fromCache(),
        s.dead(),
        s.moved(),
        s.failing(),
        s.looping());
  }
}
