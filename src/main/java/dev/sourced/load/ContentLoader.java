package dev.sourced.load;

import dev.sourced.config.SiteConfig;
import dev.sourced.diag.Diagnostics;
import dev.sourced.diag.SourcePosition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The load stage: finds and reads a site's files. Reads {@code sourced.yaml}, every {@code
 * content/**}{@code /*.md} (a folder's {@code index.md} makes a bundle whose other files travel
 * with the page), and {@code content/_data/*.yaml}. Files are decoded strictly and split into
 * front-matter and body; nothing is parsed here.
 *
 * <p>Symbolic links are never followed out of the site: a link to a file inside the site is read, a
 * link that leads outside is an error, and linked folders are not entered (so link loops cannot
 * happen). Hidden files and folders (starting with a dot) are skipped.
 */
public final class ContentLoader {
  public static final String CONTENT = "content";
  public static final String DATA = "_data";
  public static final String TEMPLATES = "templates";
  public static final String MESSAGES = "i18n";

  /** Largest file read, so a stray huge file cannot exhaust memory. */
  static final long MAX_FILE_BYTES = 16L << 20;

  /** Most lines in one file: far above any article, and it keeps parsing time bounded. */
  static final int MAX_LINES = 50_000;

  private static int lines(String text) {
    int n = 1;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
    return n;
  }

  private final Path root;
  private final Path realRoot;
  private final Diagnostics diagnostics;

  private ContentLoader(Path root, Diagnostics diagnostics) throws IOException {
    this.root = root;
    this.realRoot = root.toRealPath();
    this.diagnostics = diagnostics;
  }

  public static LoadedSite load(Path siteRoot, Diagnostics diagnostics) throws IOException {
    return new ContentLoader(siteRoot.toAbsolutePath().normalize(), diagnostics).load();
  }

