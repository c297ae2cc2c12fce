package dev.sourced.pipeline;

import dev.sourced.cache.BuildCache;
import dev.sourced.cache.CacheDamagedException;
import dev.sourced.cache.LastBuild;
import dev.sourced.concurrent.Workers;
import dev.sourced.diag.Code;
import dev.sourced.diag.Diagnostic;
import dev.sourced.diag.Diagnostics;
import dev.sourced.diag.SourcePosition;
import dev.sourced.load.ArticleFile;
import dev.sourced.parse.BodySpill;
import dev.sourced.parse.ParsedPage;
import dev.sourced.render.PageSink;
import dev.sourced.render.RenderedPage;
import dev.sourced.render.RenderedSite;
import dev.sourced.render.SiteRenderer;
import dev.sourced.resolve.ReferenceResolver;
import dev.sourced.resolve.ResolvedSite;
import dev.sourced.write.FileStamp;
import dev.sourced.write.OutputGuard;
import dev.sourced.write.OutputSync;
import dev.sourced.write.SiteWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one pipeline that {@code build}, {@code check}, {@code facts} and {@code serve} drive: load,
 * parse, resolve, render, write. Each stage reports its problems and the run goes on as far as it
 * can, so one run lists every error; nothing is written unless the whole site rendered without an
 * error (or, under --strict, a warning).
 *
 * <p>A pipeline made with {@link #keepingState} is the same pipeline keeping what its stages gave
 * between runs, for the preview server:
 *
 * <ul>
 *   <li>load and parse ({@link SiteInputs}): a saved article is read again alone; anything else (a
 *       new or deleted file, a data file, sourced.yaml, a template) reloads the site, parsing again
 *       only files whose text changed;
 *   <li>resolve: always whole (it walks no bodies, only the uses parse collected);
 *   <li>render: a kept {@link SiteRenderer} renders again only outputs whose inputs changed, and is
 *       made again when templates or settings change; an edit of one article's prose renders just
 *       that article ({@link ProseEdit});
 *   <li>write: {@link OutputSync} writes only changed files.
 * </ul>
 *
 * A one-run build streams its pages to disk as they are rendered, inside a {@link
 * SiteWriter.Transaction} that replaces the output folder whole or not at all. With a cache folder
 * it keeps what the next process can reuse in the {@link BuildCache}: each article's parse, keyed
 * by its bytes and settings (an unchanged article is neither parsed nor, usually, read), and each
 * output's fingerprint ({@link KeptOutputs}), so that an output whose inputs did not change is kept
 * as it is instead of rendered; a cache found damaged mid-build makes the build start again without
 * it. Either way the result is the same (tested), whatever the order of edits.
 */
public final class Pipeline {
  private final BuildOptions options;
  private final boolean keepState;
  private final SiteInputs inputs;
  private final OutputSync sync;
  private SiteRenderer renderer;
  private final ProseEdit prose = new ProseEdit();

  /** Whether this run may use the persistent build cache (a one-run build with a cache folder). */
  private final boolean buildCache;

  /** What this run says about the build cache ({@code note:} lines). */
  private final Diagnostics cacheNotes = new Diagnostics();

  /** What the last run rendered anew, when it kept outputs of the build before (else null). */
  private List<String> renderedAnew;

  /**
   * This build's look at its inputs before it read them, for the {@link LastBuild} record (null:
   * not recorded), and the files of the site it put in place (null until then).
   */
  private LastBuild.Look looked;

  private java.util.concurrent.Future<LastBuild.Look> siteLook;

  /**
   * The inputs changed since the last build recorded, when its site is made of the same files (else
   * null): what the render stage may take as all that changed.
   */
  private List<String> changedInputs;

  private Pipeline(BuildOptions options, boolean keepState) {
    this(options, keepState, !keepState && options.cache() != null);
  }

  private Pipeline(BuildOptions options, boolean keepState, boolean buildCache) {
    this.options = options;
    this.keepState = keepState;
    this.buildCache = buildCache;
    this.inputs = new SiteInputs(options.source(), keepState);
    this.sync = keepState ? new OutputSync(options.output()) : null;
  }

  /** Builds once, keeping nothing. */
  public static BuildResult build(BuildOptions options) throws IOException {
    return build(options, Progress.NONE);
  }

  /** Builds once, telling {@code progress} how far each stage has come. */
  public static BuildResult build(BuildOptions options, Progress progress) throws IOException {
    return new Pipeline(options, false).run(null, progress);
  }

  /**
   * A pipeline that keeps what each stage gave between runs of {@link #rebuild}, writing into
   * {@code options.output()} (required) file by file.
   */
  public static Pipeline keepingState(BuildOptions options) {
    if (options.output() == null || !options.render()) {
      throw new IllegalArgumentException("a pipeline that keeps state writes an output folder");
    }
    return new Pipeline(options, true);
  }

  public Path output() {
    return options.output();
  }

  /**
   * Builds again after the given files changed.
   *
   * @param changed site-relative paths that changed, or null to reload everything
   */
  public BuildResult rebuild(Collection<String> changed) throws IOException {
    return run(changed, Progress.NONE);
  }

  private BuildResult run(Collection<String> changed, Progress progress) throws IOException {
    long start = System.nanoTime();
    Diagnostics diagnostics = new Diagnostics();
    if (!Files.isDirectory(options.source())) {
      diagnostics.error(
          SourcePosition.file(options.source().toString()),
          Code.MISSING_CONFIG,
          "the site folder " + options.source() + " does not exist",
          "pass --source with a folder that holds sourced.yaml, or run `sourced new DIR`");
      return result(diagnostics, false, 0, null, start);
    }
    // The guard and the recovery are for folders a one-run build replaces whole; a pipeline that
    // keeps state writes into a folder of its own, file by file.
    if (options.output() != null && !keepState) {
      String problem = OutputGuard.problem(options.source(), options.output());
      if (problem != null) {
        diagnostics.error(
            SourcePosition.file(options.output().toString()),
            Code.BAD_OUTPUT,
            problem,
            "choose another --output folder (the default is site/)");
        return result(diagnostics, false, 0, null, start);
      }
      // Finish what an interrupted build left, even if this build fails: the output is whole.
      recover(options.output(), true);
    } else {
      // check and serve write no site, but finish what a killed build left in the default one.
      Path site = options.source().resolve("site");
      if (OutputGuard.problem(options.source(), site) == null) recover(site, false);
    }
    // A one-run build's bodies wait for rendering in a temporary file (in memory if none can be
    // made), which lives as long as the run. A run that does not render, or that keeps state,
    // keeps them in memory, so that the resolved site it returns can still be rendered.
    // With the build cache, bodies wait in the cache's own file instead, for the next build too.
    BuildCache[] cache = {buildCache ? BuildCache.open(options.cache(), cacheNotes) : null};
    // What the last build left, when only articles changed since and its site is as it wrote it.
    LastBuild.Compared proseEdit = null;
    StageTimer timer = new StageTimer();
    if (cache[0] != null && options.render() && options.output() != null && changed == null) {
      // Nothing changed since the last build: its site is there as it left it, and this build
      // would make the same files and say the same.
      cache[0].readRecordAhead();
      looked = LastBuild.inputs(options.source(), options.output(), options.cache());
      timer.lap("look at inputs");
      LastBuild.Compared compared =
          cache[0].compare(request(), looked, options.output(), ProseBuild::candidates);
      changedInputs = compared.changedInputs();
      LastBuild.Said said = compared.said();
      timer.lap("compare with the last build");
      if (said != null) {
        if (compared.refreshedOutputs() != null) {
          cache[0].recordBuild(request(), looked, compared.refreshedOutputs(), said);
          timer.lap("record the build again");
        }
        timer.report();
        cache[0].release();
        cacheNotes.note(
            "nothing changed since the last build into "
                + options.output()
                + ": its files are kept as they are (nothing was parsed or rendered)");
        renderedAnew = List.of();
        return new BuildResult(
            said.diagnostics(),
            true,
            said.pages(),
            said.files(),
            said.facts(),
            said.claims(),
            (System.nanoTime() - start) / 1_000_000,
            new LastBuildTexts(options.source()),
            null,
            notes(said.notes()),
            renderedAnew,
            said.pages() - said.dated());
      }
      if (compared.recorded() != null) proseEdit = compared;
    }
    BodySpill spill = !keepState && options.render() && cache[0] == null ? BodySpill.open() : null;
    try {
      if (proseEdit != null) {
        BuildResult quick =
            ProseBuild.run(
                options, inputs, cache[0], proseEdit, looked, request(), timer, this::notes, start);
        if (quick != null) {
          renderedAnew = quick.rendered();
          return quick;
        }
        proseEdit.recorded().dismiss();
      }
      BuildResult r = run(changed, progress, spill, cache[0], start);
      if (cache[0] != null && r.written() && looked != null && siteLook != null) {
        StageTimer recording = new StageTimer();
        LastBuild.Look outputs = Workers.join(siteLook);
        recording.lap("look at the site written");
        if (outputs != null) {
          List<String> siteNotes = new ArrayList<>(r.notes());
          siteNotes.removeAll(cacheNotes.notes());
          cache[0].recordBuild(
              request(),
              looked,
              outputs,
              new LastBuild.Said(
                  r.diagnostics(),
                  siteNotes,
                  r.articles(),
                  r.site().articles().size(),
                  r.files(),
                  r.facts(),
                  r.claims()));
          recording.lap("record the build");
          recording.reportLaps();
        }
      }
      // Only a build that wrote its site keeps what it made; any other run changes no byte.
      if (cache[0] != null && !(r.written() && options.output() != null)) {
        cache[0].discard();
        cache[0] = null;
      }
      return r;
    } catch (CacheDamagedException e) {
      // Found damaged while in use: nothing of this run is written, and it runs again without.
      cache[0].abandon();
      cache[0] = null;
      Pipeline again = new Pipeline(options, false, false);
      again.cacheNotes.note(
          "the build cache in "
              + options.cache()
              + " was damaged ("
              + e.getMessage()
              + "); it was deleted and this build made everything again without it");
      return again.run(changed, progress);
    } finally {
      if (spill != null) spill.close();
      if (cache[0] != null) {
        StageTimer closing = new StageTimer();
        cache[0].close();
        closing.lap("save the build cache");
        closing.reportLaps();
      }
    }
  }

  private BuildResult run(
      Collection<String> changed, Progress progress, BodySpill spill, BuildCache cache, long start)
      throws IOException {
    StageTimer timer = new StageTimer();
    renderedAnew = null;
    EarlyRenderer[] early = {null};
    ArticleFile edited = null;
    ParsedPage before = null;
    if (inputs.onlyKnownArticlesChanged(changed)) {
      if (changed.size() == 1) {
        String path = changed.iterator().next();
        before = inputs.article(path).parsed();
        edited = inputs.article(path).file();
      }
      for (String p : changed) inputs.reloadArticle(p);
    } else {
      // A one-run build makes its renderer (templates, words, number formats, theme files) on a
      // thread of its own while the articles are parsed and resolved: it needs only the settings.
      Runnable onLoad =
          keepState || !options.render()
              ? () -> {}
              : () -> early[0] = EarlyRenderer.start(inputs, keepState, options.imageCache());
      if (inputs.reloadAll(changed, spill, progress, cache, onLoad)) renderer = null;
    }
    timer.lap("load+parse");
    if (edited != null && renderer != null) {
      var after = inputs.article(edited.path());
      ResolvedSite site =
          prose.render(
              before, after.parsed(), after.diagnostics(), options.strict(), renderer, sync);
      if (site != null) {
        timer.lap("one page");
        timer.report();
        Diagnostics all = inputs.diagnostics();
        all.addAll(Diagnostics.of(prose.resolveDiagnostics()));
        return result(all, true, prose.files(), site, start);
      }
    }

    Diagnostics diagnostics = inputs.diagnostics();
    Diagnostics resolveDiagnostics = new Diagnostics();
    ResolvedSite site =
        ReferenceResolver.resolve(
            inputs.config(),
            inputs.data(),
            inputs.pages(),
            inputs.staticFiles(),
            resolveDiagnostics,
            options.today(),
            inputs.partial());
    diagnostics.addAll(resolveDiagnostics);
    timer.lap("resolve");
    int files = 0;
    boolean written = false;
    if (options.render()) {
      // Templates and message files are checked whatever the content holds: an error in an
      // article never hides a broken template until the article is fixed. Only templates the
      // loader already refused (a link out of the site) are not compiled to say so again.
      if (renderer == null && !refusedTemplates(diagnostics)) {
        renderer =
            early[0] != null
                ? early[0].join(diagnostics)
                : SiteRenderer.create(
                    site.config(),
                    inputs.templatesDir(),
                    inputs.messageFiles(),
                    keepState,
                    options.imageCache(),
                    diagnostics);
      }
      if (renderer != null && !stop(diagnostics)) {
        progress.update("rendering", 0, site.pages().size());
        files =
            keepState ? sync(site, diagnostics) : stream(site, diagnostics, progress, cache, timer);
        written = files >= 0 && options.output() != null;
      }
    }
    timer.lap("render+write");
    timer.report();
    if (keepState) prose.remember(written ? site : null, resolveDiagnostics.sorted(), files);
    return result(diagnostics, written, Math.max(files, 0), site, start);
  }

  /**
   * Finishes or cleans up what an interrupted build left beside {@code output}, with a note; while
   * another build is writing there, leaves its folders alone.
   */
  private void recover(Path output, boolean writes) throws IOException {
    int finished = SiteWriter.recover(output);
    // A build waits for the other one before it writes (see SiteWriter.begin), and says so then.
    if (finished < 0 && !writes) {
      cacheNotes.note(
          "another build is writing into "
              + output
              + "; its unfinished files were left to it (this command writes nothing there)");
    }
    if (finished > 0) {
      cacheNotes.note(
          "the last build into "
              + output
              + " was stopped while renaming its changed files into place; they were put in"
              + " place first, from its journal, and the folder is whole again");
    }
  }

  static boolean refusedTemplates(Diagnostics diagnostics) {
    for (Diagnostic d : diagnostics.list()) {
      if (d.isError() && d.position().path().startsWith("templates/")) return true;
    }
    return false;
  }

  /**
   * Renders into memory and brings the output folder in step with it; returns the number of files
   * the site has, or -1 when nothing was written.
   */
  private int sync(ResolvedSite site, Diagnostics diagnostics) throws IOException {
    RenderedSite rendered = renderer.render(site, diagnostics);
    if (rendered == null || stop(diagnostics)) return -1;
    sync.sync(rendered);
    return rendered.pages().size() + rendered.copies().size();
  }

  /**
   * Renders with each page streamed to disk as it is made (memory holds the site's index, not its
   * pages), inside a transaction committed only when nothing stops the build; without an output
   * folder, renders for the checks alone. Returns the number of files, or -1 when nothing was
   * written (or, for a check, when rendering failed).
   */
  private int stream(
      ResolvedSite site,
      Diagnostics diagnostics,
      Progress progress,
      BuildCache cache,
      StageTimer timer)
      throws IOException {
    SiteWriter.Transaction tx =
        options.output() == null ? null : SiteWriter.begin(options.output());
    AtomicInteger count = new AtomicInteger();
    boolean committed = false;
    KeptOutputs kept =
        cache == null || tx == null
            ? null
            : new KeptOutputs(
                cache,
                options.output(),
                KeptOutputs.settingsKey(
                    inputs.configText(), inputs.templatesDir(), inputs.messageFiles()),
                tx,
                inputs::inputKey,
                count,
                proseEdited(cache));
    // What this build renders anew, when it keeps what the one before made (for the result).
    Set<String> made = kept == null ? null : ConcurrentHashMap.newKeySet();
    try {
      RenderedSite rendered =
          renderer.render(
              site,
              diagnostics,
              new PageSink() {
                @Override
                public OutputStream open(String path) throws IOException {
                  count.incrementAndGet();
                  if (made != null) made.add(path);
                  return tx == null ? OutputStream.nullOutputStream() : tx.open(path);
                }

                @Override
                public void write(RenderedPage page) {
                  count.incrementAndGet();
                  if (made != null) made.add(page.path());
                  if (tx != null) tx.write(page);
                }
              },
              kept);
      timer.lap("render");
      if (rendered == null) return -1;
      if (tx == null) return count.get() + rendered.copies().size();
      if (stop(diagnostics)) return -1;
      progress.update("writing", count.get(), count.get());
      // The record of the last build describes the site about to be replaced.
      if (cache != null) cache.forgetBuild();
      tx.commit(rendered.copies());
      committed = true;
      if (cache != null && looked != null) {
        // Looked at for the record while the cache's other files are saved.
        Map<String, FileStamp> files = new HashMap<>(tx.stamps());
        FileStamp marker = FileStamp.of(options.output().resolve(SiteWriter.MARKER));
        if (marker != null) {
          files.put(SiteWriter.MARKER, marker);
          siteLook =
              Workers.background("sourced-look", () -> LastBuild.outputs(options.output(), files));
        }
      }
      if (tx.waited()) {
        cacheNotes.note(
            "another build was writing into "
                + options.output()
                + "; this one waited for it to finish before writing");
      }
      timer.lap("commit");
      if (kept != null) {
        List<String> anew = new ArrayList<>(made);
        anew.sort(null);
        renderedAnew = anew;
        kept.save();
        timer.lap("save outputs");
        timer.note(
            "kept "
                + kept.kept()
                + " of "
                + count.get()
                + " outputs ("
                + kept.keptAsBefore()
                + " without a fingerprint); commit "
                + tx.committed().name().toLowerCase(Locale.ROOT));
      }
      return count.get() + rendered.copies().size();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } finally {
      if (tx != null && !committed) tx.abort();
    }
  }

  /**
   * The articles whose prose alone changed since the last build recorded, when nothing else did:
   * every changed input is a known article, parsed now and by that build, that declares, uses and
   * links the same things with the same front matter ({@link ProseEdit#sameShape}); each with the
   * parse that build had of it, by path; else null.
   */
  private Map<String, KeptOutputs.Edited> proseEdited(BuildCache cache) {
    if (changedInputs == null) return null;
    Map<String, KeptOutputs.Edited> edited = new HashMap<>();
    for (String path : changedInputs) {
      var now = inputs.article(path);
      if (now == null || now.parsed() == null) return null;
      ParsedPage before =
          cache.previousPage(now.file(), inputs.config().rawHtml(), inputs.config().languages());
      if (before == null
          || before.frontMatter().draft()
          || !ProseEdit.sameShape(before, now.parsed())) {
        return null;
      }
      String[] words =
          cache.previousSearchWords(
              now.file(), inputs.config().rawHtml(), inputs.config().languages());
      edited.put(path, new KeptOutputs.Edited(before, words));
    }
    return edited;
  }

  /** What a build is asked, as the {@link LastBuild} record names it. */
  private String request() {
    return String.join(
        "\0",
        options.source().toAbsolutePath().normalize().toString(),
        options.output().toAbsolutePath().normalize().toString(),
        Boolean.toString(options.strict()),
        String.valueOf(options.today()));
  }

  /** The stop rule: an error, or under --strict any diagnostic, stops the build before writing. */
  private boolean stop(Diagnostics diagnostics) {
    return options.strict() ? !diagnostics.isEmpty() : diagnostics.hasErrors();
  }

  private BuildResult result(
      Diagnostics d, boolean written, int files, ResolvedSite site, long start) {
    return new BuildResult(
        d.sorted(options.strict()),
        written,
        site == null ? 0 : site.pages().size(),
        files,
        site == null ? 0 : site.facts().size(),
        site == null ? 0 : site.claims().size(),
        (System.nanoTime() - start) / 1_000_000,
        site == null ? path -> null : inputs.texts(),
        site,
        notes(d),
        renderedAnew,
        // A returned site says which of its articles have no date.
        0);
  }

  private List<String> notes(Diagnostics d) {
    return notes(d.notes());
  }

  private List<String> notes(List<String> site) {
    List<String> out = new ArrayList<>(cacheNotes.notes());
    for (String n : site) if (!out.contains(n)) out.add(n);
    return out;
  }
}
