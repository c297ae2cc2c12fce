package dev.sourced.pipeline;

import dev.sourced.cache.BuildCache;
import dev.sourced.cache.LastBuild;
import dev.sourced.cache.OutputRecords;
import dev.sourced.cache.ParseEntries;
import dev.sourced.concurrent.Workers;
import dev.sourced.config.SiteConfig;
import dev.sourced.diag.Diagnostic;
import dev.sourced.diag.Diagnostics;
import dev.sourced.load.ArticleFile;
import dev.sourced.parse.ParsedPage;
import dev.sourced.render.ArticleReads;
import dev.sourced.render.ExportPatch;
import dev.sourced.render.FactsPageReads;
import dev.sourced.render.RenderedPage;
import dev.sourced.render.SiteRenderer;
import dev.sourced.resolve.ReferenceResolver;
import dev.sourced.resolve.ResolvedPage;
import dev.sourced.resolve.ResolvedSite;
import dev.sourced.write.SiteWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A one-run build after an edit of some articles' prose, or of their facts' contents, made from
 * what the build before left rather than from the whole site: it reads and parses the edited
 * articles and, from the build cache, the articles their pages show something of ({@link
 * ArticleReads}, recorded by the last whole build); resolves that small site; renders the edited
 * pages and patches the search indexes holding their words ({@link SiteRenderer#renderEdits}); and
 * puts those files in place as a patch of the output folder ({@link SiteWriter#beginPatch}). Every
 * other output, and everything the build before said of the rest of the site, stays as it was.
 *
 * <p>When facts' contents changed too (their values, labels, dates, notes: {@link
 * ProseEdit#changedFacts}), the small site also holds what shows them: the other articles whose
 * pages read an edited one, the pages of the index of facts listing them ({@link FactsPageReads})
 * and the pages of the sources they cite; those pages, the open-data exports and the facts' search
 * documents are made again where they changed. The small site is resolved with the old parses and
 * with the new ones, and must say the same of itself both times.
 *
 * <p>It is taken only when the build cache vouches for all of it: the build before was asked the
 * same and its site is there as it wrote it, file by file; every input that changed since is an
 * article of that build whose new parse declares, uses, links and heads the same things with the
 * same front matter ({@link ProseEdit#sameShape}), or the same but for its facts' contents, and has
 * no error; and what the build before said of each edited file is what parsing it said (nothing
 * came from the rest of the site). Within the small site, each edited page rendered from its old
 * parse must give the very bytes the build before wrote, with the fingerprint it recorded, and
 * every other page made again must have its recorded fingerprint (or bytes). Anything else, and the
 * build takes the whole way, which gives the same site (tested on random edits).
 */
final class ProseBuild {
  private ProseBuild() {}

  /**
   * Whether the inputs changed since the last build could be an edit of prose or facts: all
   * articles.
   */
  static boolean candidates(List<String> changed) {
    if (changed.isEmpty()) return false;
    for (String p : changed) if (!SiteInputs.isArticle(p)) return false;
    return true;
  }

  /**
   * Builds after an edit of prose alone, or returns null (having written nothing) when the build
   * must take the whole way; {@code inputs} is then reloaded by it.
   */
  static BuildResult run(
      BuildOptions options,
      SiteInputs inputs,
      BuildCache cache,
      LastBuild.Compared compared,
      LastBuild.Look looked,
      String request,
      StageTimer timer,
      java.util.function.UnaryOperator<List<String>> notes,
      long start)
      throws IOException {
    LastBuild.Recorded recorded = compared.recorded();
    List<String> changed = compared.changedInputs();
    if (recorded == null || changed == null || !candidates(changed)) return null;
    cache.preload();
    Set<String> edited = new HashSet<>(changed);
    Set<String> wanted = new HashSet<>(edited);
    String[] settings = {null};
    OutputRecords.Previous[] previous = {null};
    EarlyRenderer[] early = {null};
    inputs.reloadAll(
        null,
        null,
        Progress.NONE,
        cache,
        () -> {
          try {
            settings[0] =
                KeptOutputs.settingsKey(
                    inputs.configText(), inputs.templatesDir(), inputs.messageFiles());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          timer.lap("load the site's settings");
          previous[0] = cache.outputs(options.output(), settings[0]);
          timer.lap("read the outputs' records");
          for (String p : edited) {
            ArticleReads a = previous[0].articles().get(p);
            if (a == null) return;
            wanted.addAll(a.reads());
          }
          early[0] = EarlyRenderer.start(inputs, false, options.imageCache());
        },
        () -> early[0] == null ? Set.of() : wanted);
    if (early[0] == null) return null;
    // The rest of the last build's record was decoded meanwhile.
    if (!recorded.readable()) return null;
    timer.lap("load " + wanted.size() + " articles");
    SiteConfig config = inputs.config();
    Map<ParsedPage, String> beforeKeys = new IdentityHashMap<>();
    Map<String, KeptOutputs.Edited> editedBefore = new HashMap<>();
    Map<String, ParsedPage> nowByPath = new HashMap<>();
    List<ArticleFile> editedFiles = new ArrayList<>();
    List<Diagnostic> said = new ArrayList<>();
    // The facts whose contents changed, by ID, with the sources they cite.
    Set<String> facts = new LinkedHashSet<>();
    Set<String> factSources = new LinkedHashSet<>();
    for (Diagnostic d : recorded.said().diagnostics()) {
      if (!edited.contains(d.position().path())) said.add(d);
    }
    for (String path : edited) {
      var now = inputs.article(path);
      if (now == null || now.parsed() == null) return null;
      for (Diagnostic d : now.diagnostics()) if (d.isError()) return null;
      ParseEntries.Hit was = cache.previousHit(now.file(), config.rawHtml(), config.languages());
      if (was == null
          || was.page() == null
          || was.page().frontMatter().draft()
          || !sameDiagnostics(recorded.said().diagnostics(), path, was.diagnostics())) {
        return null;
      }
      if (!ProseEdit.sameShape(was.page(), now.parsed())) {
        Set<String> changedFacts = ProseEdit.changedFacts(was.page(), now.parsed());
        if (changedFacts == null) return null;
        facts.addAll(changedFacts);
        for (var f : was.page().frontMatter().facts()) {
          if (changedFacts.contains(f.id())) factSources.addAll(f.sourceIds());
        }
      }
      String key = cache.previousKey(now.file(), config.rawHtml(), config.languages());
      if (key == null) return null;
      beforeKeys.put(was.page(), key);
      // The old body's words are found again in it (it is read anyway, to render the old page):
      // the build cache's file of words, the whole site's, is neither read nor written.
      editedBefore.put(path, new KeptOutputs.Edited(was.page(), null));
      nowByPath.put(path, now.parsed());
      editedFiles.add(now.file());
      said.addAll(now.diagnostics());
    }
    List<Diagnostic> diagnostics = Diagnostics.of(said).sorted(options.strict());
    if (options.strict() && !diagnostics.isEmpty()) return null;
    Map<String, ArticleReads> reads = previous[0].articles();
    Set<String> showing = new TreeSet<>();
    Map<String, FactsPageReads> factsPages = new HashMap<>();
    if (!facts.isEmpty()) {
      if (!loadForFacts(
          inputs, cache, previous[0], edited, facts, factSources, showing, factsPages, timer)) {
        return null;
      }
    }

    List<ParsedPage> pages = new ArrayList<>();
    List<ParsedPage> pagesNow = new ArrayList<>();
    for (ParsedPage p : inputs.pages()) {
      KeptOutputs.Edited e = editedBefore.get(p.path());
      pages.add(e == null ? p : e.before());
      pagesNow.add(p);
    }
    Diagnostics resolvedBefore = new Diagnostics();
    ResolvedSite before =
        ReferenceResolver.resolvePart(
            config, inputs.data(), pages, resolvedBefore, options.today());
    ResolvedSite now = before;
    if (!facts.isEmpty()) {
      // The edit changes what the site declares: the small site is resolved again with it, and
      // must say of itself what it said before (what it says of the articles it lacks is the same
      // either way; anything the edit changed shows as a difference).
      Diagnostics resolvedNow = new Diagnostics();
      now =
          ReferenceResolver.resolvePart(
              config, inputs.data(), pagesNow, resolvedNow, options.today());
      if (!sameDiagnostics(resolvedBefore.list(), resolvedNow.list())) {
        timer.note("the whole way: the edit changes what resolving the site says");
        return null;
      }
    }
    Map<String, ResolvedPage> nowPages = new HashMap<>();
    for (ResolvedPage r : now.pages()) nowPages.put(r.path(), r);
    List<SiteRenderer.ProseEdit> edits = new ArrayList<>();
    List<SiteRenderer.ProseEdit> shown = new ArrayList<>();
    for (ResolvedPage r : before.pages()) {
      KeptOutputs.Edited e = editedBefore.get(r.path());
      if (e != null && r.parsed() == e.before()) {
        ResolvedPage after =
            facts.isEmpty() ? r.withParsed(nowByPath.get(r.path())) : nowPages.get(r.path());
        if (after == null || after.parsed() != nowByPath.get(r.path())) return null;
        if (facts.isEmpty()) now = now.withPage(r, after);
        edits.add(new SiteRenderer.ProseEdit(r, after, reads.get(r.path())));
      } else if (showing.contains(r.path())) {
        ResolvedPage after = nowPages.get(r.path());
        if (after == null || after.parsed() != r.parsed()) return null;
        shown.add(new SiteRenderer.ProseEdit(r, after, reads.get(r.path())));
      }
    }
    if (edits.size() != edited.size() || shown.size() != showing.size()) return null;
    timer.lap("resolve " + before.pages().size() + " articles");
    SiteRenderer.FactEdits factEdits =
        facts.isEmpty() ? null : new SiteRenderer.FactEdits(facts, shown, factsPages, factSources);

    SiteRenderer renderer = early[0].join(new Diagnostics());
    if (renderer == null) return null;
    SiteWriter.Transaction tx = SiteWriter.beginPatch(options.output());
    boolean committed = false;
    try {
      KeptOutputs kept =
          new KeptOutputs(
              cache,
              options.output(),
              settings[0],
              tx,
              p -> {
                String k = beforeKeys.get(p);
                return k != null ? k : inputs.inputKey(p);
              },
              new AtomicInteger(),
              editedBefore);
      Diagnostics renderDiagnostics = new Diagnostics();
      StringBuilder why = new StringBuilder();
      SiteRenderer.ProseRender made =
          renderer.renderEdits(before, now, edits, factEdits, kept, renderDiagnostics, why);
      if (factEdits != null) kept.familyChanged("declarations");
      if (made == null || !renderDiagnostics.isEmpty()) {
        timer.note("the whole way: " + (made == null ? why : renderDiagnostics.list()));
        timer.report();
        return null;
      }
      timer.lap("render");
      // The site was being looked at meanwhile: it changes in place only if it is the one recorded.
      if (!recorded.whole()) {
        timer.note("the whole way: the site is not as the last build left it");
        timer.report();
        return null;
      }
      timer.lap("wait for the look at the site");
      for (RenderedPage f : made.files()) tx.write(f);
      for (ExportPatch.Patched e : made.exports()) {
        // The old export is read again as it is copied: it must be the one looked through.
        boolean same = kept.stillUntouched(e.path());
        if (same) {
          try (OutputStream o = tx.openChanged(e.path())) {
            ExportPatch.write(e.old(), e.plan(), o);
          }
          same = kept.stillUntouched(e.path());
        }
        if (!same) {
          timer.note("the whole way: " + e.path() + " changed while it was patched");
          timer.report();
          return null;
        }
      }
      cache.forgetBuild(recorded);
      tx.commitPatch(made.gone());
      committed = true;
      timer.lap("commit");
      int count = recorded.said().files();
      for (String g : made.gone()) if (recorded.files().containsKey(g)) count--;
      for (String f : tx.stamps().keySet()) if (!recorded.files().containsKey(f)) count++;
      LastBuild.Said was = recorded.said();
      LastBuild.Said says =
          new LastBuild.Said(
              diagnostics, was.notes(), was.pages(), was.dated(), count, was.facts(), was.claims());
      // The records of the outputs and of the build are written on a thread of their own while
      // the parses' index is: each is a file of its own.
      var records =
          Workers.background(
              "sourced-records",
              () -> {
                kept.savePatch(made.gone());
                cache.recordPatch(
                    request, looked, says, edited, recorded, tx.stamps(), made.gone());
                return null;
              });
      cache.keepUnread(editedFiles, config.rawHtml(), config.languages());
      cache.saveParses();
      Workers.join(records);
      timer.lap("record the build");
      timer.note(
          (facts.isEmpty() ? "an edit of prose alone: " : "an edit of facts: ")
              + made.paths().size()
              + " files made, "
              + made.gone().size()
              + " gone, within "
              + before.pages().size()
              + " articles");
      timer.report();
      List<String> rendered = new ArrayList<>(made.paths());
      rendered.sort(null);
      return new BuildResult(
          diagnostics,
          true,
          was.pages(),
          count,
          was.facts(),
          was.claims(),
          (System.nanoTime() - start) / 1_000_000,
          new LastBuildTexts(options.source()),
          null,
          notes.apply(was.notes()),
          rendered,
          was.pages() - was.dated());
    } finally {
      if (!committed) tx.abort();
    }
  }

  /** Whether two lists hold the same diagnostics, as many times each, in any order. */
  private static boolean sameDiagnostics(List<Diagnostic> a, List<Diagnostic> b) {
    Map<Diagnostic, Integer> count = new HashMap<>();
    for (Diagnostic d : a) count.merge(d, 1, Integer::sum);
    for (Diagnostic d : b) {
      Integer n = count.get(d);
      if (n == null) return false;
      if (n == 1) count.remove(d);
      else count.put(d, n - 1);
    }
    return count.isEmpty();
  }

  /**
   * Loads, besides the edited articles and those their pages read, what an edit of facts' contents
   * touches: the other articles whose pages read an edited one ({@code showing}, and what each of
   * them reads), the pages of the indexes of facts showing a changed fact ({@code factsPages}, and
   * what their rows read), and, for each source a changed fact cites, the articles whose pages read
   * its home (its page lists every fact citing it and every article using it). False when the
   * records cannot say (a changed fact on no page of the index, a source whose home is not among
   * the articles read).
   */
  private static boolean loadForFacts(
      SiteInputs inputs,
      BuildCache cache,
      OutputRecords.Previous previous,
      Set<String> edited,
      Set<String> facts,
      Set<String> factSources,
      Set<String> showing,
      Map<String, FactsPageReads> factsPages,
      StageTimer timer)
      throws IOException {
    Map<String, ArticleReads> reads = previous.articles();
    // Which pages read each article.
    Map<String, List<String>> readers = new HashMap<>();
    for (var e : reads.entrySet()) {
      for (String r : e.getValue().reads()) {
        readers.computeIfAbsent(r, k -> new ArrayList<>()).add(e.getKey());
      }
    }
    for (String p : edited) showing.addAll(readers.getOrDefault(p, List.of()));
    showing.removeAll(edited);
    Set<String> more = new LinkedHashSet<>(showing);
    for (String p : showing) {
      ArticleReads r = reads.get(p);
      if (r == null) return false;
      more.addAll(r.reads());
    }
    int forShowing = more.size();
    // Each changed fact is a row of each language's index (and a document of its search index).
    Set<String> placed = new HashSet<>();
    for (var e : previous.factsPages().entrySet()) {
      FactsPageReads r = e.getValue();
      for (int i = 0; i < r.factRows(); i++) {
        if (facts.contains(r.rows().get(i))) {
          factsPages.put(e.getKey(), r);
          more.addAll(r.reads());
          placed.add(r.prefix() + "\0" + r.rows().get(i));
        }
      }
    }
    for (String lang : inputs.config().languages()) {
      for (String id : facts) {
        if (!placed.contains(inputs.config().prefix(lang) + "\0" + id)) return false;
      }
    }
    // The sources' homes, among the articles loaded so far (an edited page reads the home of every
    // source it cites).
    Set<String> homes = new LinkedHashSet<>();
    Set<String> found = new HashSet<>();
    for (ParsedPage p : inputs.pages()) {
      for (var s : p.frontMatter().sources()) {
        if (factSources.contains(s.id())) {
          homes.add(p.path());
          found.add(s.id());
        }
      }
    }
    for (var d : inputs.data()) {
      for (var s : d.sources()) found.add(s.id());
    }
    if (!found.containsAll(factSources)) return false;
    int forIndex = more.size();
    for (String h : homes) more.addAll(readers.getOrDefault(h, List.of()));
    inputs.loadMore(more, cache);
    timer.lap(
        "load "
            + more.size()
            + " more articles for the facts edited ("
            + showing.size()
            + " pages showing an edited article and what they read: "
            + forShowing
            + "; with the facts index pages' rows: "
            + forIndex
            + ")");
    return true;
  }

  /** Whether what the build before said of {@code path} is exactly what parsing it said. */
  private static boolean sameDiagnostics(
      List<Diagnostic> said, String path, List<Diagnostic> parsed) {
    List<Diagnostic> of = new ArrayList<>();
    for (Diagnostic d : said) if (d.position().path().equals(path)) of.add(d);
    return sameDiagnostics(of, parsed);
  }
}
