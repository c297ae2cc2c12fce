package dev.sourced.migrate;

import static dev.sourced.migrate.MigrationReport.at;

import dev.sourced.concurrent.Workers;
import dev.sourced.diag.Code;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Places a Hugo site's files in a sourced site. The config is the first of {@code hugo.toml},
 * {@code hugo.yaml}, {@code hugo.json}, {@code config.toml}, ... (also under {@code
 * config/_default/}). Under {@code content/}: a Markdown file is a page at its folder's address
 * plus its own name, a leaf bundle ({@code index.md} with its images) stays one folder, a section's
 * {@code _index.md} stays the section's page, and any other file goes to {@code static/} at the
 * same address (as Hugo publishes a section's files). {@code static/} is copied as it is, {@code
 * data/} to {@code data/}. Names are made addresses by {@link Addresses}; {@code slug:} and {@code
 * url:} give the address as Hugo gives it ({@code slug} replaces the last part, {@code url} the
 * whole).
 */
final class HugoPlanner {
  private HugoPlanner() {}

  private static final List<String> CONFIGS =
      List.of(
          "hugo.toml",
          "hugo.yaml",
          "hugo.yml",
          "hugo.json",
          "config.toml",
          "config.yaml",
          "config.yml",
          "config.json");

  /** Folders of a Hugo site that hold templates and build inputs sourced has no use for. */
  private static final List<String> NOT_IMPORTED =
      List.of("layouts", "themes", "assets", "i18n", "archetypes");

  static ImportPlan plan(Path src, MigrationReport report) throws IOException {
    ImportPlan plan = new ImportPlan(false);
    Map<String, FrontMatter.Entry> config = Map.of();
    String configPath = null;
    for (String prefix : List.of("", "config/_default/")) {
      for (String name : CONFIGS) {
        if (configPath == null && Files.isRegularFile(src.resolve(prefix + name))) {
          configPath = prefix + name;
        }
      }
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
          false,
          Set.of("contentdir", "staticdir", "datadir", "theme", "permalinks"),
          plan,
          report);
    } else {
      report.note(
          "No Hugo config (hugo.toml, config.toml, ...) was found: sourced.yaml takes the"
              + " folder's name as the title.");
    }
    plan.config.putIfAbsent("title", src.toAbsolutePath().normalize().getFileName().toString());
    String contentDir = folder(config, "contentDir", "content");
    String dataDir = folder(config, "dataDir", "data");
    List<String> staticDirs = new ArrayList<>();
    Object s = ConfigMapper.get(config, "staticDir");
    if (s instanceof List<?> l) l.forEach(o -> staticDirs.add(o.toString()));
    else staticDirs.add(folder(config, "staticDir", "static"));

    for (String dir : NOT_IMPORTED) {
      if (Files.isDirectory(src.resolve(dir))) {
        report.folderLeftOut(
            dir, "(Hugo templates and build inputs: sourced has its own, see docs/templates.md)");
      }
    }
    Object theme = ConfigMapper.get(config, "theme");
    if (theme != null && configPath != null) {
      FrontMatter.Entry at = ConfigMapper.entry(config, "theme");
      report.warning(
          at(configPath, at.line(), at.column()),
          Code.NOT_IMPORTED,
          "the theme \"" + ConfigMapper.text(theme) + "\" is not imported",
          "sourced uses its own templates: see docs/templates.md to restyle the site");
    }

