package dev.sourced.migrate;

import java.util.List;

/**
 * One content file of the source site and where it goes: its path there ({@code source}, relative
 * to the source site's root, as the report names it), its path in the new site ({@code target}),
 * its address there ({@code "posts/a/"}, {@code ""} for the home page) and what its place in the
 * old site implied: a date and slug from a Jekyll post's file name, a draft from {@code _drafts/},
 * the old address as a redirect where the new one differs.
 */
record SourcePage(
    String source,
    String target,
    String address,
    String naturalAddress,
    String text,
    FrontMatter frontMatter,
    String impliedDate,
    boolean impliedDraft,
    List<String> impliedAliases) {

  /** The address without its closing slash, as {@code slug:} takes it. */
  String slug() {
    return address.endsWith("/") ? address.substring(0, address.length() - 1) : address;
  }

  /** The folder of the source file inside the site ("" at the root). */
  String sourceFolder() {
    int slash = source.lastIndexOf('/');
    return slash < 0 ? "" : source.substring(0, slash);
  }
}
