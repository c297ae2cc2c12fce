package dev.sourced.facts.internal;

import dev.sourced.facts.Citation;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.parser.InlineParserContext;
import org.commonmark.parser.beta.LinkInfo;
import org.commonmark.parser.beta.LinkProcessor;
import org.commonmark.parser.beta.LinkResult;
import org.commonmark.parser.beta.Scanner;

/**
 * Turns Pandoc-style citations into {@link Citation} nodes: {@code [@id]} and {@code [@a; @b]}.
 * Laid out like commonmark-java's footnote link processor: only bracket text without a destination
 * is considered, a link reference definition of the same label ({@code [@x]: url}) wins, and the
 * text must be nothing but {@code @ID} items separated by semicolons (so {@code [@ mention]} and
 * e-mail-like text stay as written).
 */
public final class CitationLinkProcessor implements LinkProcessor {

  @Override
  public LinkResult process(LinkInfo info, Scanner scanner, InlineParserContext context) {
    if (info.marker() != null || info.destination() != null) return LinkResult.none();
    String text = info.text();
    if (!text.startsWith("@")) return LinkResult.none();
    String label = info.label() != null && !info.label().isEmpty() ? info.label() : text;
    if (context.getDefinition(LinkReferenceDefinition.class, label) != null) {
      return LinkResult.none();
    }
    List<String> ids = parse(text);
    if (ids == null) return LinkResult.none();
    return LinkResult.replaceWith(new Citation(ids), info.afterTextBracket());
  }

  /** The IDs of {@code @a; @b}, or null when the text is not exactly a citation list. */
  static List<String> parse(String text) {
    List<String> ids = new ArrayList<>();
    for (String part : text.split(";", -1)) {
      String p = part.strip();
      if (p.length() < 2 || p.charAt(0) != '@' || !DirectiveInlineParser.isIdStart(p.charAt(1))) {
        return null;
      }
      for (int i = 2; i < p.length(); i++) {
        if (!DirectiveInlineParser.isIdChar(p.charAt(i))) return null;
      }
      if (p.length() > DirectiveInlineParser.MAX_ID) return null;
      ids.add(p.substring(1));
    }
    return ids;
  }
}
