package dev.sourced.facts;

import dev.sourced.facts.internal.BoxPostProcessor;
import dev.sourced.facts.internal.CitationLinkProcessor;
import dev.sourced.facts.internal.DirectiveInlineParser;
import dev.sourced.facts.internal.FactsHtmlNodeRenderer;
import dev.sourced.facts.internal.FigurePostProcessor;
import java.util.List;
import java.util.function.Supplier;
import org.commonmark.Extension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The fact syntax as a CommonMark extension, laid out like commonmark-java's footnotes: {@code
 * {{fact:ID}}}, {@code {{factbox:ID}}}, {@code {{claim:ID}}} and {@code [@ID]} citations.
 *
 * <p>Parsing needs nothing of the site: {@link #create()} registers an inline parser for {@code
 * {{...}}}, a link processor for citations and post-processors that make boxes and lone images
 * ({@link Figure}) blocks. Rendering happens right after parsing, before the site is resolved:
 * {@link #rendering(Supplier)} writes markers where a page needs the site, which {@link
 * BodyHtml#fill} writes in through a page's {@link FactsRenderContext}.
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
        .postProcessor(new BoxPostProcessor())
        .postProcessor(new FigurePostProcessor());
  }

  /**
   * The HTML side. {@code parts} is asked once per render call, for the list that receives the
   * parts of that body's markers.
   */
  public static Extension rendering(Supplier<List<BodyHtml.Part>> parts) {
    return (HtmlRenderer.HtmlRendererExtension)
        builder -> builder.nodeRendererFactory(c -> new FactsHtmlNodeRenderer(c, parts.get()));
  }
}
