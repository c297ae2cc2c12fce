package dev.sourced.pipeline;

import dev.sourced.config.SiteConfig;
import dev.sourced.diag.Diagnostics;
import dev.sourced.load.ArticleFile;
import dev.sourced.load.ContentLoader;
import dev.sourced.load.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The text of a source file by its site-relative path, for a build that found nothing changed since
 * the last one (see {@link dev.sourced.cache.LastBuild}) and shows that build's diagnostics again:
 * each file is read when a diagnostic's line is shown, as the load stage reads it.
 */
final class LastBuildTexts implements Function<String, String> {
  private final Path source;
  private final Map<String, String> read = new HashMap<>();

  LastBuildTexts(Path source) {
    this.source = source;
  }

  @Override
  public synchronized String apply(String path) {
    return read.computeIfAbsent(path, this::text);
  }

  private String text(String path) {
    try {
      if (isArticle(path)) {
        // Read as the load stage reads it (only its place matters for that).
        ArticleFile f = new ArticleFile(path, source.resolve(path), "", List.of());
        SourceFile s = ContentLoader.read(f, new Diagnostics());
        return s == null ? null : s.text();
      }
      // The files whose lines a build shows besides articles: sourced.yaml and the data files.
      boolean data = path.startsWith(ContentLoader.CONTENT + "/" + ContentLoader.DATA + "/");
      if (!data && !path.equals(SiteConfig.FILE_NAME)) return null;
      Path p = source.resolve(path).normalize();
      if (!p.startsWith(source.normalize()) || !Files.isRegularFile(p)) return null;
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static boolean isArticle(String p) {
    return p.startsWith(ContentLoader.CONTENT + "/")
        && ContentLoader.isMarkdown(p)
        && !p.startsWith(ContentLoader.CONTENT + "/" + ContentLoader.DATA + "/");
  }
}
