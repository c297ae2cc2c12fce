package dev.sourced.migrate;

import static dev.sourced.migrate.MigrationReport.at;

import dev.sourced.diag.Code;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Places a Jekyll site's files in a sourced site, as Jekyll itself sorts them: a file that starts
 * with front-matter is processed (a Markdown one becomes a page; any other, such as a Liquid layout
 * page or Sass, is reported), a file without is copied to {@code static/} at the same address.
 * Posts ({@code _posts/YYYY-MM-DD-slug.md}, also inside category folders) go to {@code
 * content/posts/} with the date and slug of their names; drafts ({@code _drafts/}) become drafts;
 * collections with {@code output: true} go to {@code content/NAME/}; {@code _data/} goes to {@code
 * data/}. Each page keeps the address Jekyll gave it ({@link JekyllPermalinks}): an old {@code
 * .html} address becomes an alias of the new one.
 */
final class JekyllPlanner {
  private JekyllPlanner() {}

  private static final Pattern POST = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})-(.+)");

  /** Files and folders Jekyll never publishes (its default {@code exclude} and its own files). */
  private static final Set<String> EXCLUDED =
      Set.of(
          "_site",
          "Gemfile",
          "Gemfile.lock",
          "node_modules",
          "vendor",
          "gemfiles",
          "_config.yml",
          "_config.yaml",
          "_config.toml");

  static ImportPlan plan(Path src, MigrationReport report) throws IOException {
    ImportPlan plan = new ImportPlan(true);
    Map<String, FrontMatter.Entry> config = Map.of();
    String configPath = null;
    for (String name : List.of("_config.yml", "_config.yaml", "_config.toml")) {
      if (configPath == null && Files.isRegularFile(src.resolve(name))) configPath = name;
    }
    if (configPath != null) {
      String text = SourceFiles.text(src.resolve(configPath));
      if (text != null) {
        report.source(configPath, text);
        config = FrontMatterReader.config(configPath, text, report);
      }
      ConfigMapper.map(
          configPath,
          config,
          true,
          Set.of("permalink", "collections", "exclude", "include"),
          plan,
          report);
    }
    plan.config.putIfAbsent("title", src.toAbsolutePath().normalize().getFileName().toString());
    JekyllPermalinks permalinks =
        new JekyllPermalinks(ConfigMapper.text(ConfigMapper.get(config, "permalink")));
    Map<String, String> collections = collections(ConfigMapper.get(config, "collections"));
    Set<String> excluded = new HashSet<>(EXCLUDED);
    FrontMatterMapper.words(ConfigMapper.get(config, "exclude"), false).forEach(excluded::add);

    List<Placed> pages = new ArrayList<>();
    Set<String> reported = new HashSet<>();
    for (String f : SourceFiles.list(src, src)) {
      if (excludedPath(f, excluded)) continue;
      String[] parts = f.split("/");
      String underscore = null;
      for (int i = 0; i < parts.length - 1; i++) {
        if (parts[i].startsWith("_")) {
          underscore = parts[i];
          break;
        }
      }
      if (parts[parts.length - 1].startsWith("_") && underscore == null) continue;
      if (underscore == null) {
        other(src, f, plan, pages, report);
      } else if (underscore.equals("_posts") || underscore.equals("_drafts")) {
        if (ImportPlan.isMarkdown(f)) pages.add(post(src, f, underscore, report));
        else copyOrReport(src, f, plan, report);
      } else if (underscore.equals("_data") && f.startsWith("_data/")) {
        plan.copy(f, "data/" + f.substring("_data/".length()));
        if (reported.add("_data")) {
          report.folderLeftOut(
              "_data",
              "(copied to data/ as it is; sourced's templates do not read it: shared sources,"
                  + " facts and claims go in content/_data/, see docs/authoring.md)");
        }
      } else if (collections.containsKey(underscore.substring(1))
          && f.startsWith(underscore + "/")) {
        String name = underscore.substring(1);
        if (!"true".equals(collections.get(name))) {
          if (reported.add(underscore))
            notImported(
                underscore, "the collection \"" + name + "\" has no pages (output is off)", report);
        } else if (ImportPlan.isMarkdown(f)) {
          String text = SourceFiles.text(src.resolve(f));
          if (text != null) {
            report.source(f, text);
            pages.add(
                new Placed(
                    f,
                    ImportPlan.stem(f.substring(underscore.length() + 1)),
                    name,
                    text,
                    FrontMatterReader.read(f, text, report),
                    null,
                    false,
                    false));
          }
        } else {
          copyOrReport(src, f, plan, report);
        }
      } else if (reported.add(underscore)) {
        notImported(
            underscore,
            "(Jekyll templates, includes, styles or plugins: sourced has its own, see"
                + " docs/templates.md)",
            report);
      }
    }
    Set<String> sections = new HashSet<>();
    for (Placed p : pages) {
      String name = p.path().substring(p.path().lastIndexOf('/') + 1);
      if (!name.equals("index")) sections.add(folderOf(p));
    }
    for (Placed p : pages) place(p, permalinks, sections, plan, report);
    return plan;
  }

  /** A page before its address is known: where it was, what its place there implies. */
  record Placed(
      String source,
      String path,
      String collection,
      String text,
      FrontMatter fm,
      String date,
      boolean draft,
      boolean post) {}

  private static Placed post(Path src, String f, String underscore, MigrationReport report)
      throws IOException {
    String text = SourceFiles.text(src.resolve(f));
    if (text == null) text = "";
    report.source(f, text);
    FrontMatter fm = FrontMatterReader.read(f, text, report);
    int at = f.indexOf(underscore + "/");
    String categoryFolder = at == 0 ? "" : f.substring(0, at - 1);
    String inside = f.substring(at + underscore.length() + 1);
    String folder = inside.contains("/") ? inside.substring(0, inside.lastIndexOf('/') + 1) : "";
    String name = ImportPlan.stem(inside.substring(folder.length()));
    Matcher m = POST.matcher(name);
    String date = null;
    if (m.matches()) {
      date = m.group(1) + "-" + m.group(2) + "-" + m.group(3);
      if (FrontMatterMapper.parseDate(date) == null) date = null;
      name = m.group(4);
    } else if (underscore.equals("_posts")) {
      report.warning(
          at(f, 1, 1),
          Code.POST_NAME,
          "a post's file name should start with its date (YYYY-MM-DD-title.md); Jekyll skips this one",
          "rename it in the source site, then import again");
    }
    String path = HugoPlanner.join(categoryFolder, folder + name);
    return new Placed(f, path, "posts", text, fm, date, underscore.equals("_drafts"), true);
  }

  private static void other(
      Path src, String f, ImportPlan plan, List<Placed> pages, MigrationReport report)
      throws IOException {
    String text = ImportPlan.isMarkdown(f) ? SourceFiles.text(src.resolve(f)) : null;
    if (text != null && FrontMatterReader.fence(text, 0, "---")) {
      report.source(f, text);
      pages.add(
          new Placed(
              f,
              ImportPlan.stem(f),
              null,
              text,
              FrontMatterReader.read(f, text, report),
              null,
              false,
              false));
      return;
    }
    copyOrReport(src, f, plan, report);
  }

  /** A file without front-matter is copied as Jekyll copies it; one with it is a Liquid page. */
  private static void copyOrReport(Path src, String f, ImportPlan plan, MigrationReport report)
      throws IOException {
    byte[] head = new byte[4];
    int n;
    try (var in = Files.newInputStream(src.resolve(f))) {
      n = in.readNBytes(head, 0, 4);
    }
    String start = new String(head, 0, n, StandardCharsets.ISO_8859_1);
    if (start.startsWith("---\n") || start.startsWith("---\r") || start.equals("---")) {
      report.warning(
          at(f, 1, 1),
          Code.NOT_IMPORTED,
          "a Liquid page (." + ImportPlan.extension(f) + " with front-matter) is not imported",
          "sourced writes its own home page, lists, feeds and styles: see docs/templates.md");
      return;
    }
    plan.copy(f, "static/" + f);
    plan.targets.file(f, f);
  }

  private static void notImported(String path, String message, MigrationReport report) {
    report.folderLeftOut(path, message);
  }

  private static void place(
      Placed p,
      JekyllPermalinks permalinks,
      Set<String> sections,
      ImportPlan plan,
      MigrationReport report) {
    FrontMatter fm = p.fm();
    String oldUrl = permalinks.url(p, report);
    String stem = p.path().substring(p.path().lastIndexOf('/') + 1);
    String folder = p.path().contains("/") ? p.path().substring(0, p.path().lastIndexOf('/')) : "";
    String base = p.collection() == null ? "" : p.collection();
    String folderAddress = Addresses.path(HugoPlanner.join(base, folder));
    boolean index = stem.equals("index");
    // A folder's index.md is the folder's page: a section's (_index.md) where pages sit beside it.
    boolean section = folderAddress.isEmpty() || sections.contains(folderOf(p));
    String fileName = !index ? Addresses.part(stem) + ".md" : section ? "_index.md" : "index.md";
    String natural =
        index
            ? (folderAddress.isEmpty() ? "" : folderAddress + "/")
            : HugoPlanner.join(folderAddress, Addresses.part(stem)) + "/";
    String trimmed = oldUrl.replaceAll("(index)?\\.html?$", "");
    String address = Addresses.path(trimmed);
    address = address.isEmpty() ? "" : address + "/";
    List<String> aliases = new ArrayList<>();
    if (!trimmed.equals(oldUrl) && !oldUrl.endsWith("index.html")) aliases.add(oldUrl);
    if (!plan.claim(address, p.source(), report)) {
      address = address.isEmpty() ? "home-2/" : address.replaceAll("/$", "") + "-2/";
      plan.claim(address, p.source(), report);
    }
    String target = plan.uniqueTarget("content/" + HugoPlanner.join(folderAddress, fileName));
    if (!target.endsWith("/" + fileName) && !target.equals("content/" + fileName)) {
      natural = target.substring("content/".length(), target.length() - 3) + "/";
    }
    if (!target.equals(p.source())) report.renamed(p.source(), target);
    SourcePage page =
        new SourcePage(
            p.source(), target, address, natural, p.text(), fm, p.date(), p.draft(), aliases);
    plan.pages.add(page);
    plan.targets.page(p.source(), address);
    plan.targets.newFile(p.source(), target);
    int posts = p.source().indexOf("_posts/");
    if (p.post() && posts >= 0) {
      plan.targets.post(ImportPlan.stem(p.source().substring(posts + "_posts/".length())), address);
    }
  }

  private static String folderOf(Placed p) {
    String base = p.collection() == null ? "" : p.collection();
    String folder = p.path().contains("/") ? p.path().substring(0, p.path().lastIndexOf('/')) : "";
    return HugoPlanner.join(base, folder);
  }

  /** Collection name to whether it is published ("true"), from {@code collections:}. */
  private static Map<String, String> collections(Object v) {
    Map<String, String> out = new TreeMap<>();
    if (v instanceof List<?> l) {
      for (Object o : l) out.put(String.valueOf(o), "false");
    } else if (v instanceof Map<?, ?> m) {
      for (var e : m.entrySet()) {
        Object output = e.getValue() instanceof Map<?, ?> c ? c.get("output") : null;
        out.put(String.valueOf(e.getKey()), FrontMatterMapper.truth(output) ? "true" : "false");
      }
    }
    out.put("posts", "true");
    return out;
  }

  private static boolean excludedPath(String f, Set<String> excluded) {
    for (String e : excluded) {
      String x = e.replaceAll("/+$", "");
      if (f.equals(x) || f.startsWith(x + "/")) return true;
    }
    return false;
  }
}
