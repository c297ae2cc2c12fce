package dev.sourced.model;

import dev.sourced.diag.SourcePosition;
import java.time.LocalDate;

/**
 * A publication that facts and sentences cite. IDs are global to the site. {@code url}, {@code
 * archive} are already checked to be http(s) links; optional fields are null when absent.
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
    SourcePosition declaredAt) {}
