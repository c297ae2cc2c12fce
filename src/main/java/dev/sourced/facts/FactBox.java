package dev.sourced.facts;

import org.commonmark.node.CustomBlock;

/** {@code {{factbox:ID}}} alone in a paragraph: the fact's whole box. */
public class FactBox extends CustomBlock {
  private final String id;

  public FactBox(String id) {
    this.id = id;
  }

  public String getId() {
    return id;
  }
}
