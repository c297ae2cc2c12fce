package dev.sourced.links;

import dev.sourced.diag.Code;
import dev.sourced.diag.Diagnostic;
import dev.sourced.model.Source;
import dev.sourced.resolve.ResolvedSite;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns answers into diagnostics, one at each place that names an address that did not answer well.
 * How bad a problem is depends on what readers lose: a source whose address is dead, failing or
 * looping is an error when readers have no working archived copy, a warning when they do; a broken
 * archive is a warning while the source's own address works; a permanent move is always a warning
 * naming the new address; a link in article text is a warning (--strict makes any of them an
 * error).
 */
final class LinkReport {
  private final ResolvedSite site;
  private final Map<String, Outcome> outcomes;

  LinkReport(ResolvedSite site, Map<String, Outcome> outcomes) {
    this.site = site;
    this.outcomes = outcomes;
  }

  List<Diagnostic> diagnostics(List<LinkTarget> targets) {
    List<Diagnostic> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (LinkTarget t : targets) {
      Outcome o = outcomes.get(t.key());
      if (o == null || o.kind() == Outcome.Kind.OK) continue;
      // One diagnostic per place and address (a source's url and archive may be the same).
      if (!seen.add(t.at() + " " + t.address())) continue;
      out.add(diagnostic(t, o));
    }
    out.sort(null);
    return out;
  }

  private Diagnostic diagnostic(LinkTarget t, Outcome o) {
    String what =
        switch (t.role()) {
          case SOURCE_URL -> "the address of source \"" + t.sourceId() + "\"";
          case SOURCE_ARCHIVE -> "the archived copy of source \"" + t.sourceId() + "\"";
          case TEXT -> "the link";
        };
    String subject = what + " " + t.address();
    if (o.kind() == Outcome.Kind.MOVED) {
      String field =
          switch (t.role()) {
            case SOURCE_URL -> "write `url: " + o.newAddress() + "`";
            case SOURCE_ARCHIVE -> "write `archive: " + o.newAddress() + "`";
            case TEXT -> "link to " + o.newAddress() + " directly";
          };
      return Diagnostic.warning(
          t.at(),
          Code.MOVED_LINK,
          subject + " has moved permanently (" + StatusText.of(o.status()) + ")",
          field + " (the old address only redirects there)");
    }
    Code code =
        switch (o.kind()) {
          case DEAD -> Code.DEAD_LINK;
          case LOOPING -> Code.LOOPING_LINK;
          default -> Code.FAILING_LINK;
        };
    String message =
        subject
            + switch (o.kind()) {
              case DEAD -> " is dead: " + o.detail();
              case LOOPING -> " does not lead to a page: " + o.detail();
              default -> " is failing: " + o.detail();
            };
    Source s = t.sourceId() == null ? null : site.sources().get(t.sourceId());
    boolean fallback =
        s != null && readable(t.role() == LinkTarget.Role.SOURCE_URL ? s.archive() : s.url());
    String retry = o.kind() == Outcome.Kind.FAILING ? "; run the check again later" : "";
    return switch (t.role()) {
      case SOURCE_URL ->
          fallback
              ? Diagnostic.warning(
                  t.at(),
                  code,
                  message,
                  "readers still have the archived copy"
                      + retry
                      + "; update `url:` if the page moved")
              : Diagnostic.error(
                  t.at(),
                  code,
                  message,
                  "readers cannot open this source: add `archive:` with a saved copy (the Wayback"
                      + " Machine, https://web.archive.org/, may have one), correct `url:`, or cite"
                      + " another source");
      case SOURCE_ARCHIVE ->
          fallback
              ? Diagnostic.warning(
                  t.at(),
                  code,
                  message,
                  "the source's own address still works; replace `archive:` with a copy that opens")
              : Diagnostic.error(
                  t.at(),
                  code,
                  message,
                  "readers cannot open this source: replace `archive:` with a saved copy that opens");
      case TEXT ->
          Diagnostic.warning(
              t.at(),
              code,
              message,
              "correct the link, link to a saved copy, or remove it" + retry);
    };
  }

  /** Whether an address is given and answered. */
  private boolean readable(String address) {
    if (address == null) return false;
    Outcome o = outcomes.get(new LinkTarget(address, null, LinkTarget.Role.TEXT, null).key());
    return o != null && o.answers();
  }
}
