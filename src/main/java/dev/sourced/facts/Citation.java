package dev.sourced.facts;

import java.util.List;
import org.commonmark.node.CustomNode;

/** {@code [@A]} or {@code [@A; @B]}: numbered citations of sources, in the order written. */
public class Citation extends CustomNode {
  private final List<String> sourceIds;

  public Citation(List<String> sourceIds) {
    this.sourceIds = List.copyOf(sourceIds);
  }

  public List<String> getSourceIds() {
    return sourceIds;
  }
}
