package dev.sourced.model;

import dev.sourced.diag.SourcePosition;
import java.time.LocalDate;

/**
 * Where one of an article's images comes from, as its {@code images:} front-matter declares it: a
 * picture is a claim like any other, so it names who made it, under what licence, and where it was
 * found (a declared source, or an address). Optional fields are null when absent.
 *
 * @param name the file's name in the bundle, e.g. {@code photos/port.jpg}
 * @param alt the description for those who cannot see it; null when every use gives its own
 * @param decorative an image that carries no information (shown with an empty {@code alt})
 * @param licence the licence as written, e.g. "CC BY 4.0"
 * @param licenceUrl where the licence's text is
 * @param sourceId a declared source the image comes from
 * @param url the address the image was found at
 * @param declaredAt where the entry's key is
 * @param sourceAt where {@code source:} is, for an unknown source ID
 */
public record ImageCredit(
    String name,
    String alt,
    boolean decorative,
    String credit,
    String licence,
    String licenceUrl,
    String sourceId,
    String url,
    LocalDate date,
    String caption,
    SourcePosition declaredAt,
    SourcePosition sourceAt) {}
