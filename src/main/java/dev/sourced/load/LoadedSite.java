package dev.sourced.load;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything the build reads from a site folder, in a stable order (sorted by path).
 *
 * @param configText the text of sourced.yaml, or null when missing
 * @param templatesDir the site's templates folder, or null when the site uses the default theme
 */
public record LoadedSite(
    Path root,
    String configText,
    List<ArticleFile> articles,
    List<SourceFile> dataFiles,
    Path templatesDir) {}
