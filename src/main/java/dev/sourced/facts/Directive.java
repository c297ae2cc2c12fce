package dev.sourced.facts;

import org.commonmark.node.CustomNode;

/**
 * A {@code {{kind:ID}}} that cannot stand where it was written: a box ({@code factbox}, {@code
 * claim}) inside a sentence, or a kind that does not exist ({@code {{fcat:x}}}). The resolve stage
 * reports it; it renders as its literal text so a page never loses words.
 */
public class Directive extends CustomNode {
  private final String kind;
  private final String id;

  public Directive(String kind, String id) {
    this.kind = kind;
    this.id = id;
  }

  public String getKind() {
    return kind;
  }

  public String getId() {
    return id;
  }

  public String literal() {
    return "{{" + kind + ":" + id + "}}";
  }
}
