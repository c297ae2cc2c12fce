package dev.sourced.diag;

import java.util.HashMap;
import java.util.Map;

/**
 * Every diagnostic code, each carrying the kebab-case text printed in {@code error[CODE]} and
 * documented under its own heading in {@code docs/diagnostics.md}, the reference (a test checks
 * that the two lists are the same). Adding a code is one line here and one section there.
 */
public enum Code {
  ACTIVE_FILE("active-file"),
  ALIAS_CLASH("alias-clash"),
  BAD_ALIAS("bad-alias"),
  BAD_CONFIG("bad-config"),
  BAD_DATE("bad-date"),
  BAD_ENCODING("bad-encoding"),
  BAD_FILE_NAME("bad-file-name"),
  BAD_ID("bad-id"),
  BAD_OUTPUT("bad-output"),
  BAD_SLUG("bad-slug"),
  BAD_TAG("bad-tag"),
  BAD_URL("bad-url"),
  BAD_VALUE("bad-value"),
  BAD_VERDICT("bad-verdict"),
  BOX_NOT_ALONE("box-not-alone"),
  BROKEN_LINK("broken-link"),
  CLAIM_UNSOURCED("claim-unsourced"),
  DEAD_LINK("dead-link"),
  DISPUTED_WITHOUT_NOTE("disputed-without-note"),
  DUPLICATE_ADDRESS("duplicate-address"),
  DUPLICATE_ALIAS("duplicate-alias"),
  DUPLICATE_ID("duplicate-id"),
  DUPLICATE_KEY("duplicate-key"),
  FACT_UNSOURCED("fact-unsourced"),
  FAILING_LINK("failing-link"),
  FIGURE_WITHOUT_FACT("figure-without-fact"),
  FILE_TOO_LARGE("file-too-large"),
  JSON_SYNTAX("json-syntax"),
  LIQUID_TAG("liquid-tag"),
  LOOPING_LINK("looping-link"),
  MISSING_ARCHIVE("missing-archive"),
  MISSING_CONFIG("missing-config"),
  MISSING_FIELD("missing-field"),
  MISSING_TITLE("missing-title"),
  MOVED_LINK("moved-link"),
  NO_CONTENT("no-content"),
  NO_SOURCES("no-sources"),
  RESERVED_SLUG("reserved-slug"),
  SHORTCODE("shortcode"),
  SLUG_CHANGED("slug-changed"),
  STALE_FACT("stale-fact"),
  STATIC_CLASH("static-clash"),
  STRAY_FILE("stray-file"),
  SYMLINK_BROKEN("symlink-broken"),
  SYMLINK_ESCAPE("symlink-escape"),
  SYMLINK_FOLDER("symlink-folder"),
  TEMPLATE_ERROR("template-error"),
  TEMPLATE_MISSING("template-missing"),
  TEMPLATE_RECURSION("template-recursion"),
  TEMPLATE_SYNTAX("template-syntax"),
  TEMPLATE_UNREADABLE("template-unreadable"),
  TOML_SYNTAX("toml-syntax"),
  TOO_DEEP("too-deep"),
  UNDISPUTED_CONFLICT("undisputed-conflict"),
  UNKNOWN_CLAIM("unknown-claim"),
  UNKNOWN_DIRECTIVE("unknown-directive"),
  UNKNOWN_FACT("unknown-fact"),
  UNKNOWN_KEY("unknown-key"),
  UNKNOWN_SOURCE("unknown-source"),
  UNREADABLE("unreadable"),
  UNTERMINATED_FRONT_MATTER("unterminated-front-matter"),
  UNUSED_CLAIM("unused-claim"),
  UNUSED_FACT("unused-fact"),
  UNUSED_SOURCE("unused-source"),
  USE_OUT_OF_RANGE("use-out-of-range"),
  VALUE_AND_VALUES("value-and-values"),
  WRONG_TYPE("wrong-type"),
  YAML_KEY("yaml-key"),
  YAML_NOT_MAPPING("yaml-not-mapping"),
  YAML_SYNTAX("yaml-syntax");

  private static final Map<String, Code> BY_TEXT = new HashMap<>();

  static {
    for (Code c : values()) BY_TEXT.put(c.text, c);
  }

  private final String text;

  Code(String text) {
    this.text = text;
  }

  /** The code as printed: {@code unknown-fact}. */
  public String text() {
    return text;
  }

  /** The constant for a printed code, or null when there is none. */
  public static Code of(String text) {
    return BY_TEXT.get(text);
  }

  @Override
  public String toString() {
    return text;
  }
}
