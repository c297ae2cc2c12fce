package dev.sourced.model;

/**
 * How far a fact's sources agree: what a fact box says in its status row, the open-data exports
 * write, and a CSS class names ({@code fact-status-disputed}). Only {@link #DISPUTED} is declared
 * (by an editor, with a note saying why the sources differ); the others follow from the sources.
 */
public enum FactStatus {
  SINGLE_SOURCE("single source"),
  SEVERAL_SOURCES_AGREE("several sources agree"),
  DISPUTED("disputed");

  private final String label;

  FactStatus(String label) {
    this.label = label;
  }

  /**
   * The status as the open-data exports and {@code sourced facts} write it: a stable value, the
   * same in every language ("several sources agree").
   */
  public String label() {
    return label;
  }

  /**
   * The status as a key ("several-sources-agree"): a CSS class suffix, and with {@code
   * fact.status.} in front the message that names it to readers.
   */
  public String key() {
    return label.replace(' ', '-');
  }
}