    HugoPermalinks permalinks =
        new HugoPermalinks(configPath, ConfigMapper.entry(config, "permalinks"));
    plan.targets.contentDir(contentDir);
    content(src, contentDir, permalinks, plan, report);
    for (String dir : staticDirs) {
      for (String f : SourceFiles.list(src, src.resolve(dir))) {
        String rel = f.substring(dir.length() + 1);
        plan.copy(f, "static/" + rel);
        plan.targets.file(rel, rel);
      }
    }
    List<String> data = SourceFiles.list(src, src.resolve(dataDir));
    for (String f : data) plan.copy(f, "data/" + f.substring(dataDir.length() + 1));
    if (!data.isEmpty()) {
      report.folderLeftOut(
          dataDir,
          "(copied to data/ as it is; sourced's templates do not read it: shared sources, facts"
              + " and claims go in content/_data/, see docs/authoring.md)");
    }
    return plan;
  }

  private static String folder(Map<String, FrontMatter.Entry> config, String key, String def) {
    String v = ConfigMapper.text(ConfigMapper.get(config, key));
    return v == null ? def : v.replaceAll("^\\./", "").replaceAll("/+$", "");
  }

  private static void content(
      Path src,
      String contentDir,
      HugoPermalinks permalinks,
      ImportPlan plan,
      MigrationReport report)
      throws IOException {
    List<String> files = SourceFiles.list(src, src.resolve(contentDir));
    Set<String> leafBundles = new HashSet<>();
    for (String f : files) {
      String name = f.substring(f.lastIndexOf('/') + 1);
      if (ImportPlan.isMarkdown(name) && ImportPlan.stem(name).equals("index")) {
        leafBundles.add(f.substring(0, f.lastIndexOf('/')));
      }
    }
    Map<String, Read> reads = read(src, files, report);
    for (String f : files) {
      String rel = f.substring(contentDir.length() + 1);
      String folder = rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/')) : "";
      String name = rel.substring(rel.lastIndexOf('/') + 1);
      String bundle = bundleOf(f, leafBundles);
      boolean markdown = ImportPlan.isMarkdown(name);
      if (bundle != null
          && !(markdown
              && ImportPlan.stem(name).equals("index")
              && f.startsWith(bundle + "/index."))) {
        String bundleRel = bundle.substring(contentDir.length()).replaceAll("^/", "");
        String inBundle = f.substring(bundle.length() + 1);
        String target = "content/" + join(Addresses.path(bundleRel), inBundle);
        plan.copy(f, target);
        plan.targets.file(rel, join(Addresses.path(bundleRel), inBundle));
        continue;
      }
      if (!markdown) {
        String ext = ImportPlan.extension(name);
        if (Set.of("html", "htm", "adoc", "asciidoc", "org", "rst", "pandoc", "ipynb")
            .contains(ext)) {
          report.warning(
              at(f, 1, 1),
              Code.NOT_IMPORTED,
              "a ." + ext + " content file is not imported: sourced pages are Markdown",
              "convert it to Markdown and add it under content/");
          continue;
        }
        String target = join(Addresses.path(folder), name);
        plan.copy(f, "static/" + target);
        plan.targets.file(rel, target);
        continue;
      }
      page(src, f, rel, folder, name, permalinks, reads, plan, report);
    }
  }

  private static void page(
      Path src,
      String f,
      String rel,
      String folder,
      String name,
      HugoPermalinks permalinks,
      Map<String, Read> reads,
      ImportPlan plan,
      MigrationReport report)
      throws IOException {
    Read read = reads.get(f);
    String text = read.text();
    if (text == null) {
      report.error(
          at(f, 1, 1), Code.NOT_UTF8, "the file is not UTF-8 text; it is copied as it is", null);
      plan.copy(f, "content/" + rel);
      return;
    }
    FrontMatter fm = read.frontMatter();
    String stem = ImportPlan.stem(name);
    boolean index = stem.equals("index") || stem.equals("_index");
    String folderAddress = Addresses.path(folder);
    String natural =
        index
            ? (folderAddress.isEmpty() ? "" : folderAddress + "/")
            : join(folderAddress, Addresses.part(stem)) + "/";
    String fileName = index ? stem + ".md" : Addresses.part(stem) + ".md";
    String address = natural;
    List<String> aliases = new ArrayList<>();
    String url = ConfigMapper.text(fm.value("url"));
    String slug = ConfigMapper.text(fm.value("slug"));
    String byPermalink = null;
    if (url == null && !stem.equals("_index")) {
      boolean leaf = stem.equals("index");
      String section =
          leaf
              ? (folder.contains("/") ? folder.substring(0, folder.lastIndexOf('/')) : "")
              : folder;
      String own = leaf ? folder.substring(folder.lastIndexOf('/') + 1) : stem;
      byPermalink =
          leaf && folder.isEmpty() ? null : permalinks.address(section, own, fm, f, report);
    }
    if (url != null) {
      String u = url.replaceAll("(index)?\\.html?$", "");
      address = Addresses.path(u);
      address = address.isEmpty() ? "" : address + "/";
      if (!u.equals(url)) aliases.add(url.startsWith("/") ? url : "/" + url);
    } else if (byPermalink != null) {
      address = byPermalink;
    } else if (slug != null && !stem.equals("_index")) {
      String parent = index ? parentOf(folderAddress) : folderAddress;
      address = join(parent, Addresses.path(slug)) + "/";
    }
    if (!plan.claim(address, f, report)) {
      address = address.isEmpty() ? "home-2/" : address.replaceAll("/$", "") + "-2/";
      plan.claim(address, f, report);
    }
    String target = plan.uniqueTarget("content/" + join(folderAddress, fileName));
    if (!target.equals("content/" + join(folderAddress, fileName))) {
      natural = target.substring("content/".length(), target.length() - 3) + "/";
    }
    if (!target.equals(f)) report.renamed(f, target);
    SourcePage page =
        new SourcePage(f, target, address, natural, text, fm, null, false, List.copyOf(aliases));
    plan.pages.add(page);
    plan.targets.page(rel, address);
    plan.targets.newFile(f, target);
  }

  /** A Markdown file's text (null when not UTF-8) and front-matter, read before placing it. */
  record Read(String text, FrontMatter frontMatter) {}

  /** Reads and parses every Markdown file on all cores; placing them stays in path order. */
  private static Map<String, Read> read(Path src, List<String> files, MigrationReport report) {
    List<String> markdown = files.stream().filter(ImportPlan::isMarkdown).toList();
    List<Read> reads =
        Workers.map(
            markdown.size(),
            i -> {
              String f = markdown.get(i);
              try {
                String text = SourceFiles.text(src.resolve(f));
                if (text == null) return new Read(null, null);
                report.source(f, text);
                return new Read(text, FrontMatterReader.read(f, text, report));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    Map<String, Read> out = new HashMap<>();
    for (int i = 0; i < markdown.size(); i++) out.put(markdown.get(i), reads.get(i));
    return out;
  }

  private static String parentOf(String address) {
    int slash = address.lastIndexOf('/');
    return slash < 0 ? "" : address.substring(0, slash);
  }

  private static String bundleOf(String f, Set<String> bundles) {
    String best = null;
    for (int i = f.indexOf('/'); i >= 0; i = f.indexOf('/', i + 1)) {
      String prefix = f.substring(0, i);
      if (bundles.contains(prefix)) {
        best = prefix;
        break;
      }
    }
    return best;
  }

  static String join(String a, String b) {
    if (a.isEmpty()) return b;
    if (b.isEmpty()) return a;
    return a + "/" + b;
  }
}