  /**
   * Finds one article again (the preview server's rebuild of a saved file), with its bundle files
   * when it is a folder's {@code index.md}. Null when it is a link that leads out of the site or
   * nowhere (reported).
   *
   * @param relPath the article's path relative to the site, e.g. {@code content/a.md}
   */
  public static ArticleFile loadArticle(Path siteRoot, String relPath, Diagnostics diagnostics)
      throws IOException {
    ContentLoader loader = new ContentLoader(siteRoot.toAbsolutePath().normalize(), diagnostics);
    Path file = loader.root.resolve(relPath).normalize();
    Path content = loader.root.resolve(CONTENT);
    Path dir = file.getParent();
    boolean bundle = file.getFileName().toString().equals("index.md") && !dir.equals(content);
    Path target = loader.checkLink(file);
    if (target == null) return null;
    List<ArticleFile.BundleFile> bundleFiles = new ArrayList<>();
    if (bundle) {
      for (Path p : loader.list(dir)) {
        String name = p.getFileName().toString();
        if (name.startsWith(".") || name.endsWith(".md")) continue;
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          loader.bundleTree(p, name, bundleFiles);
          continue;
        }
        Path t = loader.checkLink(p);
        if (t != null && !Files.isDirectory(t))
          bundleFiles.add(new ArticleFile.BundleFile(t, name));
      }
      bundleFiles.sort(Comparator.comparing(ArticleFile.BundleFile::relativeName));
    }
    String slug = bundle ? loader.rel(dir) : relPath.substring(0, relPath.length() - 3);
    return new ArticleFile(
        relPath, target, slug.substring(CONTENT.length() + 1), List.copyOf(bundleFiles));
  }

  /**
   * Reads and splits an article found by {@link #load} or {@link #loadArticle}; null when it cannot
   * be read (reported). Safe to call from several threads.
   */
  public static SourceFile read(ArticleFile article, Diagnostics diagnostics) {
    String text = readText(article.file(), article.path(), diagnostics);
    return text == null ? null : FrontMatterSplitter.split(article.path(), text, diagnostics);
  }

  private LoadedSite load() throws IOException {
    Path configFile = root.resolve(SiteConfig.FILE_NAME);
    String configText = null;
    boolean configFound = Files.exists(configFile, LinkOption.NOFOLLOW_LINKS);
    Path configTarget = configFound ? checkLink(configFile) : null;
    if (configTarget != null && Files.isRegularFile(configTarget)) {
      configText = readText(configTarget, SiteConfig.FILE_NAME, diagnostics);
    }
    List<ArticleFile> articles = new ArrayList<>();
    List<SourceFile> data = new ArrayList<>();
    Path content = root.resolve(CONTENT);
    if (Files.isSymbolicLink(content)) {
      checkLink(content);
    } else if (Files.isDirectory(content, LinkOption.NOFOLLOW_LINKS)) {
      walk(content, articles, data);
    } else if (configText != null) {
      diagnostics.warning(
          SourcePosition.file(CONTENT),
          "no-content",
          "the site has no content/ folder, so it has no articles",
          "write articles as content/<slug>.md");
    }
    articles.sort(Comparator.comparing(ArticleFile::path));
    data.sort(Comparator.comparing(SourceFile::path));
    Path templates = root.resolve(TEMPLATES);
    if (Files.isSymbolicLink(templates)) checkLink(templates);
    else if (Files.isDirectory(templates, LinkOption.NOFOLLOW_LINKS)) checkTemplateLinks(templates);
    List<SourceFile> messages = new ArrayList<>();
    Path i18n = root.resolve(MESSAGES);
    if (Files.isSymbolicLink(i18n)) checkLink(i18n);
    else if (Files.isDirectory(i18n, LinkOption.NOFOLLOW_LINKS)) readMessages(i18n, messages);
    return new LoadedSite(
        root,
        configText,
        configFound,
        List.copyOf(articles),
        List.copyOf(data),
        Files.isDirectory(templates, LinkOption.NOFOLLOW_LINKS) ? templates : null,
        List.copyOf(messages));
  }

  /** {@code i18n/LANG.yaml}: the site's words for the theme, one file per language. */
  private void readMessages(Path dir, List<SourceFile> out) {
    for (Path p : list(dir)) {
      String name = p.getFileName().toString();
      if (name.startsWith(".")) continue;
      Path target = checkLink(p);
      if (target == null || Files.isDirectory(target)) continue;
      if (!name.endsWith(".yaml")) {
        diagnostics.warning(
            SourcePosition.file(rel(p)),
            "stray-file",
            "i18n/ holds only message files named LANG.yaml; this one is skipped",
            "name it after its language, e.g. i18n/nl.yaml");
        continue;
      }
      String text = readText(target, rel(p), diagnostics);
      if (text != null) out.add(new SourceFile(rel(p), text, text, 1, "", 1));
    }
  }

  private void walk(Path content, List<ArticleFile> articles, List<SourceFile> data)
      throws IOException {
    Files.walkFileTree(
        content,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            String name = dir.getFileName().toString();
            if (!dir.equals(content) && name.startsWith(".")) return FileVisitResult.SKIP_SUBTREE;
            if (dir.equals(content.resolve(DATA))) {
              readData(dir, data);
              return FileVisitResult.SKIP_SUBTREE;
            }
            // A bundle's sub-folders (images/, data/) belong to its page, not to other articles.
            boolean bundle = readFolder(dir, content, articles);
            return bundle ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException exc) {
            diagnostics.error(
                SourcePosition.file(rel(file)),
                "unreadable",
                "cannot read: " + exc.getMessage(),
                "check the file's permissions");
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /**
   * Reads the articles directly in one folder; a folder with index.md is a bundle, whose other
   * files (in sub-folders too) travel with its page. Returns whether it was a bundle.
   */
  private boolean readFolder(Path dir, Path content, List<ArticleFile> articles) {
    List<Path> entries = list(dir);
    Path index = dir.resolve("index.md");
    boolean bundle = !dir.equals(content) && entries.contains(index);
    List<ArticleFile.BundleFile> bundleFiles = new ArrayList<>();
    for (Path p : entries) {
      String name = p.getFileName().toString();
      if (name.startsWith(".") || !nameReadable(p)) continue;
      Path target = checkLink(p);
      if (target == null || Files.isDirectory(target)) continue;
      if (name.endsWith(".md")) {
        if (bundle && !p.equals(index)) {
          diagnostics.warning(
              SourcePosition.file(rel(p)),
              "bundle-markdown",
              "a bundle folder (with index.md) holds only one article; this file is skipped",
              "move it out of " + rel(dir) + "/ or merge it into index.md");
          continue;
        }
        String slug = bundle ? rel(dir) : rel(p).substring(0, rel(p).length() - 3);
        slug = slug.substring(CONTENT.length() + 1);
        articles.add(new ArticleFile(rel(p), target, slug, bundleFiles));
      } else if (bundle) {
        if (portableName(p, name)) bundleFiles.add(new ArticleFile.BundleFile(target, name));
      } else {
        diagnostics.warning(
            SourcePosition.file(rel(p)),
            "stray-file",
            "this file is not part of any article and is not copied",
            "put images beside an article written as a folder: content/<slug>/index.md");
      }
    }
    if (bundle) {
      for (Path p : entries) {
        if (!p.getFileName().toString().startsWith(".")
            && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          bundleTree(p, p.getFileName().toString(), bundleFiles);
        }
      }
    }
    bundleFiles.sort(Comparator.comparing(ArticleFile.BundleFile::relativeName));
    return bundle;
  }

  /**
   * Whether Java can open a file by this name: under a locale whose charset cannot spell it ({@code
   * LANG=C} with "café.png"), it cannot, and saying so beats a crash.
   */
  private boolean nameReadable(Path p) {
    try {
      // Converting the name back to the platform's bytes is what fails (Files.exists would
      // quietly answer false), so do it on purpose.
      p.toFile().toPath();
      return true;
    } catch (java.nio.file.InvalidPathException e) {
      diagnostics.error(
          SourcePosition.file(rel(p.getParent()) + "/" + p.getFileName()),
          "unreadable",
          "this file's name cannot be read under the current locale ("
              + System.getProperty("sun.jnu.encoding")
              + ")",
          "run with a UTF-8 locale, e.g. LC_ALL=C.UTF-8 (./sourced sets one itself)");
      return false;
    }
  }

  /**
   * Whether a bundle file's name can be an address on every system: no backslash, no characters
   * Windows or URLs cannot carry, no control characters (reported when not).
   */
  private boolean portableName(Path p, String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c == 0x7f || "\\:*?\"<>|#%".indexOf(c) >= 0) {
        diagnostics.error(
            SourcePosition.file(rel(p.getParent()) + "/" + name),
            "bad-file-name",
            "this file's name cannot be part of an address (it holds \""
                + (c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c))
                + "\")",
            "rename it with letters, digits, - _ and . only");
        return false;
      }
    }
    return true;
  }

  /** The files of a bundle's sub-folder, named relative to the bundle. */
  private void bundleTree(Path dir, String prefix, List<ArticleFile.BundleFile> out) {
    for (Path p : list(dir)) {
      String name = p.getFileName().toString();
      if (name.startsWith(".") || !nameReadable(p)) continue;
      Path target = checkLink(p);
      if (target == null) continue;
      if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        bundleTree(p, prefix + "/" + name, out);
      } else if (name.endsWith(".md")) {
        diagnostics.warning(
            SourcePosition.file(rel(p)),
            "bundle-markdown",
            "a bundle folder (with index.md) holds only one article; this file is skipped",
            "move it out of " + rel(dir) + "/ or merge it into index.md");
      } else if (portableName(p, name)) {
        out.add(new ArticleFile.BundleFile(target, prefix + "/" + name));
      }
    }
  }

  private void readData(Path dir, List<SourceFile> data) {
    for (Path p : list(dir)) {
      String name = p.getFileName().toString();
      if (name.startsWith(".")) continue;
      Path target = checkLink(p);
      if (target == null || Files.isDirectory(target)) continue;
      if (!(name.endsWith(".yaml") || name.endsWith(".yml"))) {
        diagnostics.warning(
            SourcePosition.file(rel(p)),
            "stray-file",
            "content/_data/ holds only .yaml files; this one is skipped",
            "rename it to .yaml if it holds sources, facts or claims");
        continue;
      }
      String text = readText(target, rel(p), diagnostics);
      if (text != null) data.add(new SourceFile(rel(p), text, text, 1, "", 1));
    }
  }

  /** Reports every symbolic link in templates/ that leads out of the site (links are not read). */
  private void checkTemplateLinks(Path templates) throws IOException {
    try (var walk = Files.walk(templates)) {
      for (Path p : walk.filter(Files::isSymbolicLink).sorted().toList()) checkLink(p);
    }
  }

  /** The file to read for {@code p}, or null when it is a link that must not be followed. */
  private Path checkLink(Path p) {
    if (!Files.isSymbolicLink(p)) return p;
    try {
      Path real = p.toRealPath();
      if (!real.startsWith(realRoot)) {
        diagnostics.error(
            SourcePosition.file(rel(p)),
            "symlink-escape",
            "this symbolic link points outside the site (" + real + ")",
            "copy the file into the site instead of linking to it");
        return null;
      }
      if (Files.isDirectory(real)) {
        diagnostics.warning(
            SourcePosition.file(rel(p)),
            "symlink-folder",
            "linked folders are not followed",
            "move the folder into content/ instead");
        return null;
      }
      return real;
    } catch (IOException e) {
      diagnostics.error(
          SourcePosition.file(rel(p)),
          "symlink-broken",
          "this symbolic link leads nowhere or into a loop",
          "remove the link or fix its target");
      return null;
    }
  }

  private static String readText(Path file, String relPath, Diagnostics diagnostics) {
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        diagnostics.error(
            SourcePosition.file(relPath),
            "file-too-large",
            "the file is " + size + " bytes; the limit is " + MAX_FILE_BYTES,
            "split it into several articles");
        return null;
      }
      String text = TextDecoder.decode(Files.readAllBytes(file), relPath, diagnostics);
      // A text shorter than the limit cannot have more lines than it: most files skip the count.
      if (text != null && text.length() >= MAX_LINES && lines(text) > MAX_LINES) {
        diagnostics.error(
            SourcePosition.file(relPath),
            "file-too-large",
            "the file has " + lines(text) + " lines; the limit is " + MAX_LINES,
            "split it into several articles");
        return null;
      }
      return text;
    } catch (IOException e) {
      diagnostics.error(
          SourcePosition.file(relPath),
          "unreadable",
          "cannot read the file: " + e.getMessage(),
          "check the file's permissions");
      return null;
    }
  }

  private List<Path> list(Path dir) {
    try (var s = Files.list(dir)) {
      return s.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String rel(Path p) {
    return root.relativize(p).toString().replace('\\', '/');
  }
}
