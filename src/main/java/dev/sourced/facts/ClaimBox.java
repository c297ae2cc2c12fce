package dev.sourced.facts;

import org.commonmark.node.CustomBlock;

/** {@code {{claim:ID}}} alone in a paragraph: the claim with its verdict. */
public class ClaimBox extends CustomBlock {
  private final String id;

  public ClaimBox(String id) {
    this.id = id;
  }

  public String getId() {
    return id;
  }
}
