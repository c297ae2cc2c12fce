package dev.sourced.links;

import dev.sourced.diag.SourcePosition;

/**
 * One place in a site that names an external address: a source's {@code url} or {@code archive}, or
 * a link in an article's text. The same address may be named in many places; it is asked once and
 * reported at each.
 *
 * @param address the address as written
 * @param at where it is written
 * @param sourceId the source whose field this is; null for a link in text
 */
record LinkTarget(String address, SourcePosition at, Role role, String sourceId) {
  enum Role {
    SOURCE_URL,
    SOURCE_ARCHIVE,
    TEXT
  }

  /** The address as asked: without its fragment, which is never sent to a server. */
  String key() {
    int hash = address.indexOf('#');
    return hash < 0 ? address : address.substring(0, hash);
  }
}
