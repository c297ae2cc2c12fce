package dev.sourced.cli;

import dev.sourced.diag.Suggestions;
import dev.sourced.facts.ValueFormatter;
import dev.sourced.i18n.MessageFiles;
import dev.sourced.model.Fact;
import dev.sourced.model.FactValue;
import dev.sourced.pipeline.BuildOptions;
import dev.sourced.pipeline.BuildResult;
import dev.sourced.pipeline.Pipeline;
import dev.sourced.resolve.ResolvedPage;
import dev.sourced.resolve.ResolvedSite;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "facts",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Lists the site's facts: value, as-of date, sources, home and every article",
      "that uses each one."
    })
final class FactsCommand implements Callable<Integer> {
  @Mixin SiteOptions site;

  @Option(names = "--stale", description = "Only facts older than stale_after days.")
  boolean stale;

  @Option(names = "--unused", description = "Only facts that no article uses.")
  boolean unused;

  @Parameters(paramLabel = "ID", arity = "0..1", description = "Show only this fact.")
  String id;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    LocalDate today = LocalDate.now();
    BuildResult r = Pipeline.build(new BuildOptions(site.source, null, site.strict, today, false));
    PrintWriter out = spec.commandLine().getOut();
    ResolvedSite s = r.site();
    if (s == null || r.failed()) {
      Reporter.diagnostics(r, site, spec.commandLine().getErr());
      if (s == null) return Main.CONTENT_ERRORS;
    }
    if (id != null && !s.facts().containsKey(id)) {
      spec.commandLine()
          .getErr()
          .printf(
              "no fact \"%s\"; %s%n",
              id, Suggestions.hint(id, s.facts().keySet(), "see `sourced facts`"));
      return Main.CONTENT_ERRORS;
    }
    ValueFormatter fmt =
        new ValueFormatter(
            s.config().uLocale(), MessageFiles.theme(s.config().language(), s.config().uLocale()));
    int shown = 0;
    for (Fact f : s.facts().values()) {
      if (id != null && !f.id().equals(id)) continue;
      List<ResolvedPage> users = s.factUsers().getOrDefault(f.id(), List.of());
      if (unused && !users.isEmpty()) continue;
      if (stale && !isStale(f, s, today)) continue;
      print(out, f, s, users, fmt);
      shown++;
    }
    if (id == null) out.printf("%d %s%n", shown, shown == 1 ? "fact" : "facts");
    out.flush();
    return r.failed() ? Main.CONTENT_ERRORS : Main.OK;
  }

  private static boolean isStale(Fact f, ResolvedSite s, LocalDate today) {
    int days = s.config().staleAfterDays();
    return days > 0 && f.asOf() != null && f.asOf().end().plusDays(days).isBefore(today);
  }

  private static void print(
      PrintWriter out, Fact f, ResolvedSite s, List<ResolvedPage> users, ValueFormatter fmt) {
    out.printf("%s: %s%n", f.id(), f.label());
    // Texts written per language, each language on its own line: the fact is listed once.
    for (String field : List.of("label", "unit", "note")) {
      var texts = f.texts().byField().get(field);
      if (texts == null) continue;
      for (String lang : s.config().languages()) {
        String t = texts.get(lang);
        out.printf("  %-8s %s%n", field + "." + lang + ":", t == null ? "(not translated)" : t);
      }
    }
    out.printf(
        "  value:   %s (%s)%n", fmt.withUnitAndCaveat(f, f.usedInText()), f.status().label());
    if (f.values().size() > 1) {
      for (int i = 0; i < f.values().size(); i++) {
        FactValue v = f.values().get(i);
        out.printf(
            "    %s %s, %s%s%n",
            i == f.use() ? "*" : "-",
            fmt.withUnitAndCaveat(f, v),
            String.join(", ", v.sources()),
            v.scope() == null ? "" : " (" + v.scope() + ")");
      }
    }
    if (f.asOf() != null) out.printf("  as of:   %s%n", f.asOf());
    out.printf("  sources: %s%n", String.join(", ", f.sourceIds()));
    out.printf("  home:    %s (%s)%n", s.config().url(s.factHome(f.id()).url()), f.declaredAt());
    out.printf(
        "  used in: %s%n",
        users.isEmpty()
            ? "(nowhere)"
            : String.join(", ", users.stream().map(p -> s.config().url(p.url())).toList()));
  }
}
