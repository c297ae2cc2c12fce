package dev.sourced.pipeline;

import dev.sourced.diag.Diagnostics;
import dev.sourced.load.ArticleFile;
import dev.sourced.load.ContentLoader;
import dev.sourced.load.SourceFile;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The text of a source file by its site-relative path, for showing the line a diagnostic points at.
 * Settings and data files are kept as read; articles are read again when asked for (a build does
 * not keep every article's text, and only files with a diagnostic are ever asked for). The last
 * article read is kept, as diagnostics come sorted by file.
 */
final class SourceTexts implements Function<String, String> {
  private final Map<String, String> kept = new HashMap<>();
  private final Map<String, ArticleFile> articles = new HashMap<>();
  private String lastPath;
  private String lastText;

  void put(String path, String text) {
    kept.put(path, text);
  }

  void article(ArticleFile file) {
    articles.put(file.path(), file);
  }

  @Override
  public synchronized String apply(String path) {
    String text = kept.get(path);
    if (text != null) return text;
    ArticleFile file = articles.get(path);
    if (file == null) return null;
    if (!path.equals(lastPath)) {
      SourceFile read = ContentLoader.read(file, new Diagnostics());
      lastPath = path;
      lastText = read == null ? null : read.text();
    }
    return lastText;
  }
}
