package dev.sourced.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.diag.Diagnostics;
import dev.sourced.pipeline.BuildOptions;
import dev.sourced.pipeline.BuildResult;
import dev.sourced.pipeline.Pipeline;
import dev.sourced.render.SiteRenderer;
import dev.sourced.testing.TestSite;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the build cache does with files it cannot trust, with a second build at the same time, and
 * with the output files it keeps: a cache file cut short, damaged, foreign or from another tool
 * build is noted and the build goes on without it (and gives what a clean build gives); unchanged
 * outputs keep their file (inode and time), changed ones are new, removed articles disappear.
 */
class BuildCacheTest {
  @TempDir Path dir;
  TestSite site;
  Path out;
  Path cache;

  @BeforeEach
  void site() {
    site = TestSite.of(dir.resolve("site"), CachedBuildTest.SITE);
    out = dir.resolve("out");
    cache = dir.resolve("cache");
  }

  private BuildResult build() throws IOException {
    BuildResult r =
        Pipeline.build(new BuildOptions(site.root(), out, false, TestSite.TODAY, true, cache));
    assertThat(r.failed()).as("%s", r.diagnostics()).isFalse();
    return r;
  }

  private void assertSameAsClean() throws IOException {
    Path clean = dir.resolve("clean-" + System.nanoTime());
    Pipeline.build(new BuildOptions(site.root(), clean, false, TestSite.TODAY, true, null));
    assertThat(CachedBuildTest.tree(out)).isEqualTo(CachedBuildTest.tree(clean));
  }

  /** An edit of one article's prose: the next build takes the whole way, reading the cache. */
  private void editProse() throws IOException {
    Path c = site.root().resolve("content/notes/c.md");
    Files.writeString(c, Files.readString(c) + "\nOne more sentence, " + System.nanoTime() + ".\n");
  }

  private static final String NOTHING_CHANGED = "nothing changed since the last build into ";

  private Path file(String name) {
    return cache.resolve(BuildCache.DIR).resolve(name);
  }

  @Test
  void aSecondBuildReusesEverythingAndSaysNothing() throws IOException {
    assertThat(build().notes()).noneMatch(n -> n.contains("cache"));
    assertThat(Files.exists(file(ParseEntries.INDEX))).isTrue();
    assertThat(Files.exists(file(OutputRecords.FILE))).isTrue();
    assertThat(build().notes()).noneMatch(n -> n.contains("cache"));
    assertSameAsClean();
  }

  @Test
  void unchangedOutputsKeepTheirFileAndRemovedArticlesDisappear() throws IOException {
    build();
    Path b = out.resolve("b/index.html");
    Path c = out.resolve("notes/c/index.html");
    Object cKey = Files.readAttributes(c, "unix:ino").get("ino");
    Path cSource = site.root().resolve("content/notes/c.md");
    Files.writeString(cSource, Files.readString(cSource) + "\nOne more sentence.\n");
    Files.delete(site.root().resolve("content/b.md"));
    build();
    assertThat(Files.exists(b)).isFalse();
    assertThat(Files.readAttributes(c, "unix:ino").get("ino")).isNotEqualTo(cKey);
    assertSameAsClean();

    // Nothing edited: the files are the very same files.
    Path a = out.resolve("a/index.html");
    Object aKey = Files.readAttributes(a, "unix:ino").get("ino");
    var aTime = Files.getLastModifiedTime(a);
    build();
    assertThat(Files.readAttributes(a, "unix:ino").get("ino")).isEqualTo(aKey);
    assertThat(Files.getLastModifiedTime(a)).isEqualTo(aTime);
  }

  @Test
  void aProseEditRendersItsArticleAndOnlyTheSearchPartsWhoseBytesChange() throws IOException {
    build();
    // a.md declares the fact "users", which b.md cites and the facts and sources pages list: none
    // of them shows a's prose, so none is rendered again; nor is any row part of the search.
    Path a = site.root().resolve("content/a.md");
    Files.writeString(a, Files.readString(a) + "\nOne more sentence, about a bilby.\n");
    BuildResult r = build();
    assertThat(r.rendered())
        .contains("a/index.html", "search.json")
        .anyMatch(p -> p.startsWith("search/t/"))
        .allMatch(
            p -> p.equals("a/index.html") || p.equals("search.json") || p.startsWith("search/t/"),
            "the edited article or its language's search words");
    assertSameAsClean();
    // Nothing edited: nothing is rendered.
    assertThat(build().rendered()).isEmpty();
  }

  @Test
  void aFactEditRendersThePagesShowingItAndNoOther() throws IOException {
    build();
    Path a = site.root().resolve("content/a.md");
    Files.writeString(a, Files.readString(a).replace("value: 70000", "value: 71000"));
    List<String> rendered = build().rendered();
    // Its home, the article citing it, the facts index in both languages.
    assertThat(rendered).contains("a/index.html", "b/index.html", "facts/index.html");
    // An article that does not show it is not rendered again.
    assertThat(rendered).doesNotContain("notes/c/index.html", "methodology/index.html");
    assertSameAsClean();
  }

