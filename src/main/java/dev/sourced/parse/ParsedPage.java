package dev.sourced.parse;

import dev.sourced.load.ArticleFile;
import dev.sourced.model.FrontMatter;
import java.util.List;
import org.commonmark.node.Node;

/**
 * An article after parsing: typed front-matter, the Markdown tree, the slug that decides its
 * address, and what one walk of the body found (ID uses, links and heading ids, with file
 * positions), so that no later stage walks the tree again before rendering.
 */
public record ParsedPage(
    ArticleFile file,
    FrontMatter frontMatter,
    Node body,
    String slug,
    List<BodyUse> uses,
    List<BodyLink> links,
    List<String> headingIds) {

  public String path() {
    return file.source().path();
  }
}
