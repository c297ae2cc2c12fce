package dev.sourced.facts;

import org.commonmark.node.CustomBlock;

/**
 * {@code {{glance:ID}}}, {@code {{timeline:ID}}}, {@code {{compare:ID}}} or {@code {{unknowns:ID}}}
 * alone in a paragraph: one of the article's explainer pieces, placed here.
 */
public class ExplainerBlock extends CustomBlock {
  private final String kind;
  private final String id;

  public ExplainerBlock(String kind, String id) {
    this.kind = kind;
    this.id = id;
  }

  /** The directive word: glance, timeline, compare or unknowns. */
  public String getKind() {
    return kind;
  }

  public String getId() {
    return id;
  }
}