  @Test
  void anEditOfAFactsValueTakesTheQuickWayAndMakesAgainWhatShowsIt() throws IOException {
    build();
    Path a = site.root().resolve("content/a.md");
    for (String value : List.of("71000", "72500")) {
      Files.writeString(a, Files.readString(a).replaceFirst("value: \\d+", "value: " + value));
      BuildResult r = build();
      assertThat(tookTheQuickWay(cache)).isTrue();
      // Its home and its translation, the article citing it, the facts index and the page of the
      // source it cites in both languages, the exports, the search indexes; nothing else.
      assertThat(r.rendered())
          .contains(
              "a/index.html",
              "nl/a/index.html",
              "b/index.html",
              "facts/index.html",
              "nl/facts/index.html",
              "sources/s1/index.html",
              "nl/sources/s1/index.html",
              "facts.json",
              "sources.json",
              "search.json",
              "nl/search.json")
          .doesNotContain(
              "notes/c/index.html", "sources/s0/index.html", "claims.json", "sitemap.xml");
      assertSameAsClean();
    }
    // The next whole build remakes what the quick way patched, and gives the same site.
    Files.writeString(
        site.root().resolve("sourced.yaml"),
        Files.readString(site.root().resolve("sourced.yaml")) + "\n# edited\n");
    build();
    assertThat(tookTheQuickWay(cache)).isFalse();
    assertSameAsClean();
  }

  @Test
  void aFactEditTheRecordsCannotPlaceTakesTheWholeWay() throws IOException {
    build();
    // The record of each facts page, with every search document one further on: the fact's old
    // row is not where the record says, and the index cannot be patched.
    Path dirPath = cache.resolve(BuildCache.DIR);
    OutputRecords records = OutputRecords.load(dirPath, new Diagnostics());
    java.util.Map<String, dev.sourced.render.FactsPageReads> pages = new java.util.HashMap<>();
    records
        .reads()
        .factsPages()
        .forEach(
            (path, r) ->
                pages.put(
                    path,
                    new dev.sourced.render.FactsPageReads(
                        r.prefix(),
                        r.page(),
                        r.pages(),
                        r.total(),
                        r.factRows(),
                        r.rows(),
                        r.documents().stream().map(d -> d < 0 ? d : d + 1).toList(),
                        r.reads())));
    assertThat(pages).containsKeys("facts/index.html", "nl/facts/index.html");
    saveAgain(records, records.reads().articles(), pages);
    Path a = site.root().resolve("content/a.md");
    Files.writeString(a, Files.readString(a).replace("value: 70000", "value: 70500"));
    build();
    assertThat(tookTheQuickWay(cache)).isFalse();
    assertSameAsClean();
  }

  @Test
  void aDamagedRecordOfTheFactsPagesIsNotedAndTheFactEditTakesTheWholeWay() throws IOException {
    build();
    byte[] bytes = Files.readAllBytes(file(OutputRecords.FACTS_PAGES));
    Files.write(file(OutputRecords.FACTS_PAGES), java.util.Arrays.copyOf(bytes, bytes.length - 5));
    Path a = site.root().resolve("content/a.md");
    Files.writeString(a, Files.readString(a).replace("value: 70000", "value: 70100"));
    assertThat(build().notes())
        .contains(
            "the build cache's facts-pages.bin is damaged or cut short: it is ignored (an edit of"
                + " facts takes the whole way)");
    assertThat(tookTheQuickWay(cache)).isFalse();
    assertSameAsClean();
    // The whole build wrote it again, and the next edit of a fact takes the quick way.
    Files.writeString(a, Files.readString(a).replace("value: 70100", "value: 70200"));
    assertThat(build().notes()).noneMatch(n -> n.contains("facts-pages.bin"));
    assertThat(tookTheQuickWay(cache)).isTrue();
    assertSameAsClean();
  }

  @Test
  void aFactShownOnASectionsPageTakesTheWholeWay() throws IOException {
    // A section's page lists other articles: the small site cannot make it again, and its
    // fingerprint there is not the one recorded.
    Path notes = site.root().resolve("content/notes/_index.md");
    Files.writeString(notes, Files.readString(notes) + "\nIt counts {{fact:users}} users.\n");
    build();
    Path a = site.root().resolve("content/a.md");
    Files.writeString(a, Files.readString(a).replace("value: 70000", "value: 70300"));
    BuildResult r = build();
    assertThat(tookTheQuickWay(cache)).isFalse();
    assertThat(r.rendered()).contains("notes/index.html");
    assertSameAsClean();
  }

  @Test
  void anEditOfTheSourcesAFactCitesTakesTheWholeWay() throws IOException {
    build();
    Path a = site.root().resolve("content/a.md");
    String text = Files.readString(a);
    // The fact "users" now cites the shared report too: the pages of both sources change.
    Files.writeString(
        a, text.replaceFirst("(as_of: 2021-03-09\n\\s+sources: )\\[s1\\]", "$1[s1, s0]"));
    assertThat(Files.readString(a)).contains("[s1, s0]");
    build();
    assertThat(tookTheQuickWay(cache)).isFalse();
    assertSameAsClean();
  }

