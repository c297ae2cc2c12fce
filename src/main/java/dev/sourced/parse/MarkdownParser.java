package dev.sourced.parse;

import dev.sourced.facts.FactsExtension;
import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.autolink.AutolinkType;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * The one configured CommonMark parser: Markdown as GitHub renders it (tables, strikethrough, task
 * lists {@code - [x] done}, and extended autolinks: {@code https://}, {@code www.} and e-mail
 * addresses), footnotes and the fact syntax, with source spans on blocks and inlines so that every
 * diagnostic in a body has a line and column. Built once; CommonMark parsers are immutable and
 * thread-safe.
 */
public final class MarkdownParser {
  /** The parser-side extensions; the renderer adds heading anchors. */
  public static final List<Extension> EXTENSIONS =
      List.of(
          TablesExtension.create(),
          StrikethroughExtension.create(),
          FootnotesExtension.create(),
          AutolinkExtension.builder()
              .linkTypes(AutolinkType.URL, AutolinkType.EMAIL, AutolinkType.WWW)
              .build(),
          TaskListItemsExtension.create(),
          FactsExtension.create());

  private static final Parser PARSER =
      Parser.builder()
          .extensions(EXTENSIONS)
          .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
          .build();

  private MarkdownParser() {}

  public static Node parse(String markdown) {
    return PARSER.parse(markdown);
  }
}
