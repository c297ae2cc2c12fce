package dev.sourced.facts;

import org.commonmark.node.CustomNode;

/**
 * {@code {{nosource:TEXT}}}: a figure the author marks as needing no source (a page count, a model
 * number), so the "figure without a fact" check leaves it alone. Renders as its text.
 */
public class UnsourcedFigure extends CustomNode {
  private final String text;

  public UnsourcedFigure(String text) {
    this.text = text;
  }

  public String getText() {
    return text;
  }
}
