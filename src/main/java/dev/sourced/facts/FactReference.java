package dev.sourced.facts;

import org.commonmark.node.CustomNode;

/** {@code {{fact:ID}}} in running text: the fact's value, linked to its box. */
public class FactReference extends CustomNode {
  private final String id;

  public FactReference(String id) {
    this.id = id;
  }

  public String getId() {
    return id;
  }
}
