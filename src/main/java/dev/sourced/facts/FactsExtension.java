package dev.sourced.facts;

import dev.sourced.facts.internal.BoxPostProcessor;
import dev.sourced.facts.internal.CitationLinkProcessor;
import dev.sourced.facts.internal.DirectiveInlineParser;
import dev.sourced.facts.internal.FactsHtmlNodeRenderer;
import org.commonmark.Extension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The fact syntax as a CommonMark extension, laid out like commonmark-java's footnotes: {@code
 * {{fact:ID}}}, {@code {{factbox:ID}}}, {@code {{claim:ID}}} and {@code [@ID]} citations.
 *
 * <p>Parsing needs nothing of the site: {@link #create()} registers an inline parser for {@code
 * {{...}}}, a link processor for citations and a post-processor that makes boxes blocks.
 * Rendering needs a page's view of the site, so {@link #rendering(FactsRenderContext)} gives the
 * renderer half for one page.
 */
public final class FactsExtension implements Parser.ParserExtension {

  private FactsExtension() {}

  public static Extension create() {
    return new FactsExtension();
  }

  @Override
  public void extend(Parser.Builder builder) {
    builder
        .customInlineContentParserFactory(new DirectiveInlineParser.Factory())
        .linkProcessor(new CitationLinkProcessor())
        .postProcessor(new BoxPostProcessor());
  }

  /** The HTML side for one page. */
  public static Extension rendering(FactsRenderContext context) {
    return (HtmlRenderer.HtmlRendererExtension)
        builder -> builder.nodeRendererFactory(c -> new FactsHtmlNodeRenderer(c, context));
  }
}
