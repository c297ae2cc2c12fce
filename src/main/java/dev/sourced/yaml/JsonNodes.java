package dev.sourced.yaml;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.sourced.diag.Code;
import dev.sourced.diag.Diagnostics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads JSON front-matter (a page that starts with {@code {}) with Jackson's streaming parser into
 * the same node tree that YAML gives, so that {@link YamlMap} types it and reports every problem
 * exactly as it does for YAML. Jackson reads strict JSON (SnakeYAML, a YAML 1.1 reader, refuses
 * some of it) and gives the offset of every token, which becomes each node's mark. Strings become
 * quoted scalars; numbers, booleans and {@code null} plain ones, as YAML would hold them.
 *
 * <p>A syntax error becomes a {@code json-syntax} diagnostic at Jackson's position.
 */
public final class JsonNodes {
  /** One factory for every thread: Jackson factories are thread-safe once configured. */
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(24)
                  .maxStringLength(SafeYaml.CODE_POINT_LIMIT)
                  .maxNumberLength(100)
                  .build())
          .build();

  private JsonNodes() {}

  /**
   * Parses the JSON object that is the front-matter of {@code path}.
   *
   * @param lineOffset how many lines of the file come before the JSON text
   * @return the object as a mapping, or null after reporting why there is none
   */
  public static YamlMap readMapping(
      String json, String path, int lineOffset, Diagnostics diagnostics, String what) {
    YamlContext ctx = new YamlContext(path, lineOffset, diagnostics, json);
    try (JsonParser p = FACTORY.createParser(json)) {
      JsonToken first = p.nextToken();
      if (first != JsonToken.START_OBJECT) {
        diagnostics.error(
            ctx.atIndex(0),
            Code.YAML_NOT_MAPPING,
            "the " + what + " must be a JSON object of keys to values",
            "write it as { \"title\": \"My article\" }");
        return null;
      }
      Node root = new Reader(p, json).value();
      if (p.nextToken() != null) {
        diagnostics.error(
            ctx.atIndex(index(json, p.currentTokenLocation())),
            Code.JSON_SYNTAX,
            "invalid JSON in " + what + ": text after the object",
            "the front-matter is one JSON object; start the text on the line below it");
        return null;
      }
      return new YamlMap((MappingNode) root, ctx);
    } catch (JsonProcessingException e) {
      diagnostics.error(
          ctx.atIndex(index(json, e.getLocation())),
          Code.JSON_SYNTAX,
          "invalid JSON in " + what + ": " + oneLine(e.getOriginalMessage()),
          hintFor(e.getOriginalMessage()));
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The code-point offset of a Jackson location in {@code json} (Jackson counts chars). */
  private static int index(String json, JsonLocation at) {
    if (at == null || at.getCharOffset() < 0) return 0;
    int chars = (int) Math.min(at.getCharOffset(), json.length());
    return json.codePointCount(0, chars);
  }

  private static String oneLine(String s) {
    String t = String.valueOf(s).replaceAll("\\s+", " ").trim();
    int cut = t.indexOf(" at [Source");
    if (cut > 0) t = t.substring(0, cut);
    return t.length() > 160 ? t.substring(0, 157) + "..." : t;
  }

  private static String hintFor(String message) {
    String m = String.valueOf(message).toLowerCase(Locale.ROOT);
    if (m.contains("was expecting double-quote")) return "put every key in double quotes";
    if (m.contains("was expecting comma")) return "separate the entries with commas";
    if (m.contains("trailing comma") || m.contains("unexpected character ('}'"))
      return "remove the comma before the closing brace";
    if (m.contains("nesting depth")) return "flatten the structure";
    return "check quotes, commas and brackets around this point";
  }

  /** Builds nodes from the parser's tokens; the parser stands on a value's first token. */
  private static final class Reader {
    private final JsonParser p;
    private final String json;

    Reader(JsonParser p, String json) {
      this.p = p;
      this.json = json;
    }

    Node value() throws IOException {
      Mark at = mark(p.currentTokenLocation());
      JsonToken t = p.currentToken();
      switch (t) {
        case START_OBJECT -> {
          List<NodeTuple> tuples = new ArrayList<>();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            Node key =
                new ScalarNode(
                    Tag.STR,
                    true,
                    p.currentName(),
                    mark(p.currentTokenLocation()),
                    mark(p.currentTokenLocation()),
                    DumperOptions.ScalarStyle.DOUBLE_QUOTED);
            p.nextToken();
            tuples.add(new NodeTuple(key, value()));
          }
          return new MappingNode(Tag.MAP, true, tuples, at, at, DumperOptions.FlowStyle.FLOW);
        }
        case START_ARRAY -> {
          List<Node> items = new ArrayList<>();
          while (p.nextToken() != JsonToken.END_ARRAY) items.add(value());
          return new SequenceNode(Tag.SEQ, true, items, at, at, DumperOptions.FlowStyle.FLOW);
        }
        case VALUE_STRING -> {
          return new ScalarNode(
              Tag.STR, true, p.getText(), at, at, DumperOptions.ScalarStyle.DOUBLE_QUOTED);
        }
        default -> {
          return new ScalarNode(
              Tag.STR, true, p.getText(), at, at, DumperOptions.ScalarStyle.PLAIN);
        }
      }
    }

    private Mark mark(JsonLocation at) {
      return new Mark("json", index(json, at), 0, 0, new int[0], 0);
    }
  }
}
