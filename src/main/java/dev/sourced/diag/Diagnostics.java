package dev.sourced.diag;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem of a build, so that one run reports all of a site's errors instead of the
 * first. Stages add to it and go on; the build decides at the end whether to write. Safe to share
 * between threads.
 */
public final class Diagnostics {
  private final List<Diagnostic> items = new ArrayList<>();

  /** Lines about the run as a whole, not about a place in the site (see {@link #note}). */
  private final List<String> notes = new ArrayList<>();

  /** A collection holding these diagnostics. */
  public static Diagnostics of(List<Diagnostic> list) {
    Diagnostics d = new Diagnostics();
    d.items.addAll(list);
    return d;
  }

  public synchronized void add(Diagnostic d) {
    items.add(d);
  }

  public void error(SourcePosition at, Code code, String message, String hint) {
    add(Diagnostic.error(at, code, message, hint));
  }

  public void warning(SourcePosition at, Code code, String message, String hint) {
    add(Diagnostic.warning(at, code, message, hint));
  }

  public synchronized void addAll(Diagnostics other) {
    items.addAll(other.sorted());
    for (String n : other.notes()) if (!notes.contains(n)) notes.add(n);
  }

  /**
   * A line about the run as a whole, printed after the diagnostics as {@code note: ...}: for
   * example that some checks wait until the errors are fixed. Notes never fail a build and are
   * given once however often they are added.
   */
  public synchronized void note(String text) {
    if (!notes.contains(text)) notes.add(text);
  }

  public synchronized List<String> notes() {
    return List.copyOf(notes);
  }

  /** Every diagnostic, sorted by position; warnings promoted to errors when {@code strict}. */
  public synchronized List<Diagnostic> sorted(boolean strict) {
    List<Diagnostic> out = new ArrayList<>(items.size());
    for (Diagnostic d : items) out.add(strict ? d.asError() : d);
    out.sort(null);
    return out;
  }

  public List<Diagnostic> sorted() {
    return sorted(false);
  }

  /** Every diagnostic as added (unsorted): cheap to keep per file. */
  public synchronized List<Diagnostic> list() {
    return List.copyOf(items);
  }

  public synchronized void addAll(List<Diagnostic> list) {
    items.addAll(list);
  }

  public synchronized boolean isEmpty() {
    return items.isEmpty();
  }

  public synchronized boolean hasErrors() {
    return items.stream().anyMatch(Diagnostic::isError);
  }

  public synchronized int errorCount(boolean strict) {
    return (int) items.stream().filter(d -> strict || d.isError()).count();
  }

  public synchronized int warningCount(boolean strict) {
    return strict ? 0 : (int) items.stream().filter(d -> !d.isError()).count();
  }
}