  @Test
  void anEditOfProseOrAFactWhileTheSiteWasChangedByHandTakesTheWholeWay() throws IOException {
    Path a = site.root().resolve("content/a.md");
    String[] byHand = {"deleted", "edited", "stray"};
    for (int i = 0; i < byHand.length; i++) {
      build();
      // The site is looked at while the edited article renders: what was changed by hand in a
      // page the edit does not touch is found before anything is written.
      Path page = out.resolve("notes/c/index.html");
      switch (byHand[i]) {
        case "deleted" -> Files.delete(page);
        case "edited" -> Files.writeString(page, Files.readString(page) + "<!-- by hand -->");
        default -> Files.writeString(out.resolve("notes/c/stray.txt"), "not the build's");
      }
      if (i % 2 == 0) {
        Files.writeString(a, Files.readString(a) + "\nOne more sentence, step " + i + ".\n");
      } else {
        Files.writeString(a, Files.readString(a).replace("value: 70000", "value: 70400"));
      }
      build();
      assertThat(tookTheQuickWay(cache)).as(byHand[i]).isFalse();
      assertSameAsClean();
    }
  }

  @Test
  void anOutputFileChangedByHandIsWrittenAgain() throws IOException {
    build();
    Path a = out.resolve("a/index.html");
    Files.writeString(a, "changed by hand");
    build();
    assertSameAsClean();
  }

  @Test
  void aBuildWithNothingChangedSaysSoAndReadsNoCacheFileButTheRecord() throws IOException {
    BuildResult first = build();
    assertThat(first.notes()).noneMatch(n -> n.startsWith(NOTHING_CHANGED));
    Map<String, Object> inodes = inodes(out);
    // Every other file of the cache damaged: a build that read one would say so.
    try (var files = Files.list(cache.resolve(BuildCache.DIR))) {
      for (Path f : files.toList()) {
        if (f.getFileName().toString().equals(LastBuild.FILE)) continue;
        if (f.getFileName().toString().equals("lock")) continue;
        byte[] bytes = Files.readAllBytes(f);
        for (int i = 0; i < bytes.length; i += 7) bytes[i] ^= 0x20;
        Files.write(f, bytes);
      }
    }
    BuildResult again = build();
    assertThat(again.notes())
        .containsExactly(
            NOTHING_CHANGED
                + out
                + ": its files are kept as they are (nothing was parsed or rendered)");
    assertThat(again.rendered()).isEmpty();
    assertThat(again.diagnostics()).isEqualTo(first.diagnostics());
    assertThat(again.articles()).isEqualTo(first.articles());
    assertThat(again.files()).isEqualTo(first.files());
    assertThat(again.facts()).isEqualTo(first.facts());
    assertThat(again.claims()).isEqualTo(first.claims());
    assertThat(again.undated()).isEqualTo(1);
    assertThat(inodes(out)).isEqualTo(inodes);
    assertSameAsClean();
    // The next build that needs them finds the damage, and goes on without them.
    editProse();
    assertThat(build().notes()).anyMatch(n -> n.contains("pages.bin"));
    assertSameAsClean();
  }

  /** How many entries of the record are vouched for by the hash of their bytes (or names). */
  private long hashedEntries() throws Exception {
    try (var in =
        new java.io.DataInputStream(CacheFile.read(file(LastBuild.FILE), LastBuild.KIND))) {
      // The generation, what the build was asked, its inputs, then its site's files.
      RecordCodec.readString(in);
      RecordCodec.readString(in);
      long inputs = LastBuild.readSeen(in).stream().filter(e -> e.check() != null).count();
      return inputs + LastBuild.readSeen(in).stream().filter(e -> e.check() != null).count();
    }
  }

  @Test
  void aSiteLookedAtJustAfterItWasWrittenIsTrustedByItsStampsOnceOldEnough() throws Exception {
    build();
    // The site was looked at within a tick of being written: the record holds its files' hashes,
    // and a build that finds nothing changed compares their bytes.
    assertThat(hashedEntries()).isPositive();
    Thread.sleep(KnownFiles.TICK_MILLIS + 200);
    assertThat(build().notes()).anyMatch(n -> n.startsWith(NOTHING_CHANGED));
    // Now older than a tick, they were recorded again by their stamps alone (as git refreshes its
    // index), so the next build reads none of them.
    assertThat(hashedEntries()).isZero();
    assertThat(build().notes()).anyMatch(n -> n.startsWith(NOTHING_CHANGED));
    assertSameAsClean();
    // A change since is still seen.
    Path page = out.resolve("b/index.html");
    Files.writeString(page, Files.readString(page) + "<!-- by hand -->");
    assertThat(build().notes()).noneMatch(n -> n.startsWith(NOTHING_CHANGED));
    assertSameAsClean();
    editProse();
    assertThat(build().notes()).noneMatch(n -> n.startsWith(NOTHING_CHANGED));
    assertSameAsClean();
  }

