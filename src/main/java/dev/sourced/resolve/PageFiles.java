package dev.sourced.resolve;

import dev.sourced.parse.MarkdownFileLinks;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The published pages by their Markdown file, for links written to a file ({@link
 * MarkdownFileLinks}): the link checker warns about those that name no page, and the renderer
 * writes the others as that page's address. Both ask this one lookup, so they cannot disagree.
 *
 * <p>A link from a page in one language to {@code users.md} leads to the translation in that
 * language ({@code users.en.md}) when there is one, as a reader of the English page expects; a link
 * that names a translation's file leads to that file's page.
 */
public final class PageFiles {
  private final Map<String, ResolvedPage> byPath = new HashMap<>();
  private final Map<String, ResolvedPage> byTranslation = new HashMap<>();

  private PageFiles(List<ResolvedPage> pages) {
    for (ResolvedPage p : pages) {
      byPath.put(p.path(), p);
      byTranslation.put(p.parsed().translationKey() + "\n" + p.parsed().language(), p);
    }
  }

  public static PageFiles of(ResolvedSite site) {
    return new PageFiles(site.pages());
  }

  /** The file a link names ({@code content/posts/a.md}), or null when it leaves content/. */
  public static String file(ResolvedPage from, String destination) {
    return MarkdownFileLinks.target(from.path(), destination);
  }

  /** The page a Markdown-file link of {@code from} leads to, or null when there is none. */
  public ResolvedPage target(ResolvedPage from, String destination) {
    String file = file(from, destination);
    if (file == null) return null;
    ResolvedPage translated = byTranslation.get(file + "\n" + from.parsed().language());
    return translated != null ? translated : byPath.get(file);
  }

  /** Every published page's file, for "did you mean". */
  Set<String> files() {
    return byPath.keySet();
  }
}
