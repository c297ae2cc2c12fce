package dev.sourced.model;

import dev.sourced.diag.SourcePosition;
import java.time.LocalDate;

/**
 * A publication that facts and sentences cite. IDs are global to the site. {@code url}, {@code
 * archive} are already checked to be http(s) links; optional fields are null when absent. {@code
 * title} is null for a source known to have none (declared {@code untitled: true}): pages then say
 * it is untitled, and never make one up from its address. Such a source always has a publisher.
 */
public record Source(
    String id,
    String title,
    String publisher,
    PartialDate date,
    String url,
    LocalDate accessed,
    String archive,
    String language,
    SourcePosition declaredAt) {

  public boolean isUntitled() {
    return title == null;
  }
}
