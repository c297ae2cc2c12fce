package dev.sourced.migrate;

import dev.sourced.concurrent.Workers;
import dev.sourced.write.SiteWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a Hugo or Jekyll site into a sourced site: plans every file first (see {@link HugoPlanner},
 * {@link JekyllPlanner}), then writes the pages with their front-matter mapped ({@link
 * FrontMatterMapper}) and their shortcodes or Liquid tags converted ({@link HugoShortcodes}, {@link
 * LiquidTags}), copies the other files, and saves the migration report as {@code MIGRATION.txt}.
 *
 * <p>The source site is only read. The new site is written to a fresh folder beside the destination
 * and moved into place at the end, so a failed import leaves nothing half-written. Nothing in the
 * output depends on the run (no dates, no absolute paths, files in sorted order): importing twice
 * writes the same bytes.
 */
public final class SiteImporter {
  private SiteImporter() {}

  /** The generators whose sites can be imported. */
  public enum Generator {
    HUGO,
    JEKYLL
  }

  /** What an import wrote. */
  public record Result(MigrationReport report, int pages, int files) {}

  public static final String REPORT = "MIGRATION.txt";

  /**
   * Imports {@code src} into {@code dest}, which must not exist or be empty, unless {@code replace}
   * is set and it holds an earlier import (a {@value #REPORT}).
   */
  public static Result run(Generator generator, Path src, Path dest, boolean replace)
      throws IOException {
    if (!Files.isDirectory(src)) throw new IOException(src + " is not a folder");
    Path s = src.toRealPath();
    Path d = dest.toAbsolutePath().normalize();
    if (Files.exists(d)) d = d.toRealPath();
    if (d.startsWith(s) || s.startsWith(d)) {
      throw new IOException("the new site must be outside the source site, not in " + dest);
    }
    boolean exists = Files.exists(d, LinkOption.NOFOLLOW_LINKS);
    if (exists && !empty(d)) {
      if (!replace || !Files.isRegularFile(d.resolve(REPORT))) {
        throw new IOException(
            dest
                + " is not empty; choose a new folder"
                + (Files.isRegularFile(d.resolve(REPORT))
                    ? " (or --force to replace this earlier import)"
                    : ""));
      }
    }
    MigrationReport report = new MigrationReport();
    ImportPlan plan =
        generator == Generator.HUGO ? HugoPlanner.plan(s, report) : JekyllPlanner.plan(s, report);

    Files.createDirectories(d.getParent());
    Path work = Files.createTempDirectory(d.getParent(), "." + d.getFileName() + ".import-");
    try {
      write(work.resolve("sourced.yaml"), YamlWriter.mapping(plan.config));
      // Pages are converted and written on all cores; each writes only its own file.
      Workers.map(
          plan.pages.size(),
          i -> {
            SourcePage page = plan.pages.get(i);
            try {
              write(work.resolve(page.target()), convert(page, plan, report));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            return page;
          });
      for (ImportPlan.Copy c : plan.copies) {
        Path target = work.resolve(c.target());
        Files.createDirectories(target.getParent());
        Files.copy(s.resolve(c.source()), target, StandardCopyOption.COPY_ATTRIBUTES);
      }
      String header =
          "sourced import "
              + generator.name().toLowerCase(Locale.ROOT)
              + ": "
              + plan.pages.size()
              + " pages, "
              + plan.copies.size()
              + " files copied, "
              + report.diagnostics().size()
              + " to finish by hand (paths as in the source site)\n\n";
      write(work.resolve(REPORT), header + report.format(false));
      if (exists) SiteWriter.deleteTree(d);
      Files.move(work, d, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      if (Files.exists(work)) SiteWriter.deleteTree(work);
    }
    return new Result(report, plan.pages.size(), plan.copies.size());
  }

  static String convert(SourcePage page, ImportPlan plan, MigrationReport report) {
    Map<String, Object> fm = FrontMatterMapper.map(page, plan.jekyll, report);
    BodyContext cx = new BodyContext(page, plan.targets, report);
    String body = plan.jekyll ? LiquidTags.convert(cx) : HugoShortcodes.convert(cx);
    body = LiteralTags.escape(body, cx.literals);
    body = MarkdownLinks.convert(cx, body);
    body = body.replace("\r\n", "\n");
    return "---\n" + YamlWriter.mapping(fm) + "---\n" + body;
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static boolean empty(Path dir) throws IOException {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(dir + " exists and is not a folder");
    }
    try (var s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }
}
