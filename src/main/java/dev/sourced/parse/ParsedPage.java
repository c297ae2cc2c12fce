package dev.sourced.parse;

import dev.sourced.load.ArticleFile;
import dev.sourced.model.FrontMatter;
import org.commonmark.node.Node;

/**
 * An article after parsing: typed front-matter, the Markdown tree (with source spans, relative to
 * the body) and the slug that decides its address.
 */
public record ParsedPage(ArticleFile file, FrontMatter frontMatter, Node body, String slug) {

  public String path() {
    return file.source().path();
  }

  /** The file line of a body line index (0-based, as CommonMark counts). */
  public int fileLine(int bodyLineIndex) {
    return file.source().bodyLine() + bodyLineIndex;
  }
}
