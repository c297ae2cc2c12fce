package dev.sourced.parse;

import dev.sourced.diag.SourcePosition;

/** A link in an article's body: its destination as written, and where it is. */
public record BodyLink(String destination, SourcePosition at) {}