  @Test
  void entriesVouchedForByTheirBytesAreTrustedByTheirStampsOnceOldEnoughAfterTheQuickWayToo()
      throws Exception {
    build();
    assertThat(hashedEntries()).isPositive();
    Thread.sleep(KnownFiles.TICK_MILLIS + 200);
    Path a = site.root().resolve("content/a.md");
    Files.writeString(a, Files.readString(a) + "\nOne more sentence, about a potoroo.\n");
    BuildResult r = build();
    assertThat(tookTheQuickWay(cache)).isTrue();
    // The record as patched vouches by their bytes only for what this build wrote (and the
    // folders holding it): the whole build's files, old enough now, are recorded by their stamps,
    // and the next build does not read them.
    Set<String> hashed = new java.util.TreeSet<>();
    Map<String, Boolean> patched = new java.util.HashMap<>();
    try (var in =
        new java.io.DataInputStream(CacheFile.read(file(LastBuild.PATCH), LastBuild.PATCH_KIND))) {
      RecordCodec.readString(in);
      assertThat(in.readBoolean()).isTrue();
      // What the build was asked and its inputs, then the site's entries it changed.
      RecordCodec.readString(in);
      LastBuild.readSeen(in);
      for (var e : LastBuild.readSeen(in)) patched.put(e.path(), e.check() != null);
      for (int n = in.readInt(); n > 0; n--) patched.put(RecordCodec.readString(in), false);
    }
    try (var in =
        new java.io.DataInputStream(CacheFile.read(file(LastBuild.FILE), LastBuild.KIND))) {
      RecordCodec.readString(in);
      RecordCodec.readString(in);
      LastBuild.readSeen(in);
      for (var e : LastBuild.readSeen(in)) {
        if (patched.getOrDefault(e.path(), e.check() != null)) hashed.add(e.path());
      }
    }
    patched.forEach(
        (path, check) -> {
          if (check) hashed.add(path);
        });
    Set<String> written = new java.util.HashSet<>(r.rendered());
    for (String f : r.rendered()) {
      for (int i = f.lastIndexOf('/'); i > 0; i = f.lastIndexOf('/', i - 1)) {
        written.add(f.substring(0, i));
      }
    }
    written.add("");
    assertThat(hashed).isNotEmpty().allMatch(written::contains);
    editProse();
    build();
    assertThat(tookTheQuickWay(cache)).isTrue();
    assertSameAsClean();
  }

  @Test
  void aBuildWithWarningsFindingNothingChangedGivesTheSameWarningsAndNotes() throws IOException {
    Path c = site.root().resolve("content/notes/c.md");
    // A figure without a fact (a warning), and an unknown ID (an error: nothing is written).
    Files.writeString(c, Files.readString(c) + "\nSome 4711 people came.\n");
    BuildResult first = build();
    assertThat(first.diagnostics()).isNotEmpty();
    BuildResult again = build();
    assertThat(again.notes()).anyMatch(n -> n.startsWith(NOTHING_CHANGED));
    assertThat(again.diagnostics()).isEqualTo(first.diagnostics());
    assertThat(again.sourceText().apply("content/notes/c.md"))
        .isEqualTo(first.sourceText().apply("content/notes/c.md"));
    Files.writeString(c, Files.readString(c) + "\nSee {{fact:nowhere}}.\n");
    BuildResult failed =
        Pipeline.build(new BuildOptions(site.root(), out, false, TestSite.TODAY, true, cache));
    assertThat(failed.failed()).isTrue();
    assertThat(failed.notes()).noneMatch(n -> n.startsWith(NOTHING_CHANGED));
    BuildResult failedAgain =
        Pipeline.build(new BuildOptions(site.root(), out, false, TestSite.TODAY, true, cache));
    assertThat(failedAgain.notes()).noneMatch(n -> n.startsWith(NOTHING_CHANGED));
    assertThat(failedAgain.diagnostics()).isEqualTo(failed.diagnostics());
  }

  @Test
  void aFileAddedToTheOutputOrAnOutputChangedIsSeenByTheNextBuild() throws IOException {
    build();
    Files.writeString(out.resolve("a").resolve("stray.txt"), "not the build's");
    assertThat(build().notes()).noneMatch(n -> n.startsWith(NOTHING_CHANGED));
    assertThat(out.resolve("a").resolve("stray.txt")).doesNotExist();
    assertSameAsClean();
    Files.createDirectories(out.resolve("empty"));
    assertThat(build().notes()).noneMatch(n -> n.startsWith(NOTHING_CHANGED));
    assertThat(out.resolve("empty")).doesNotExist();
    // Changed in place, to the same size.
    Path page = out.resolve("b/index.html");
    byte[] bytes = Files.readAllBytes(page);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(page, bytes);
    // (Not a damaged file: nothing is noted.)
    assertThat(build().notes())
        .noneMatch(n -> n.startsWith(NOTHING_CHANGED) || n.contains("build cache"));
    assertSameAsClean();
    assertThat(build().notes()).anyMatch(n -> n.startsWith(NOTHING_CHANGED));
  }

