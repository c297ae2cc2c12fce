package dev.sourced.pipeline;

import dev.sourced.diag.Diagnostic;
import dev.sourced.resolve.ResolvedSite;
import java.util.List;

/**
 * The outcome of a build: every diagnostic (sorted; warnings already promoted under --strict),
 * whether the site was written, counts for the summary line, the text of each source file by its
 * path (for showing the line of a diagnostic; null when unknown), and the resolved site: null when
 * the build stopped before resolving; its article bodies can be rendered again only when the build
 * was asked not to render.
 */
public record BuildResult(
    List<Diagnostic> diagnostics,
    boolean written,
    int articles,
    int files,
    int facts,
    int claims,
    long millis,
    java.util.function.Function<String, String> sourceText,
    ResolvedSite site) {

  public boolean failed() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  public long errorCount() {
    return diagnostics.stream().filter(Diagnostic::isError).count();
  }

  public long warningCount() {
    return diagnostics.size() - errorCount();
  }
}
