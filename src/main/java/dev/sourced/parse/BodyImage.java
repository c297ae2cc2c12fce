package dev.sourced.parse;

import dev.sourced.diag.SourcePosition;

/**
 * An image in an article's body.
 *
 * @param name the bundle file it names, or null for an address elsewhere
 * @param hasAlt whether the Markdown gives alternative text ({@code ![text](...)})
 */
public record BodyImage(String name, boolean hasAlt, SourcePosition at) {}
