package dev.sourced.pipeline;

import dev.sourced.diag.Diagnostic;
import dev.sourced.resolve.ResolvedSite;
import java.util.List;
import java.util.function.Function;

/**
 * The outcome of a build: every diagnostic (sorted; warnings already promoted under --strict),
 * whether the site was written, counts for the summary line, the text of each source file by its
 * path (for showing the line of a diagnostic; null when unknown), and the resolved site: null when
 * the build stopped before resolving; its article bodies can be rendered again only when the build
 * was asked not to render; and the notes about the run as a whole (see {@link
 * dev.sourced.diag.Diagnostics#note}); and, for a build that kept outputs of the build before (with
 * the build cache), the outputs it rendered anew, sorted (null otherwise): what an edit cost; and
 * how many of the articles have no date, when the site is not returned (a build that found nothing
 * changed since the last one resolves no site; see {@link dev.sourced.cache.LastBuild}).
 */
public record BuildResult(
    List<Diagnostic> diagnostics,
    boolean written,
    int articles,
    int files,
    int facts,
    int claims,
    long millis,
    Function<String, String> sourceText,
    ResolvedSite site,
    List<String> notes,
    List<String> rendered,
    int undated) {

  /** The same result with other diagnostics (a check that added its own to the build's). */
  public BuildResult withDiagnostics(List<Diagnostic> other) {
    return new BuildResult(
        other,
        written,
        articles,
        files,
        facts,
        claims,
        millis,
        sourceText,
        site,
        notes,
        rendered,
        undated);
  }

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
