package dev.sourced.model;

import dev.sourced.diag.SourcePosition;
import java.time.LocalDate;

/**
 * A publication that facts and sentences cite. IDs are global to the site. {@code url}, {@code
 * archive} are already checked to be http(s) links; optional fields are null when absent.
 *
 * @param archived the day the archived copy was made: as declared, or read from a Wayback Machine
 *     address ({@code web.archive.org/web/20210312...}); null when unknown
 * @param urlAt where {@code url} is written (its value), for diagnostics about the address; the
 *     declaration's position when unknown
 * @param archiveAt where {@code archive} is written, likewise
 */
public record Source(
    String id,
    String title,
    String publisher,
    LocalDate date,
    String url,
    LocalDate accessed,
    String archive,
    String language,
    SourcePosition declaredAt,
    LocalDate archived,
    SourcePosition urlAt,
    SourcePosition archiveAt) {

  public Source {
    if (urlAt == null) urlAt = declaredAt;
    if (archiveAt == null) archiveAt = declaredAt;
  }

  /** A source without an archive date or the positions of its addresses. */
  public Source(
      String id,
      String title,
      String publisher,
      LocalDate date,
      String url,
      LocalDate accessed,
      String archive,
      String language,
      SourcePosition declaredAt) {
    this(
        id,
        title,
        publisher,
        date,
        url,
        accessed,
        archive,
        language,
        declaredAt,
        null,
        declaredAt,
        declaredAt);
  }
}