  @Test
  void anInputTouchedOrRewrittenWithItsTimePutBackIsLookedAtAgain() throws IOException {
    build();
    Path a = site.root().resolve("content/a.md");
    Files.setLastModifiedTime(
        a, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
    assertThat(build().notes()).noneMatch(n -> n.startsWith(NOTHING_CHANGED));
    assertSameAsClean();
    assertThat(build().notes()).anyMatch(n -> n.startsWith(NOTHING_CHANGED));
    // Same size, other bytes, the old time put back.
    var time = Files.getLastModifiedTime(a);
    Files.writeString(a, Files.readString(a).replace("Far fewer did.", "Far fewer did!"));
    Files.setLastModifiedTime(a, time);
    assertThat(build().notes()).noneMatch(n -> n.startsWith(NOTHING_CHANGED));
    assertSameAsClean();
    // Another date to measure stale facts from, or --strict, is another build.
    BuildResult later =
        Pipeline.build(
            new BuildOptions(site.root(), out, false, TestSite.TODAY.plusDays(1), true, cache));
    assertThat(later.notes()).noneMatch(n -> n.startsWith(NOTHING_CHANGED));
  }

  @Test
  void aProseEditAndAnEditThatUsesAnotherFactGiveWhatACleanBuildGives() throws IOException {
    build();
    // Prose alone, in the article declaring the facts others show: only its page is made again.
    Path a = site.root().resolve("content/a.md");
    Files.writeString(a, Files.readString(a) + "\nA sentence of prose, and nothing more.\n");
    BuildResult prose = build();
    assertThat(prose.rendered()).contains("a/index.html").doesNotContain("b/index.html");
    assertSameAsClean();
    // Prose and a new use: the fact's other pages name this one as citing it too.
    Path c = site.root().resolve("content/notes/c.md");
    Files.writeString(c, Files.readString(c) + "\nAlso {{fact:users}} [@s1].\n");
    BuildResult used = build();
    assertThat(used.rendered()).contains("notes/c/index.html");
    assertSameAsClean();
    // A translation's prose: the page in the other language is kept.
    Path nl = site.root().resolve("content/a.nl.md");
    Files.writeString(nl, Files.readString(nl) + "\nNog een zin.\n");
    BuildResult translated = build();
    assertThat(translated.rendered()).contains("nl/a/index.html").doesNotContain("a/index.html");
    assertSameAsClean();
  }

  @Test
  void aDamagedRecordOfTheLastBuildIsNoted() throws IOException {
    build();
    byte[] bytes = Files.readAllBytes(file(LastBuild.FILE));
    bytes[bytes.length / 3] ^= 0x5a;
    Files.write(file(LastBuild.FILE), bytes);
    assertThat(build().notes())
        .contains(
            "the build cache's build.bin is damaged or cut short: it is ignored (this build looks"
                + " at everything)");
    assertSameAsClean();
    assertThat(build().notes()).anyMatch(n -> n.startsWith(NOTHING_CHANGED));
  }

  private static Map<String, Object> inodes(Path root) throws IOException {
    Map<String, Object> out = new java.util.TreeMap<>();
    try (var walk = Files.walk(root)) {
      for (Path p : walk.toList()) {
        out.put(root.relativize(p).toString(), Files.readAttributes(p, "unix:ino").get("ino"));
      }
    }
    return out;
  }

  @Test
  void aCutShortIndexIsNotedAndTheBuildGoesOn() throws IOException {
    build();
    byte[] bytes = Files.readAllBytes(file(ParseEntries.INDEX));
    Files.write(file(ParseEntries.INDEX), java.util.Arrays.copyOf(bytes, bytes.length / 2));
    editProse();
    assertThat(build().notes())
        .contains(
            "the build cache's pages.bin is damaged or cut short: it is ignored and made again"
                + " (this build parses every article)");
    assertSameAsClean();
    // Made again: the next build says nothing.
    assertThat(build().notes()).noneMatch(n -> n.contains("cache"));
  }

  @Test
  void aDamagedIndexIsNoted() throws IOException {
    build();
    byte[] bytes = Files.readAllBytes(file(OutputRecords.FILE));
    bytes[bytes.length / 2] ^= 0x5a;
    Files.write(file(OutputRecords.FILE), bytes);
    editProse();
    assertThat(build().notes())
        .contains(
            "the build cache's outputs.bin is damaged or cut short: it is ignored (this build"
                + " renders every page)");
    assertSameAsClean();
  }

  @Test
  void aForeignFileIsNoted() throws IOException {
    build();
    Files.writeString(file(ParseEntries.INDEX), "title: not a cache file at all\n");
    editProse();
    assertThat(build().notes())
        .contains(
            "the build cache's pages.bin is not a sourced build cache file: it is ignored and made"
                + " again (this build parses every article)");
    assertSameAsClean();
  }

  @Test
  void aFileOfAnotherToolBuildIsNoted() throws IOException {
    build();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream o = new DataOutputStream(bytes);
    o.writeLong(CacheFile.MAGIC);
    o.writeInt(CacheFile.FORMAT);
    RecordCodec.writeString(o, "another-build-of-sourced");
    RecordCodec.writeString(o, ParseEntries.KIND);
    o.writeInt(0);
    o.flush();
    CRC32 crc = new CRC32();
    crc.update(bytes.toByteArray());
    o.writeLong(crc.getValue());
    Files.write(file(ParseEntries.INDEX), bytes.toByteArray());
    editProse();
    assertThat(build().notes())
        .contains(
            "the build cache's pages.bin was written by another version of sourced: it is ignored"
                + " and made again (this build parses every article)");
    assertSameAsClean();
  }

  @Test
  void aDamagedBodyIsFoundWhenReadAndTheBuildIsMadeAgainWithout() throws IOException {
    build();
    Path bodies;
    try (var files = Files.list(cache.resolve(BuildCache.DIR))) {
      bodies =
          files.filter(p -> p.getFileName().toString().startsWith("bodies-")).findFirst().get();
    }
    byte[] original = Files.readAllBytes(bodies);
    byte[] bytes = original.clone();
    for (int i = 0; i < bytes.length; i += 7) bytes[i] ^= 0x20;
    Files.write(bodies, bytes);
    // A new title renders every page again, so every body is read.
    Path yaml = site.root().resolve("sourced.yaml");
    Files.writeString(yaml, Files.readString(yaml).replace("\"Cached\"", "\"Cached again\""));
    BuildResult r = build();
    assertThat(r.notes())
        .anyMatch(n -> n.startsWith("the build cache in ") && n.contains("damaged"));
    assertSameAsClean();
    assertThat(build().notes()).noneMatch(n -> n.contains("cache"));
    assertSameAsClean();
  }

  @Test
  void aBuildWithNothingEditedReadsNoBody() throws IOException {
    build();
    int articles = words();
    assertThat(articles).isEqualTo(5);
    Path index = out.resolve("search.json");
    Object key = Files.readAttributes(index, "unix:ino").get("ino");
    // Every body damaged: a build that read one would say so and make everything again.
    Path bodies;
    try (var files = Files.list(cache.resolve(BuildCache.DIR))) {
      bodies =
          files.filter(p -> p.getFileName().toString().startsWith("bodies-")).findFirst().get();
    }
    byte[] original = Files.readAllBytes(bodies);
    byte[] bytes = original.clone();
    for (int i = 0; i < bytes.length; i += 7) bytes[i] ^= 0x20;
    Files.write(bodies, bytes);
    assertThat(build().notes()).noneMatch(n -> n.contains("cache"));
    assertThat(Files.readAttributes(index, "unix:ino").get("ino")).isEqualTo(key);
    assertSameAsClean();
    // One article's prose edited: the search index holds body words, so it is made again, but
    // with the other articles' words from the cache. The quick way of such a build reads the edited
    // article's old body (it renders its old page, to prove the smaller site it renders in is
    // enough), so the bodies are as they were again.
    Files.write(bodies, original);
    String before = Files.readString(index);
    Path c = site.root().resolve("content/notes/c.md");
    Files.writeString(c, Files.readString(c) + "\nA word never seen before: quokka.\n");
    assertThat(build().notes()).noneMatch(n -> n.contains("cache"));
    assertSameAsClean();
    assertThat(Files.readString(index)).isNotEqualTo(before);
    // That index was patched from the one before, which needed only c's words: the cache still
    // keeps every article's, for the next index made whole.
    assertThat(words()).isEqualTo(articles);
  }

  /**
   * Whether the last build into the cache at {@code cache} took the quick way after an edit of
   * prose alone: it records the search index it patched as such.
   */
  /** Writes the outputs' records again as they were read, with what the pages read replaced. */
  private void saveAgain(
      OutputRecords records,
      Map<String, dev.sourced.render.ArticleReads> articles,
      Map<String, dev.sourced.render.FactsPageReads> factsPages)
      throws IOException {
    records.save(
        cache.resolve(BuildCache.DIR),
        Path.of(records.writtenFor().get(0)),
        records.writtenFor().get(1),
        records.all(),
        articles,
        factsPages);
  }

  static boolean tookTheQuickWay(Path cache) {
    OutputRecords r = OutputRecords.load(cache.resolve(BuildCache.DIR), new Diagnostics());
    OutputRecords.Record index = r.all().get("search.json");
    return index != null && index.fingerprint().equals(SiteRenderer.PATCHED);
  }

  @Test
  void anEditOfProseAloneTakesTheQuickWayAgainAndAgain() throws IOException {
    build();
    Path words = file(SearchWords.FILE);
    var wordsTime = Files.getLastModifiedTime(words);
    Path b = out.resolve("b/index.html");
    var bTime = Files.getLastModifiedTime(b);
    for (int i = 0; i < 3; i++) {
      Path a = site.root().resolve("content/a.md");
      Files.writeString(a, Files.readString(a) + "\nOne more sentence, a wombat " + i + ".\n");
      BuildResult r = build();
      assertThat(tookTheQuickWay(cache)).as("edit %d", i).isTrue();
      assertThat(r.rendered())
          .contains("a/index.html", "search.json")
          .allMatch(
              p ->
                  p.equals("a/index.html") || p.equals("search.json") || p.startsWith("search/t/"));
      assertSameAsClean();
    }
    // b shows a's fact and is not rendered; the search words file is left as it was.
    assertThat(Files.getLastModifiedTime(b)).isEqualTo(bTime);
    assertThat(Files.getLastModifiedTime(words)).isEqualTo(wordsTime);
    // What the quick way recorded is the site as it is: nothing changed since.
    assertThat(build().notes()).anyMatch(n -> n.startsWith(NOTHING_CHANGED));
    // A whole build after it (an article's title edited) gives what a clean build gives.
    Path a = site.root().resolve("content/a.md");
    Files.writeString(a, Files.readString(a).replace("title: A\n", "title: A, again\n"));
    build();
    assertThat(tookTheQuickWay(cache)).isFalse();
    assertSameAsClean();
  }

  @Test
  void theQuickWayPatchesTheRecordsAndAPatchOfAnEarlierRecordIsNeverApplied() throws IOException {
    build();
    byte[] record = Files.readAllBytes(file(LastBuild.FILE));
    byte[] outputs = Files.readAllBytes(file(OutputRecords.FILE));
    Path a = site.root().resolve("content/a.md");
    Files.writeString(a, Files.readString(a) + "\nOne more sentence, about a quokka.\n");
    build();
    assertThat(tookTheQuickWay(cache)).isTrue();
    // The records the whole build wrote are as they were: patches beside them say what changed.
    assertThat(Files.readAllBytes(file(LastBuild.FILE))).isEqualTo(record);
    assertThat(Files.readAllBytes(file(OutputRecords.FILE))).isEqualTo(outputs);
    byte[] buildPatch = Files.readAllBytes(file(LastBuild.PATCH));
    byte[] outputsPatch = Files.readAllBytes(file(OutputRecords.PATCH));
    assertThat(build().notes()).anyMatch(n -> n.startsWith(NOTHING_CHANGED));
    // A whole build writes its records anew, and no patch.
    Files.writeString(a, Files.readString(a).replace("title: A\n", "title: A, again\n"));
    build();
    assertThat(tookTheQuickWay(cache)).isFalse();
    assertThat(file(LastBuild.PATCH)).doesNotExist();
    assertThat(file(OutputRecords.PATCH)).doesNotExist();
    // The patches of the records before, put back (as a build killed between writing its record
    // and deleting the patch leaves them), are not applied to the new ones: had they been, what the
    // patch says of a.md would not be what a.md is now.
    Files.write(file(LastBuild.PATCH), buildPatch);
    Files.write(file(OutputRecords.PATCH), outputsPatch);
    assertThat(build().notes()).anyMatch(n -> n.startsWith(NOTHING_CHANGED));
    Files.writeString(a, Files.readString(a) + "\nOne more sentence, about a bilby.\n");
    build();
    assertThat(tookTheQuickWay(cache)).isTrue();
    assertSameAsClean();
  }

  @Test
  void theParsesIndexIsPatchedForAFewEntriesAndAPatchOfAnEarlierIndexIsNeverApplied()
      throws IOException {
    build();
    byte[] index = Files.readAllBytes(file(ParseEntries.INDEX));
    Path a = site.root().resolve("content/a.md");
    Files.writeString(a, Files.readString(a) + "\nOne more sentence, about a quoll.\n");
    build();
    assertThat(tookTheQuickWay(cache)).isTrue();
    assertThat(Files.readAllBytes(file(ParseEntries.INDEX))).isEqualTo(index);
    byte[] stale = Files.readAllBytes(file(ParseEntries.PATCH));
    Files.writeString(a, Files.readString(a) + "\nOne more sentence, about a dunnart.\n");
    build();
    assertThat(tookTheQuickWay(cache)).isTrue();
    assertSameAsClean();
    // An index made whole again (here afresh, its file gone) has a generation of its own: the
    // patch of the one before, put back, is not applied to it. Had it been, a's parse before this
    // edit would be taken for the one two edits back, and its page would not render as written.
    Files.delete(file(ParseEntries.INDEX));
    editProse();
    build();
    assertThat(file(ParseEntries.PATCH)).doesNotExist();
    Files.write(file(ParseEntries.PATCH), stale);
    Files.writeString(a, Files.readString(a) + "\nOne more sentence, about a kowari.\n");
    build();
    assertThat(tookTheQuickWay(cache)).isTrue();
    assertSameAsClean();
  }

  @Test
  void aDamagedPatchOfARecordIsNotedAndARecordForgottenIsNotUsed() throws Exception {
    build();
    editProse();
    build();
    assertThat(tookTheQuickWay(cache)).isTrue();
    byte[] bytes = Files.readAllBytes(file(LastBuild.PATCH));
    bytes[bytes.length / 3] ^= 0x5a;
    Files.write(file(LastBuild.PATCH), bytes);
    assertThat(build().notes())
        .contains(
            "the build cache's build-patch.bin is damaged or cut short: it is ignored (this build"
                + " looks at everything)");
    assertSameAsClean();
    editProse();
    build();
    assertThat(tookTheQuickWay(cache)).isTrue();
    bytes = Files.readAllBytes(file(OutputRecords.PATCH));
    Files.write(file(OutputRecords.PATCH), java.util.Arrays.copyOf(bytes, bytes.length - 3));
    editProse();
    assertThat(build().notes())
        .contains(
            "the build cache's outputs-patch.bin is damaged or cut short: it is ignored (this"
                + " build renders every page)");
    assertSameAsClean();
    // A build killed while it changed the site in place leaves its record forgotten: the next
    // build does not take the site for the one recorded.
    editProse();
    build();
    assertThat(tookTheQuickWay(cache)).isTrue();
    String generation;
    try (var in =
        new java.io.DataInputStream(CacheFile.read(file(LastBuild.FILE), LastBuild.KIND))) {
      generation = RecordCodec.readString(in);
    }
    LastBuild.forget(file(""), LastBuild.Recorded.of(generation));
    // (Not a damaged file: nothing is noted.)
    assertThat(build().notes())
        .noneMatch(n -> n.startsWith(NOTHING_CHANGED) || n.contains("build cache"));
    assertSameAsClean();
    assertThat(build().notes()).anyMatch(n -> n.startsWith(NOTHING_CHANGED));
  }

  @Test
  void aPageTheSmallerSiteCannotMakeAgainTakesTheWholeWay() throws IOException {
    build();
    // The record of what a's page shows of other articles, emptied: b, which cites a's fact, is
    // then missing from the smaller site, and a's old page rendered there is not the one written.
    Path dirPath = cache.resolve(BuildCache.DIR);
    OutputRecords records = OutputRecords.load(dirPath, new Diagnostics());
    java.util.Map<String, dev.sourced.render.ArticleReads> articles =
        new java.util.HashMap<>(records.reads().articles());
    dev.sourced.render.ArticleReads was = articles.get("content/a.md");
    assertThat(was.reads()).contains("content/b.md");
    articles.put(
        "content/a.md",
        new dev.sourced.render.ArticleReads(was.output(), was.prefix(), was.document(), List.of()));
    saveAgain(records, articles, records.reads().factsPages());
    Path a = site.root().resolve("content/a.md");
    Files.writeString(a, Files.readString(a) + "\nOne more sentence, about a numbat.\n");
    build();
    assertThat(tookTheQuickWay(cache)).isFalse();
    assertSameAsClean();
  }

  @Test
  void aSectionPageAndAnEditThatChangesWhatAPageUsesTakeTheWholeWay() throws IOException {
    build();
    Path notes = site.root().resolve("content/notes/_index.md");
    Files.writeString(notes, Files.readString(notes) + "\nMore about the notes.\n");
    build();
    assertThat(tookTheQuickWay(cache)).isFalse();
    assertSameAsClean();
    Path c = site.root().resolve("content/notes/c.md");
    Files.writeString(c, Files.readString(c) + "\nAnd {{fact:users}} too.\n");
    build();
    assertThat(tookTheQuickWay(cache)).isFalse();
    assertSameAsClean();
  }

  /** How many articles' search words the build cache keeps. */
  private int words() {
    return new SearchWords(cache.resolve(BuildCache.DIR), new Diagnostics()).size();
  }

  @Test
  void aDamagedSearchWordsFileIsNotedAndMadeAgain() throws IOException {
    build();
    Path words = cache.resolve(BuildCache.DIR).resolve(SearchWords.FILE);
    assertThat(words).exists();
    byte[] bytes = Files.readAllBytes(words);
    bytes[bytes.length / 2] ^= 0x20;
    Files.write(words, bytes);
    // A section's page takes the whole way (it lists other articles), which reads the words; the
    // quick way would not.
    Path c = site.root().resolve("content/notes/_index.md");
    Files.writeString(c, Files.readString(c) + "\nAnother new word: numbat.\n");
    assertThat(build().notes()).anyMatch(n -> n.contains(SearchWords.FILE));
    assertSameAsClean();
    Files.writeString(c, Files.readString(c) + "\nAnd one more: bilby.\n");
    assertThat(build().notes()).noneMatch(n -> n.contains("cache"));
    assertSameAsClean();
  }

  @Test
  void aSearchPartChangedByHandIsWrittenAgain() throws IOException {
    build();
    Path part;
    try (var files = Files.walk(out.resolve("search"))) {
      part = files.filter(Files::isRegularFile).sorted().findFirst().get();
    }
    Files.writeString(part, "changed by hand");
    build();
    assertSameAsClean();
  }

  @Test
  void aSecondBuildAtTheSameTimeGoesOnWithoutTheCache() throws IOException {
    build();
    try (FileChannel ch =
            FileChannel.open(file("lock"), StandardOpenOption.WRITE, StandardOpenOption.CREATE);
        FileLock held = ch.lock()) {
      assertThat(held.isValid()).isTrue();
      Path yaml = site.root().resolve("sourced.yaml");
      Files.writeString(yaml, Files.readString(yaml).replace("\"Cached\"", "\"Cached twice\""));
      assertThat(build().notes())
          .contains(
              "another build is using the build cache in "
                  + cache
                  + "; this one builds without it (nothing is reused or kept)");
      assertSameAsClean();
    }
    assertThat(build().notes()).noneMatch(n -> n.contains("cache"));
    assertSameAsClean();
  }

  @Test
  void noCacheKeepsNothing() throws IOException {
    BuildResult r =
        Pipeline.build(new BuildOptions(site.root(), out, false, TestSite.TODAY, true, null));
    assertThat(r.failed()).isFalse();
    assertThat(Files.exists(cache)).isFalse();
  }
}
