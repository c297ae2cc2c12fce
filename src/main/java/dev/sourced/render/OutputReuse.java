package dev.sourced.render;

import dev.sourced.images.KnownOriginals;
import dev.sourced.parse.ParsedPage;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a one-shot render may keep of the build before it (the build cache's records of the last
 * build's outputs): before rendering an output, the renderer asks whether the file made last time
 * from the same inputs can stay as it is; an output it renders, it reports with the fingerprint it
 * was made from. The fingerprint is a {@link FingerprintDigest hash} of the output's {@link
 * Fingerprints fingerprint} and names everything the output's bytes come from, within one set of
 * templates and settings (the caller keys its records by those).
 */
public interface OutputReuse {
  /** The key naming everything a page's parse came from; null when unknown (never kept). */
  String inputKey(ParsedPage page);

  /** Whether the output at {@code path}, last made from {@code fingerprint}, was kept as it is. */
  boolean keep(String path, String fingerprint);

  /** The output at {@code path} was rendered anew from {@code fingerprint} (and written). */
  void made(String path, String fingerprint);

  /**
   * Keeps the output at {@code path}, last made from {@code fingerprint}, as it is together with
   * every file the last build recorded with a fingerprint starting with {@code partsTag} (the parts
   * it names, whose paths are not known before they are made); returns the parts' paths, or null
   * when any of them would have to be made again, and then none was kept. The default keeps
   * nothing.
   */
  default List<String> keepWithParts(String path, String fingerprint, String partsTag) {
    return null;
  }

  /**
   * Keeps the output at {@code path} as the build before made it, without computing its
   * fingerprint, when the caller knows that of everything that build's inputs were, only the prose
   * of some articles changed, and none of them is among {@code sources} (the parses the output is
   * made from): its fingerprint is then the one recorded. False when the output must be
   * fingerprinted as usual (the default).
   */
  default boolean keepAsBefore(String path, List<ParsedPage> sources) {
    return false;
  }

  /**
   * The hash of a fingerprint many outputs share ({@code lists}, {@code declarations}) as the build
   * before recorded it, when {@link #keepAsBefore} holds for outputs made from no page's prose (so
   * that shared fingerprint is the same); null when it must be computed (the default).
   */
  default String familyAsBefore(String name) {
    return null;
  }

  /**
   * The parses the build before had of the articles whose prose alone changed since, by path, when
   * {@link #keepAsBefore} holds (else null, the default): what a search index is patched from.
   */
  default Map<String, ParsedPage> proseEditedBefore() {
    return null;
  }

  /**
   * The body words the build before indexed for the article at {@code path}, one whose prose alone
   * changed (see {@link #proseEditedBefore}); null when they are not known (the default), and then
   * they are found again in the parse that build had of it.
   */
  default String[] previousWords(String path) {
    return null;
  }

  /**
   * The fingerprint the output at {@code path} was recorded with, when its file is untouched since
   * the build before wrote it; else null (the default).
   */
  default String untouched(String path) {
    return null;
  }

  /**
   * The bytes of the output at {@code path} as the build before wrote them, when its file is
   * untouched since; else null (the default).
   */
  default byte[] previousBytes(String path) {
    return null;
  }

  /**
   * The file of the output at {@code path} as the build before wrote it, when it is untouched
   * since; else null (the default). For a large file read a part at a time.
   */
  default java.nio.file.Path previousFile(String path) {
    return null;
  }

  /**
   * What the page of the article at {@code path} is made from besides its own parse, found by a
   * whole render, recorded for a later build after an edit of prose alone (the default records
   * nothing).
   */
  default void articleReads(String path, ArticleReads reads) {}

  /**
   * What the page of the index of facts at {@code path} shows, found by a whole render, recorded
   * for a later build after an edit of some facts (the default records nothing).
   */
  default void factsPageReads(String path, FactsPageReads reads) {}

  /**
   * The outputs the build before recorded with a fingerprint starting with {@code tag} (the parts
   * of a search index); the default knows none.
   */
  default List<String> recordedWith(String tag) {
    return List.of();
  }

  /** The hash of a shared fingerprint this render used, recorded for the next build. */
  default void family(String name, String hash) {}

  /**
   * The search words of {@code page}'s body: those the build before found for the same parse, or
   * what {@code scan} finds (then kept for the next build). The default scans.
   */
  default String[] searchWords(ParsedPage page, Supplier<String[]> scan) {
    return scan.get();
  }

  /**
   * The bundle images' originals the build cache recognises by their file stamps, so that an
   * unchanged one is not read and hashed again; null (the default) hashes every one.
   */
  default KnownOriginals originals() {
    return null;
  }
}
