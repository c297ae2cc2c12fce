package dev.sourced.parse;

import dev.sourced.load.ArticleFile;
import dev.sourced.model.FrontMatter;
import java.util.List;
import org.commonmark.node.Node;

/**
 * An article after parsing: typed front-matter, the Markdown tree, the slug that decides its
 * address, and what one walk of the body found (ID uses, links and heading ids, with file
 * positions), so that no later stage walks the tree again before rendering.
 *
 * @param slugAt where the address comes from: the {@code slug:} value, or the file's start
 * @param rejected declarations of this file that were reported as invalid, as {@code kind:ID}
 */
public record ParsedPage(
    ArticleFile file,
    FrontMatter frontMatter,
    Node body,
    String slug,
    List<BodyUse> uses,
    List<BodyLink> links,
    List<String> headingIds,
    dev.sourced.diag.SourcePosition slugAt,
    java.util.Set<String> rejected) {

  public String path() {
    return file.source().path();
  }
}
