package dev.sourced.facts.internal;

import dev.sourced.facts.Directive;
import dev.sourced.facts.FactReference;
import dev.sourced.facts.UnsourcedFigure;
import java.util.Set;
import org.commonmark.node.Node;
import org.commonmark.parser.beta.InlineContentParser;
import org.commonmark.parser.beta.InlineContentParserFactory;
import org.commonmark.parser.beta.InlineParserState;
import org.commonmark.parser.beta.ParsedInline;
import org.commonmark.parser.beta.Position;
import org.commonmark.parser.beta.Scanner;

/**
 * Parses {@code {{kind:ID}}} where the inline parser meets {@code {}. {@code fact} becomes a
 * {@link FactReference}; {@code factbox} and {@code claim} become a {@link Directive}, which
 * {@link BoxPostProcessor} turns into a block when it stands alone in its paragraph; any other
 * word before the colon also becomes a Directive, so a typo is reported instead of silently
 * printed. Anything else ({@code {{ x }}}, {@code {{fact:}}}) is left as text.
 *
 * <p>Kinds are lowercase letters; IDs start with a letter or digit and go on with letters,
 * digits, {@code -}, {@code _} and {@code .}. A backslash before the first brace ({@code \{{})
 * escapes it through CommonMark's own backslash escapes, and nothing is parsed inside code.
 * {@code {{nosource:TEXT}}} takes any text (no braces, one line) and marks it as a figure that
 * needs no source.
 */
public final class DirectiveInlineParser implements InlineContentParser {
  static final int MAX_ID = 200;

  @Override
  public ParsedInline tryParse(InlineParserState state) {
    Scanner scanner = state.scanner();
    Position start = scanner.position();
    if (!scanner.next("{{")) return ParsedInline.none();
    Position kindStart = scanner.position();
    int kindLength = scanner.match(c -> c >= 'a' && c <= 'z');
    if (kindLength == 0 || kindLength > 20) return ParsedInline.none();
    String kind = scanner.getSource(kindStart, scanner.position()).getContent();
    if (!scanner.next(':')) return ParsedInline.none();
    if (kind.equals("nosource")) return unsourced(scanner, start);
    Position idStart = scanner.position();
    char first = scanner.peek();
    if (!isIdStart(first)) return ParsedInline.none();
    int idLength = scanner.match(DirectiveInlineParser::isIdChar);
    if (idLength > MAX_ID) return ParsedInline.none();
    String id = scanner.getSource(idStart, scanner.position()).getContent();
    if (!scanner.next("}}")) return ParsedInline.none();
    Node node = kind.equals("fact") ? new FactReference(id) : new Directive(kind, id);
    node.setSourceSpans(scanner.getSource(start, scanner.position()).getSourceSpans());
    return ParsedInline.of(node, scanner.position());
  }

  /** {@code {{nosource:TEXT}}}: any text on one line up to the closing braces. */
  private static ParsedInline unsourced(Scanner scanner, Position start) {
    Position textStart = scanner.position();
    int length = scanner.match(c -> c != '}' && c != '\n' && c != '{');
    if (length == 0 || length > MAX_ID) return ParsedInline.none();
    String text = scanner.getSource(textStart, scanner.position()).getContent();
    if (!scanner.next("}}") || text.isBlank()) return ParsedInline.none();
    Node node = new UnsourcedFigure(text);
    node.setSourceSpans(scanner.getSource(start, scanner.position()).getSourceSpans());
    return ParsedInline.of(node, scanner.position());
  }

  static boolean isIdStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  static boolean isIdChar(char c) {
    return isIdStart(c) || c == '-' || c == '_' || c == '.';
  }

  /** Registers the parser for the {@code {} character. */
  public static final class Factory implements InlineContentParserFactory {
    @Override
    public Set<Character> getTriggerCharacters() {
      return Set.of('{');
    }

    @Override
    public InlineContentParser create() {
      return new DirectiveInlineParser();
    }
  }
}
