package dev.sourced.load;

import java.nio.file.Path;
import java.util.List;

/**
 * What the loader found in a site folder, in a stable order (sorted by path): the settings and data
 * files read, the articles found (each is read by the parse stage, see {@link ContentLoader#read}),
 * and the files of {@code static/}.
 *
 * @param configText the text of sourced.yaml, or null when missing or unreadable
 * @param configFound whether sourced.yaml exists (unreadable ones are reported by the loader)
 * @param templatesDir the site's templates folder, or null when the site uses the default theme
 * @param messageFiles the site's message files, {@code i18n/LANG.yaml}, which override the theme's
 *     words (whole text in {@code frontMatter})
 */
public record LoadedSite(
    Path root,
    String configText,
    boolean configFound,
    List<ArticleFile> articles,
    List<SourceFile> dataFiles,
    Path templatesDir,
    List<SourceFile> messageFiles,
    List<StaticFile> staticFiles) {}
