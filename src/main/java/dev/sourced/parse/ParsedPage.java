package dev.sourced.parse;

import dev.sourced.diag.SourcePosition;
import dev.sourced.facts.BodyHtml;
import dev.sourced.load.ArticleFile;
import dev.sourced.model.DeclarationKey;
import dev.sourced.model.FrontMatter;
import dev.sourced.yaml.YamlMap;
import java.util.List;
import java.util.Set;

/**
 * An article or page after parsing: typed front-matter, the body as HTML with markers for what
 * needs the resolved site, the slug that decides its address, and what one walk of the body found
 * (ID uses, links and heading ids, with file positions). Neither the Markdown tree nor the file's
 * text is kept: memory holds the site's index and one HTML string per page.
 *
 * @param path the file, relative to the site root
 * @param bundleFiles the files beside a bundle's index.md, copied next to the page
 * @param slug the address without its trailing slash; empty for the home page's own text
 * @param slugAt where the address comes from: the {@code slug:} value, or the file's start
 * @param rejected declarations of this file that were reported as invalid
 * @param section whether this is a section's own page ({@code _index.md}), which lists the
 *     section's articles
 * @param unknownKeys front-matter keys sourced does not know, reported once per key for the site
 * @param aliases the old addresses that redirect to this page
 * @param language the page's language (from its file name, see {@link PageLanguage})
 * @param translationKey what this page and its translations share: the path without the language
 */
public record ParsedPage(
    String path,
    List<ArticleFile.BundleFile> bundleFiles,
    FrontMatter frontMatter,
    BodyHtml body,
    String slug,
    List<BodyUse> uses,
    List<BodyLink> links,
    List<String> headingIds,
    SourcePosition slugAt,
    Set<DeclarationKey> rejected,
    boolean section,
    List<YamlMap.KeyAt> unknownKeys,
    List<Alias> aliases,
    String language,
    String translationKey) {

  /** An old address of the page, as written ({@code /old/path/}), and where. */
  public record Alias(String path, SourcePosition position) {}

  /** The site-relative address: {@code slug/}, or empty for the home page's own text. */
  public String url() {
    return slug.isEmpty() ? "" : slug + "/";
  }

  /** Whether it is an article (it has a date: it is in the feeds and the article lists). */
  public boolean isArticle() {
    return frontMatter.date() != null;
  }

  /** The same page under another title (the home page's own text takes the site's). */
  public ParsedPage withTitle(String title) {
    FrontMatter f = frontMatter;
    return new ParsedPage(
        path,
        bundleFiles,
        new FrontMatter(
            title,
            f.summary(),
            f.date(),
            f.updated(),
            f.authors(),
            f.tags(),
            f.draft(),
            f.slug(),
            f.sources(),
            f.facts(),
            f.claims(),
            f.corrections(),
            f.images(),
            f.explainers()),
        body,
        slug,
        uses,
        links,
        headingIds,
        slugAt,
        rejected,
        section,
        unknownKeys,
        aliases,
        language,
        translationKey);
  }
}
