package dev.sourced.yaml;

import dev.sourced.diag.Code;
import dev.sourced.diag.Diagnostics;
import dev.sourced.diag.SourcePosition;
import java.io.StringReader;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML as a node tree, never as Java objects, with the limits {@code design/hardening.md}
 * asks for: no global tags, no recursive keys, few aliases, bounded nesting and size. Values are
 * typed later by {@link YamlMap} from the raw scalar text, so YAML 1.1's surprises ({@code NO} as
 * false, {@code 010} as 8, {@code 2024-02-30} as 1 March) cannot happen.
 *
 * <p>Any exception from SnakeYAML is content, not a bug: it becomes a {@code yaml-syntax}
 * diagnostic at the best position known.
 */
public final class SafeYaml {
  /** Front-matter larger than this (in code points) is refused. */
  public static final int CODE_POINT_LIMIT = 1 << 20;

  /** Tags nodes while composing; read-only after construction, so shared between threads. */
  private static final Resolver RESOLVER = new Resolver();

  private SafeYaml() {}

  private static LoaderOptions options() {
    LoaderOptions o = new LoaderOptions();
    o.setAllowDuplicateKeys(false);
    o.setAllowRecursiveKeys(false);
    o.setMaxAliasesForCollections(20);
    o.setNestingDepthLimit(24);
    o.setCodePointLimit(CODE_POINT_LIMIT);
    o.setTagInspector(tag -> false);
    o.setProcessComments(false);
    return o;
  }

  /**
   * Parses one YAML document that must be a mapping.
   *
   * @param lineOffset how many lines of the file come before the YAML text
   * @return the mapping, or null after reporting why there is none
   */
  public static YamlMap readMapping(
      String yaml, String path, int lineOffset, Diagnostics diagnostics, String what) {
    YamlContext ctx = new YamlContext(path, lineOffset, diagnostics, yaml);
    Node root;
    try {
      // Only the composer: a node tree, no constructor or representer (never Java objects).
      LoaderOptions o = options();
      Composer composer =
          new Composer(new ParserImpl(new StreamReader(new StringReader(yaml)), o), RESOLVER, o);
      root = composer.getSingleNode();
    } catch (ReaderException e) {
      diagnostics.error(
          ctx.atIndex(e.getPosition()),
          Code.YAML_SYNTAX,
          "invalid YAML in " + what + ": special characters are not allowed",
          "remove the control character here; YAML allows only printable text");
      return null;
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
      diagnostics.error(
          mark == null ? SourcePosition.file(path).withLineColumn(lineOffset + 1, 1) : ctx.at(mark),
          Code.YAML_SYNTAX,
          "invalid YAML in " + what + ": " + oneLine(problem),
          hintFor(problem));
      return null;
    } catch (RuntimeException e) {
      // SnakeYAML lets some malformed scalars and limits escape as plain runtime exceptions.
      diagnostics.error(
          SourcePosition.file(path).withLineColumn(lineOffset + 1, 1),
          Code.YAML_SYNTAX,
          "invalid YAML in " + what + ": " + oneLine(String.valueOf(e.getMessage())),
          hintFor(e.getMessage()));
      return null;
    } catch (StackOverflowError e) {
      diagnostics.error(
          SourcePosition.file(path).withLineColumn(lineOffset + 1, 1),
          Code.YAML_SYNTAX,
          "the " + what + " is nested too deeply",
          "flatten the YAML structure");
      return null;
    }
    if (root == null) return YamlMap.empty(ctx, lineOffset);
    if (!(root instanceof MappingNode map)) {
      diagnostics.error(
          ctx.at(root.getStartMark()),
          Code.YAML_NOT_MAPPING,
          "the " + what + " must be a mapping of keys to values, not a " + YamlMap.kind(root),
          "write it as `key: value` lines, e.g. `title: My article`");
      return null;
    }
    return new YamlMap(map, ctx);
  }

  private static String oneLine(String s) {
    String t = s.replaceAll("\\s+", " ").trim();
    return t.length() > 160 ? t.substring(0, 157) + "..." : t;
  }

  private static String hintFor(String message) {
    if (message == null) return "check the YAML syntax";
    String problem = message.toLowerCase(Locale.ROOT);
    if (problem.contains("found duplicate key")) return "remove or rename one of the two keys";
    if (problem.contains("tag")) return "YAML tags (`!!type`, `!name`) are not allowed";
    if (problem.contains("aliases")) return "use fewer YAML aliases (`*name`)";
    if (problem.contains("nesting") || problem.contains("depth"))
      return "flatten the YAML structure";
    if (problem.contains("code points") || problem.contains("exceeds the limit"))
      return "front-matter is limited to "
          + CODE_POINT_LIMIT
          + " characters; move data to content/_data/";
    if (problem.contains("mapping values are not allowed"))
      return "quote text that contains `: `, e.g. title: \"Sky ECC: a timeline\"";
    if (problem.contains("tab")) return "indent YAML with spaces, not tabs";
    return "check quotes, brackets and indentation around this point";
  }
}
