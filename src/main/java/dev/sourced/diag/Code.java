package dev.sourced.diag;

import java.util.HashMap;
import java.util.Map;

/**
 * Every diagnostic code, each carrying the kebab-case text printed in {@code error[CODE]} and
 * documented under its own heading in {@code docs/diagnostics.md}, the reference (a test checks
 * that the two lists are the same). Adding a code is one line here and one section there.
 */
public enum Code {
  MISSING_CONFIG("missing-config"),
  NO_CONTENT("no-content"),
  UNTERMINATED_FRONT_MATTER("unterminated-front-matter"),
  BAD_ENCODING("bad-encoding"),
  FILE_TOO_LARGE("file-too-large"),
  UNREADABLE("unreadable"),
  STRAY_FILE("stray-file"),
  SYMLINK_ESCAPE("symlink-escape"),
  SYMLINK_BROKEN("symlink-broken"),
  SYMLINK_FOLDER("symlink-folder"),
  YAML_SYNTAX("yaml-syntax"),
  YAML_NOT_MAPPING("yaml-not-mapping"),
  YAML_KEY("yaml-key"),
  DUPLICATE_KEY("duplicate-key"),
  UNKNOWN_KEY("unknown-key"),
  MISSING_FIELD("missing-field"),
  WRONG_TYPE("wrong-type"),
  BAD_DATE("bad-date"),
  BAD_CONFIG("bad-config"),
  BAD_TAG("bad-tag"),
  BAD_SLUG("bad-slug"),
  BAD_ID("bad-id"),
  BAD_URL("bad-url"),
  BAD_VALUE("bad-value"),
  VALUE_AND_VALUES("value-and-values"),
  USE_OUT_OF_RANGE("use-out-of-range"),
  FACT_UNSOURCED("fact-unsourced"),
  UNDISPUTED_CONFLICT("undisputed-conflict"),
  DISPUTED_WITHOUT_NOTE("disputed-without-note"),
  BAD_VERDICT("bad-verdict"),
  CLAIM_UNSOURCED("claim-unsourced"),
  DUPLICATE_ID("duplicate-id"),
  UNKNOWN_CLAIM("unknown-claim"),
  RESERVED_SLUG("reserved-slug"),
  DUPLICATE_ADDRESS("duplicate-address"),
  UNKNOWN_SOURCE("unknown-source"),
  UNKNOWN_FACT("unknown-fact"),
  UNKNOWN_DIRECTIVE("unknown-directive"),
  BOX_NOT_ALONE("box-not-alone"),
  BROKEN_LINK("broken-link"),
  UNUSED_SOURCE("unused-source"),
  UNUSED_FACT("unused-fact"),
  UNUSED_CLAIM("unused-claim"),
  STALE_FACT("stale-fact"),
  NO_SOURCES("no-sources"),
  FIGURE_WITHOUT_FACT("figure-without-fact"),
  TEMPLATE_SYNTAX("template-syntax"),
  TEMPLATE_ERROR("template-error"),
  BAD_FILE_NAME("bad-file-name"),
  ACTIVE_FILE("active-file"),
  TOO_DEEP("too-deep"),
  TEMPLATE_RECURSION("template-recursion"),
  TEMPLATE_MISSING("template-missing"),
  TEMPLATE_UNREADABLE("template-unreadable"),
  BAD_OUTPUT("bad-output"),
  DEAD_LINK("dead-link"),
  FAILING_LINK("failing-link"),
  LOOPING_LINK("looping-link"),
  MOVED_LINK("moved-link"),
  MISSING_ARCHIVE("missing-archive"),
  ALIAS_CLASH("alias-clash"),
  BAD_ALIAS("bad-alias"),
  DUPLICATE_ALIAS("duplicate-alias"),
  JSON_SYNTAX("json-syntax"),
  LIQUID_TAG("liquid-tag"),
  MISSING_TITLE("missing-title"),
  SHORTCODE("shortcode"),
  SLUG_CHANGED("slug-changed"),
  STATIC_CLASH("static-clash"),
  TOML_SYNTAX("toml-syntax"),
  // sourced import (positions in the source site)
  BAD_FRONT_MATTER("bad-front-matter"),
  NOT_UTF8("not-utf8"),
  UNCONVERTED_SHORTCODE("unconverted-shortcode"),
  UNCONVERTED_LIQUID("unconverted-liquid"),
  UNRESOLVED_REF("unresolved-ref"),
  UNMAPPED_KEY("unmapped-key"),
  UNMAPPED_CONFIG("unmapped-config"),
  NOT_IMPORTED("not-imported"),
  ADDRESS_CLASH("address-clash"),
  POST_NAME("post-name"),
  PERMALINK("permalink"),
  LOCALE_FALLBACK("locale-fallback"),
  // images
  BAD_IMAGE("bad-image"),
  IMAGE_PROVENANCE("image-provenance"),
  IMAGE_TOO_LARGE("image-too-large"),
  MISSING_ALT("missing-alt"),
  UNCREDITED_IMAGE("uncredited-image"),
  UNKNOWN_IMAGE("unknown-image"),
  // explainer pieces
  ITEM_UNSOURCED("item-unsourced"),
  UNKNOWN_EXPLAINER("unknown-explainer"),
  UNUSED_EXPLAINER("unused-explainer"),
  // languages and message files
  MISSING_TRANSLATION("missing-translation"),
  BAD_MESSAGE("bad-message"),
  UNKNOWN_MESSAGE("unknown-message"),
  UNTRANSLATED_THEME("untranslated-theme");

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
