package dev.sourced.diag;

/** How bad a diagnostic is. Warnings become errors under {@code --strict}. */
public enum Severity {
  WARNING("warning"),
  ERROR("error");

  private final String label;

  Severity(String label) {
    this.label = label;
  }

  /** The word printed in {@code path:line:col: error[CODE] message}. */
  public String label() {
    return label;
  }
}
