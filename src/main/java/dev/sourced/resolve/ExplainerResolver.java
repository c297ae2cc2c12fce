package dev.sourced.resolve;

import dev.sourced.diag.Code;
import dev.sourced.diag.Diagnostics;
import dev.sourced.diag.SourcePosition;
import dev.sourced.diag.Suggestions;
import dev.sourced.model.DeclarationKey;
import dev.sourced.model.Explainer;
import dev.sourced.model.Explainer.Cell;
import dev.sourced.model.Explainer.Item;
import dev.sourced.model.Explainer.Kind;
import dev.sourced.model.Explainer.Row;
import dev.sourced.model.Fact;
import dev.sourced.model.Source;
import dev.sourced.parse.BodyUse;
import dev.sourced.parse.ParsedPage;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves an article's explainer pieces against the site: every fact and source they name must
 * exist, a comparison cell's {@code values} must pick values the fact has, and a timeline event
 * without a date of its own takes its first fact's {@code as_of}, which must then be set. Where the
 * body places a piece, its facts count as used there and its sources join the reference list at
 * that point, in the order the piece shows them. A piece declared and never placed is a warning.
 */
final class ExplainerResolver {
  private final Map<String, Source> sources;
  private final Map<String, Fact> facts;
  private final Set<DeclarationKey> rejected;
  private final Diagnostics diagnostics;

  ExplainerResolver(
      Map<String, Source> sources,
      Map<String, Fact> facts,
      Set<DeclarationKey> rejected,
      Diagnostics diagnostics) {
    this.sources = sources;
    this.facts = facts;
    this.rejected = rejected;
    this.diagnostics = diagnostics;
  }

  /**
   * Checks every piece the page declares, and warns about those that neither its body nor a
   * translation's places.
   *
   * @param group the page and its translations, the page first
   */
  void check(ParsedPage p, List<ParsedPage> group) {
    Set<Placement> placed = new HashSet<>();
    for (ParsedPage q : group) {
      for (BodyUse u : q.uses()) {
        if (u.kind() == BodyUse.Kind.EXPLAINER) {
          placed.add(new Placement(u.directiveKind(), u.id()));
        }
      }
    }
    for (Explainer e : p.frontMatter().explainers()) {
      String what = e.kind().noun() + " \"" + e.id() + "\"";
      for (Item item : e.items()) {
        for (String f : item.facts()) fact(f, item.declaredAt(), what);
        for (String s : item.sources()) source(s, item.declaredAt(), what);
        if (e.kind() == Kind.TIMELINE && item.date() == null) {
          Fact first = item.facts().isEmpty() ? null : facts.get(item.facts().get(0));
          if (first != null && first.asOf() == null) {
            diagnostics.error(
                item.declaredAt(),
                Code.MISSING_FIELD,
                "an event of "
                    + what
                    + " has no `date`, and fact \""
                    + first.id()
                    + "\" has no"
                    + " `as_of`",
                "add `date: 2021-03-09` (or 2021-03, or 2021) to the event");
          }
        }
      }
      for (Row row : e.rows()) {
        for (Cell c : row.cells()) {
          if (c.fact() == null) continue;
          Fact f = fact(c.fact(), c.declaredAt(), what);
          if (f == null) continue;
          for (int v : c.values()) {
            if (v < 0 || v >= f.values().size()) {
              diagnostics.error(
                  c.declaredAt(),
                  Code.USE_OUT_OF_RANGE,
                  "a cell of "
                      + what
                      + " picks value "
                      + v
                      + " of fact \""
                      + f.id()
                      + "\", which has "
                      + f.values().size()
                      + " (numbered from 0)",
                  "use a number from 0 to " + (f.values().size() - 1));
            }
          }
        }
      }
      if (!placed.contains(new Placement(e.kind().directive(), e.id()))) {
        diagnostics.warning(
            e.declaredAt(),
            Code.UNUSED_EXPLAINER,
            what + " is declared but the body never places it",
            "write {{"
                + e.kind().directive()
                + ":"
                + e.id()
                + "}} alone in a paragraph where it"
                + " belongs, or remove it");
      }
    }
  }

  /**
   * Where the body places a piece: records its facts as used and its sources as referenced, in the
   * order the piece shows them; reports an unknown piece. A translation places the pieces its
   * translations declare, as it shows the facts they declare: they are declared once, in one of
   * them.
   *
   * @param group the page and its translations, the page first
   */
  void use(
      List<ParsedPage> group, BodyUse u, Set<String> refs, Set<String> used, Set<String> cited) {
    Kind kind = Kind.fromDirective(u.directiveKind());
    Explainer e = find(group, kind, u.id());
    if (e == null) {
      List<String> known =
          group.stream()
              .flatMap(q -> q.frontMatter().explainers().stream())
              .filter(x -> x.kind() == kind)
              .map(Explainer::id)
              .distinct()
              .toList();
      diagnostics.error(
          u.at(),
          Code.UNKNOWN_EXPLAINER,
          "unknown " + kind.noun() + " \"" + u.id() + "\"",
          Suggestions.hint(
              u.id(),
              known,
              "declare it under `"
                  + kind.key()
                  + ":` in this article's front-matter or in one of its translations'"));
      return;
    }
    for (Item item : e.items()) {
      for (String s : item.sources()) {
        if (sources.containsKey(s)) {
          refs.add(s);
          cited.add(s);
        }
      }
      for (String id : item.facts()) {
        Fact f = facts.get(id);
        if (f == null) continue;
        used.add(id);
        refs.addAll(f.sourceIds());
      }
    }
    for (Row row : e.rows()) {
      for (Cell c : row.cells()) {
        Fact f = c.fact() == null ? null : facts.get(c.fact());
        if (f == null) continue;
        used.add(f.id());
        if (c.values().isEmpty()) refs.addAll(f.sourceIds());
        for (int v : c.values()) {
          if (v >= 0 && v < f.values().size()) refs.addAll(f.values().get(v).sources());
        }
      }
    }
  }

  /** A piece as the page or one of its translations declares it (the page's own first). */
  static Explainer find(List<ParsedPage> group, Kind kind, String id) {
    for (ParsedPage q : group) {
      Explainer e = q.frontMatter().explainer(kind, id);
      if (e != null) return e;
    }
    return null;
  }

  private Fact fact(String id, SourcePosition at, String what) {
    Fact f = facts.get(id);
    if (f == null && !rejected.contains(DeclarationKey.fact(id))) {
      diagnostics.error(
          at,
          Code.UNKNOWN_FACT,
          what + " names unknown fact \"" + id + "\"",
          Suggestions.hint(
              id, facts.keySet(), "declare it under `facts:` in an article or in content/_data/"));
    }
    return f;
  }

  private void source(String id, SourcePosition at, String what) {
    if (!sources.containsKey(id) && !rejected.contains(DeclarationKey.source(id))) {
      diagnostics.error(
          at,
          Code.UNKNOWN_SOURCE,
          what + " names unknown source \"" + id + "\"",
          Suggestions.hint(
              id,
              sources.keySet(),
              "declare it under `sources:` in an article or in content/_data/"));
    }
  }

  /** Where a body places a piece: its directive word ({@code timeline}) and its ID. */
  private record Placement(String directive, String id) {}
}
