package dev.sourced.parse;

import dev.sourced.facts.BodyHtml;
import dev.sourced.load.ArticleFile;
import dev.sourced.model.FrontMatter;
import java.util.List;

/**
 * An article after parsing: typed front-matter, the body as HTML with markers for what needs the
 * resolved site, the slug that decides its address, and what one walk of the body found (ID uses,
 * links and heading ids, with file positions). Neither the Markdown tree nor the file's text is
 * kept: memory holds the site's index and one HTML string per page.
 *
 * @param path the file, relative to the site root
 * @param bundleFiles the files beside a bundle's index.md, copied next to the page
 * @param slugAt where the address comes from: the {@code slug:} value, or the file's start
 * @param rejected declarations of this file that were reported as invalid, as {@code kind:ID}
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
    dev.sourced.diag.SourcePosition slugAt,
    java.util.Set<String> rejected,
    String language,
    String translationKey) {}
