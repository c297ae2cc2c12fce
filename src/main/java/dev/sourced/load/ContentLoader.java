package dev.sourced.load;

import dev.sourced.concurrent.Workers;
import dev.sourced.config.ConfigLoader;
import dev.sourced.config.SiteConfig;
import dev.sourced.diag.Code;
import dev.sourced.diag.Diagnostics;
import dev.sourced.diag.SourcePosition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The load stage: finds and reads a site's files. Reads {@code sourced.yaml}, every Markdown page
 * of {@code content/} ({@code .md}, or {@code .markdown} as Jekyll writes it), {@code
 * content/_data/*.yaml}, and lists the files of {@code static/}. A folder whose {@code index.md} is
 * its only Markdown is a bundle, whose other files travel with the page; in any other folder every
 * Markdown file is a page, and {@code _index.md} (or {@code index.md}) is the section's own page.
 * Every page's address comes from its path by the {@link Addresses address rule}. Files are decoded
 * strictly and split into front-matter and body; nothing is parsed here.
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
  public static final String STATIC = "static";

  /** A section's own page (Hugo's branch bundle): its folder's address, its files beside it. */
  public static final String SECTION_INDEX = "_index";

  /** A bundle's page, or a section's when the folder holds other pages. */
  public static final String INDEX = "index";

  /** Whether a file name is a Markdown page: {@code .md}, or {@code .markdown} as Jekyll writes. */
  public static boolean isMarkdown(String name) {
    return name.endsWith(".md") || name.endsWith(".markdown");
  }

  /** A file name without its extension (the whole name when it has none, as a folder's). */
  private static String stem(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }

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

  /**
   * The site's languages, the default first: {@code _index.nl.md} is a section's page and {@code
   * index.en.md} a bundle's only when their suffix is one of them (see {@link #pageStem}).
   */
  private List<String> languages = List.of();

  private ContentLoader(Path root, Diagnostics diagnostics) throws IOException {
    this.root = root;
    this.realRoot = root.toRealPath();
    this.diagnostics = diagnostics;
  }

  public static LoadedSite load(Path siteRoot, Diagnostics diagnostics) throws IOException {
    return new ContentLoader(siteRoot.toAbsolutePath().normalize(), diagnostics).load(true);
  }

  /**
   * As {@link #load}, but without looking for articles (the site's articles are then none): the
   * settings, data files, templates, message files and static files, for a build that knows which
   * articles it needs and finds them with {@link #loadArticles}.
   */
  public static LoadedSite loadWithoutArticles(Path siteRoot, Diagnostics diagnostics)
      throws IOException {
    return new ContentLoader(siteRoot.toAbsolutePath().normalize(), diagnostics).load(false);
  }

  /**
   * Finds some articles by their paths, as {@link #load} finds them (bundle, section or plain page
   * by the same rules, with their bundle files), reading each of their folders once and looking
   * only at what those rules need of it: its other files, its section and index pages, not its
   * other articles. An article not found is left out.
   *
   * @param relPaths the articles' paths relative to the site, e.g. {@code content/a.md}
   * @param languages the site's languages, the default first
   */
  public static List<ArticleFile> loadArticles(
      Path siteRoot, Collection<String> relPaths, List<String> languages) throws IOException {
    Path root = siteRoot.toAbsolutePath().normalize();
    ContentLoader quiet = new ContentLoader(root, new Diagnostics());
    quiet.languages = languages;
    Map<Path, Set<Path>> byFolder = new TreeMap<>();
    for (String rel : relPaths) {
      Path file = root.resolve(rel).normalize();
      if (!file.startsWith(root.resolve(CONTENT))) continue;
      byFolder.computeIfAbsent(file.getParent(), k -> new HashSet<>()).add(file);
    }
    Set<String> wanted = new HashSet<>(relPaths);
    List<ArticleFile> found = new ArrayList<>();
    for (var e : byFolder.entrySet()) {
      // The folder's entries but its other pages, put in order once picked (a folder of 10,000
      // pages took tens of milliseconds to sort whole, for the few it gives).
      List<Path> entries = new ArrayList<>();
      try (var s = Files.newDirectoryStream(e.getKey())) {
        for (Path p : s) {
          String name = p.getFileName().toString();
          if (!isMarkdown(name)
              || e.getValue().contains(p)
              || (name.startsWith(SECTION_INDEX) && quiet.pageStem(name).equals(SECTION_INDEX))
              || (name.startsWith(INDEX) && quiet.pageStem(name).equals(INDEX))) {
            entries.add(p);
          }
        }
      } catch (IOException | java.nio.file.DirectoryIteratorException x) {
        continue;
      }
      entries.sort(null);
      List<ArticleFile> here = new ArrayList<>();
      quiet.readFolder(e.getKey(), entries, root.resolve(CONTENT), here);
      for (ArticleFile a : here) if (wanted.contains(a.path())) found.add(a);
    }
    found.sort(Comparator.comparing(ArticleFile::path));
    return found;
  }

  /**
   * A Markdown file's name without its extension and without a language suffix that the site lists
   * ({@code _index.nl.md} is {@code _index} on a site in Dutch), as {@link
   * dev.sourced.parse.PageLanguage} reads it: so that a translated section page or bundle page is
   * found by the same rule as the page it translates.
   */
  private String pageStem(String name) {
    String stem = stem(name);
    int dot = stem.lastIndexOf('.');
    if (dot > 0 && languages.contains(stem.substring(dot + 1).toLowerCase(Locale.ROOT))) {
      return stem.substring(0, dot);
    }
    return stem;
  }

  /**
   * Finds one article again (the preview server's rebuild of a saved file), with its bundle files
   * when it is a bundle's {@code index.md} or a section's page. Null when it is a link that leads
   * out of the site or nowhere (reported).
   *
   * @param relPath the article's path relative to the site, e.g. {@code content/a.md}
   * @param languages the site's languages, the default first
   */
  public static ArticleFile loadArticle(
      Path siteRoot, String relPath, List<String> languages, Diagnostics diagnostics)
      throws IOException {
    Path root = siteRoot.toAbsolutePath().normalize();
    Path file = root.resolve(relPath).normalize();
    // The folder is read again as a whole (its other files were reported by the full load), so
    // that the page is a bundle, a section or a plain page by the same rule.
    ContentLoader quiet = new ContentLoader(root, new Diagnostics());
    quiet.languages = languages;
    List<ArticleFile> found = new ArrayList<>();
    quiet.readFolder(file.getParent(), root.resolve(CONTENT), found);
    for (ArticleFile a : found) if (a.path().equals(relPath)) return a;
    new ContentLoader(root, diagnostics).checkLink(file);
    return null;
  }

  /**
   * Reads and splits an article found by {@link #load} or {@link #loadArticle}; null when it cannot
   * be read (reported). Safe to call from several threads.
   */
  public static SourceFile read(ArticleFile article, Diagnostics diagnostics) {
    String text = readText(article.file(), article.path(), diagnostics);
    return text == null ? null : FrontMatterSplitter.split(article.path(), text, diagnostics);
  }

  /**
   * The bytes of an article, for a caller that keys its work by them (the build cache), or null
   * when the file is too large or cannot be read: {@link #read} then reports why.
   */
  public static byte[] bytes(ArticleFile article) {
    try {
      if (Files.size(article.file()) > MAX_FILE_BYTES) return null;
      return Files.readAllBytes(article.file());
    } catch (IOException e) {
      return null;
    }
  }

  /** Decodes and splits an article's bytes read by {@link #bytes}, as {@link #read} would. */
  public static SourceFile read(ArticleFile article, byte[] bytes, Diagnostics diagnostics) {
    if (bytes.length > MAX_FILE_BYTES) return read(article, diagnostics);
    String text = checkedText(bytes, article.path(), diagnostics);
    return text == null ? null : FrontMatterSplitter.split(article.path(), text, diagnostics);
  }

  private LoadedSite load(boolean withArticles) throws IOException {
    Path configFile = root.resolve(SiteConfig.FILE_NAME);
    String configText = null;
    boolean configFound = Files.exists(configFile, LinkOption.NOFOLLOW_LINKS);
    Path configTarget = configFound ? checkLink(configFile) : null;
    if (configTarget != null && Files.isRegularFile(configTarget)) {
      configText = readText(configTarget, SiteConfig.FILE_NAME, diagnostics);
    }
    // Only the languages are needed here; the settings' problems are reported where they are
    // parsed for the build.
    if (configText != null)
      languages = ConfigLoader.parse(configText, new Diagnostics()).languages();
    List<ArticleFile> articles = new ArrayList<>();
    List<SourceFile> data = new ArrayList<>();
    Path content = root.resolve(CONTENT);
    if (Files.isSymbolicLink(content)) {
      checkLink(content);
    } else if (Files.isDirectory(content, LinkOption.NOFOLLOW_LINKS)) {
      if (withArticles) {
        walk(content, articles, data);
      } else if (Files.isDirectory(content.resolve(DATA), LinkOption.NOFOLLOW_LINKS)) {
        data.addAll(visit(content.resolve(DATA), content).data());
      }
    } else if (configText != null) {
      diagnostics.warning(
          SourcePosition.file(CONTENT),
          Code.NO_CONTENT,
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
    List<StaticFile> statics = new ArrayList<>();
    Path staticDir = root.resolve(STATIC);
    if (Files.isSymbolicLink(staticDir)) checkLink(staticDir);
    else if (Files.isDirectory(staticDir, LinkOption.NOFOLLOW_LINKS))
      staticTree(staticDir, "", statics);
    statics.sort(Comparator.comparing(StaticFile::path));
    return new LoadedSite(
        root,
        configText,
        configFound,
        List.copyOf(articles),
        List.copyOf(data),
        Files.isDirectory(templates, LinkOption.NOFOLLOW_LINKS) ? templates : null,
        List.copyOf(messages),
        List.copyOf(statics));
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
            Code.STRAY_FILE,
            "i18n/ holds only message files named LANG.yaml; this one is skipped",
            "name it after its language, e.g. i18n/nl.yaml");
        continue;
      }
      String text = readText(target, rel(p), diagnostics);
      if (text != null) out.add(new SourceFile(rel(p), text, text, 1, "", 1));
    }
  }

  /**
   * Reads content/ a level of folders at a time, the folders of each level on all cores (what a
   * folder holds is known only once it is read: a bundle's sub-folders are not content). The order
   * of the articles found does not matter: the caller sorts them.
   */
  private void walk(Path content, List<ArticleFile> articles, List<SourceFile> data) {
    List<Path> level = List.of(content);
    while (!level.isEmpty()) {
      List<Path> folders = level;
      List<Visit> visits = Workers.map(folders.size(), i -> visit(folders.get(i), content));
      List<Path> next = new ArrayList<>();
      for (Visit v : visits) {
        articles.addAll(v.articles());
        data.addAll(v.data());
        next.addAll(v.folders());
      }
      level = next;
    }
  }

  /** What one folder of content/ gave: its pages, its data files, the folders to read next. */
  private record Visit(List<ArticleFile> articles, List<SourceFile> data, List<Path> folders) {}

  /**
   * Reads one folder of content/: hidden folders are skipped, {@code _data/} holds data files, and
   * any other folder's pages are read by {@link #readFolder}; its sub-folders (not links) are read
   * next unless it is a bundle. A folder that cannot be listed is reported.
   */
  private Visit visit(Path dir, Path content) {
    List<Path> entries;
    try (var s = Files.list(dir)) {
      entries = s.sorted().toList();
    } catch (IOException | UncheckedIOException e) {
      IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
      diagnostics.error(
          SourcePosition.file(rel(dir)),
          Code.UNREADABLE,
          "cannot read: " + cause.getMessage(),
          "check the file's permissions");
      return new Visit(List.of(), List.of(), List.of());
    }
    String name = dir.getFileName().toString();
    if (!dir.equals(content) && name.startsWith(".")) {
      return new Visit(List.of(), List.of(), List.of());
    }
    if (dir.equals(content.resolve(DATA))) {
      List<SourceFile> data = new ArrayList<>();
      readData(entries, data);
      return new Visit(List.of(), data, List.of());
    }
    List<ArticleFile> articles = new ArrayList<>();
    // A bundle's sub-folders (images/, data/) belong to its page, not to other articles.
    if (readFolder(dir, entries, content, articles))
      return new Visit(articles, List.of(), List.of());
    List<Path> folders = new ArrayList<>();
    for (Path p : entries) if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) folders.add(p);
    return new Visit(articles, List.of(), folders);
  }

  /**
   * Reads the pages directly in one folder. A folder whose {@code index.md} is its only Markdown
   * (in sub-folders too) is a bundle: one page, whose other files, in sub-folders too, travel with
   * it. Otherwise every Markdown file is a page, and {@code _index.md} (or {@code index.md}) is the
   * section's own page, at the folder's address, with the folder's other files beside it. Returns
   * whether it was a bundle (its sub-folders are then not walked as content).
   */
  private boolean readFolder(Path dir, Path content, List<ArticleFile> articles) {
    return readFolder(dir, list(dir), content, articles);
  }

  /** As {@link #readFolder(Path, Path, List)}, with the folder's entries, sorted, read already. */
  private boolean readFolder(
      Path dir, List<Path> entries, Path content, List<ArticleFile> articles) {
    Path sectionPage = null;
    Path indexPage = null;
    for (Path p : entries) {
      String name = p.getFileName().toString();
      if (!isMarkdown(name)) continue;
      if (pageStem(name).equals(SECTION_INDEX) && sectionPage == null) sectionPage = p;
      if (pageStem(name).equals(INDEX) && indexPage == null) indexPage = p;
    }
    boolean bundle =
        !dir.equals(content)
            && sectionPage == null
            && indexPage != null
            && !holdsOtherMarkdown(dir);
    Path owner = sectionPage != null ? sectionPage : indexPage;
    String under = rel(dir).substring(CONTENT.length());
    String folder = under.isEmpty() ? "" : Addresses.path(under.substring(1));
    List<ArticleFile.BundleFile> bundleFiles = new ArrayList<>();
    for (Path p : entries) {
      String name = p.getFileName().toString();
      if (name.startsWith(".") || !nameReadable(p)) continue;
      Path target = checkLink(p);
      if (target == null || Files.isDirectory(target)) continue;
      if (isMarkdown(name)) {
        boolean own = pageStem(name).equals(SECTION_INDEX) || pageStem(name).equals(INDEX);
        String slug;
        if (bundle || own) slug = folder;
        else
          slug =
              folder.isEmpty()
                  ? Addresses.segment(stem(name))
                  : folder + "/" + Addresses.segment(stem(name));
        articles.add(new ArticleFile(rel(p), target, slug, bundleFiles, !bundle && own));
      } else if (owner != null) {
        if (portableName(p, name)) bundleFiles.add(new ArticleFile.BundleFile(target, name));
      } else {
        diagnostics.warning(
            SourcePosition.file(rel(p)),
            Code.STRAY_FILE,
            "this file is not part of any page and is not copied",
            "put it in static/ to publish it as it is, or beside a page written as a folder:"
                + " content/<slug>/index.md");
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
   * Whether a folder holds Markdown besides {@code index} and its translations ({@code
   * index.nl.md}), directly or in its sub-folders.
   */
  private boolean holdsOtherMarkdown(Path dir) {
    try (var walk = Files.walk(dir)) {
      return walk.anyMatch(
          p ->
              !(p.getParent().equals(dir) && pageStem(p.getFileName().toString()).equals(INDEX))
                  && isMarkdown(p.getFileName().toString())
                  && root.relativize(p).toString().indexOf("/.") < 0
                  && !p.getFileName().toString().startsWith("."));
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  /** The files of static/, named relative to it; version-control folders are left out. */
  private void staticTree(Path dir, String prefix, List<StaticFile> out) {
    for (Path p : list(dir)) {
      String name = p.getFileName().toString();
      if (name.equals(".git") || name.equals(".svn") || name.equals(".hg")) continue;
      if (name.equals(".DS_Store") || name.equals("Thumbs.db") || !nameReadable(p)) continue;
      Path target = checkLink(p);
      if (target == null) continue;
      if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        staticTree(p, prefix + name + "/", out);
      } else if (portableName(p, name)) {
        out.add(new StaticFile(prefix + name, target));
      }
    }
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
    } catch (InvalidPathException e) {
      diagnostics.error(
          SourcePosition.file(rel(p.getParent()) + "/" + p.getFileName()),
          Code.UNREADABLE,
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
            Code.BAD_FILE_NAME,
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
      } else if (portableName(p, name)) {
        out.add(new ArticleFile.BundleFile(target, prefix + "/" + name));
      }
    }
  }

  private void readData(List<Path> entries, List<SourceFile> data) {
    for (Path p : entries) {
      String name = p.getFileName().toString();
      if (name.startsWith(".")) continue;
      Path target = checkLink(p);
      if (target == null || Files.isDirectory(target)) continue;
      if (!(name.endsWith(".yaml") || name.endsWith(".yml"))) {
        diagnostics.warning(
            SourcePosition.file(rel(p)),
            Code.STRAY_FILE,
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
            Code.SYMLINK_ESCAPE,
            "this symbolic link points outside the site (" + real + ")",
            "copy the file into the site instead of linking to it");
        return null;
      }
      if (Files.isDirectory(real)) {
        diagnostics.warning(
            SourcePosition.file(rel(p)),
            Code.SYMLINK_FOLDER,
            "linked folders are not followed",
            "move the folder into content/ instead");
        return null;
      }
      return real;
    } catch (IOException e) {
      diagnostics.error(
          SourcePosition.file(rel(p)),
          Code.SYMLINK_BROKEN,
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
            Code.FILE_TOO_LARGE,
            "the file is " + size + " bytes; the limit is " + MAX_FILE_BYTES,
            "split it into several articles");
        return null;
      }
      return checkedText(Files.readAllBytes(file), relPath, diagnostics);
    } catch (IOException e) {
      diagnostics.error(
          SourcePosition.file(relPath),
          Code.UNREADABLE,
          "cannot read the file: " + e.getMessage(),
          "check the file's permissions");
      return null;
    }
  }

  private static String checkedText(byte[] bytes, String relPath, Diagnostics diagnostics) {
    String text = TextDecoder.decode(bytes, relPath, diagnostics);
    // A text shorter than the limit cannot have more lines than it: most files skip the count.
    if (text != null && text.length() >= MAX_LINES && lines(text) > MAX_LINES) {
      diagnostics.error(
          SourcePosition.file(relPath),
          Code.FILE_TOO_LARGE,
          "the file has " + lines(text) + " lines; the limit is " + MAX_LINES,
          "split it into several articles");
      return null;
    }
    return text;
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
