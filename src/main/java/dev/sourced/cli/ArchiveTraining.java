package dev.sourced.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * The work the launcher's class-data archive is made from ({@code java -XX:DumpLoadedClassList=LIST
 * dev.sourced.cli.ArchiveTraining DIR}, then {@code java -Xshare:dump -XX:SharedClassListFile=LIST
 * ...}): what users run most, in one process, so that the classes each of them loads are in the
 * archive and a later run maps them instead of reading, checking and linking them from the jars. A
 * class left out costs every run that needs it; the image classes (Java's image I/O and the
 * encoders) alone are some hundreds.
 *
 * <p>In a scratch folder DIR: {@code sourced new}, a page bundle with a PNG and a JPEG image added
 * to it, an article of every kind of Markdown, a build with the cache (the first, cold, then a
 * second that finds it, then one after an edit of an article's prose, then one after an edit of a
 * fact's value), a clean build without it over the site it replaces and one into a new folder, a
 * check; a site in Dutch and English with an explainer's pieces (at a glance, a timeline, a
 * comparison, what is not known, a figure in compact form), built, then built after an edit of its
 * prose and of a fact's value; and {@code sourced import hugo} of a small Hugo site (TOML and YAML
 * front-matter, a section page, a shortcode). Everything it prints is dropped; the exit code is
 * that of the first run that failed, so that a broken training makes no archive.
 */
public final class ArchiveTraining {
  private ArchiveTraining() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: ArchiveTraining DIR (a scratch folder)");
      System.exit(Main.USAGE);
    }
    System.exit(train(Path.of(args[0])));
  }

  static int train(Path dir) throws IOException {
    Path site = dir.resolve("site");
    int code = run("new", site.toString());
    if (code != Main.OK) return code;
    Path bundle = Files.createDirectories(site.resolve("content/pictures"));
    Files.writeString(
        bundle.resolve("index.md"),
        "---\ntitle: Pictures\n---\n\n![A square](square.png)\n\n![A photo](photo.jpg)\n");
    image(bundle.resolve("square.png"), "png");
    image(bundle.resolve("photo.jpg"), "jpeg");
    Files.writeString(site.resolve("content/markup.md"), MARKUP);
    String source = site.toString();
    Path welcome = site.resolve("content/welcome.md");
    for (String[] a :
        new String[][] {
          {"build", "--source", source},
          {"build", "--source", source},
          {"prose"},
          {"build", "--source", source},
          {"fact"},
          {"build", "--source", source},
          {"build", "--source", source, "--no-cache"},
          {"build", "--source", source, "--no-cache", "--output", dir.resolve("out").toString()},
          {"check", "--source", source},
        }) {
      if (a[0].equals("prose")) {
        // An edit of one article's prose, which the next build takes the quick way.
        Files.writeString(
            welcome, "\nOne more sentence.\n", java.nio.file.StandardOpenOption.APPEND);
        continue;
      }
      if (a[0].equals("fact")) {
        // An edit of one fact's value, which the next build takes the quick way too (its pages,
        // and the exports patched).
        String text = Files.readString(welcome);
        if (!text.contains(FACT_VALUE)) {
          throw new IOException("no " + FACT_VALUE + " in welcome.md");
        }
        Files.writeString(welcome, text.replace(FACT_VALUE, "value: 313.5"));
        continue;
      }
      code = run(a);
      if (code != Main.OK) return code;
    }
    // A site in two languages, with the pieces of an explainer, built and edited the same ways.
    Path both = dir.resolve("languages");
    Files.createDirectories(both.resolve("content"));
    Files.writeString(both.resolve("sourced.yaml"), LANGUAGES_CONFIG);
    Files.writeString(both.resolve("content/guide.en.md"), LANGUAGES_EN);
    Files.writeString(both.resolve("content/guide.nl.md"), LANGUAGES_NL);
    String other = both.toString();
    code = run("build", "--source", other);
    if (code != Main.OK) return code;
    Files.writeString(
        both.resolve("content/guide.nl.md"),
        "\nNog een zin.\n",
        java.nio.file.StandardOpenOption.APPEND);
    code = run("build", "--source", other);
    if (code != Main.OK) return code;
    Path guide = both.resolve("content/guide.en.md");
    Files.writeString(guide, Files.readString(guide).replace("value: 2500000", "value: 2600000"));
    code = run("build", "--source", other);
    if (code != Main.OK) return code;
    Path hugo = dir.resolve("hugo");
    Files.createDirectories(hugo.resolve("content/posts"));
    Files.writeString(
        hugo.resolve("hugo.toml"), "baseURL = \"https://example.org/\"\ntitle = \"T\"\n");
    Files.writeString(hugo.resolve("content/posts/_index.md"), "---\ntitle: Posts\n---\nAll.\n");
    Files.writeString(
        hugo.resolve("content/posts/First Post.md"),
        "+++\ntitle = \"First\"\ndate = 2021-03-04T10:00:00Z\ntags = [\"A\"]\n+++\n"
            + "See [the list]({{< ref \"_index.md\" >}}).\n\n{{< notice >}}Kept.{{< /notice >}}\n");
    return run("import", "hugo", hugo.toString(), dir.resolve("imported").toString());
  }

  /** The value of a fact of the new site's welcome article, which the training edits. */
  static final String FACT_VALUE = "value: 312.5";

  /**
   * An article of the Markdown most articles hold beyond the new site's: a table, emphasis, strong
   * and struck text, a link, a footnote, a quote, a list and code, each parsed and rendered by
   * classes of their own.
   */
  private static final String MARKUP =
      "---\ntitle: Markup\nsummary: Every kind of Markdown.\ndate: 2024-06-02\n---\n\n"
          + "Some *emphasis*, **strong** and ~~struck~~ text, a [link](welcome.md), `code`"
          + " and a note.[^1]\n\n"
          + "| Year | Trips |\n|:-----|------:|\n| 2022 | {{fact:bike-lanes-km}} |\n\n"
          + "> A quote, with _emphasis_.\n\n1. One\n2. Two\n\n- [x] Done\n\n"
          + "```\nplain code\n```\n\n[^1]: The note.\n";

  private static final String LANGUAGES_CONFIG =
      "title: {nl: \"Proef\", en: \"Trial\"}\nbase_url: https://example.org/\n"
          + "languages: [nl, en]\nlocale: {en: en-GB}\n";

  /**
   * An article in English with figures in compact form (a count and an amount), an at-a-glance, a
   * timeline, a comparison and a note of what is not known; its Dutch translation is {@link
   * #LANGUAGES_NL}.
   */
  private static final String LANGUAGES_EN =
      "---\ntitle: \"A guide\"\nsummary: \"Every piece of an explainer.\"\ndate: 2024-06-01\n"
          + "sources:\n  report:\n    title: \"Annual report\"\n    publisher: \"City Council\"\n"
          + "    date: 2024-03-15\n    url: https://example.org/report\n"
          + "facts:\n  trips:\n    label: {nl: \"Ritten per jaar\", en: \"Trips a year\"}\n"
          + "    value: 2500000\n    unit: {nl: \"ritten\", en: \"trips\"}\n    format: compact\n"
          + "    as_of: 2023-12-31\n    sources: [report]\n"
          + "  lanes:\n    label: {nl: \"Fietspaden\", en: \"Bike lanes\"}\n    value: 312.5\n"
          + "    unit: km\n    as_of: 2023-12-31\n    sources: [report]\n"
          + "  budget:\n    label: {nl: \"Budget\", en: \"Budget\"}\n    value: 4200000\n"
          + "    unit: EUR\n    format: compact\n    as_of: 2023-12-31\n    sources: [report]\n"
          + "glances:\n  guide:\n    rows:\n"
          + "      - {term: {nl: Wat, en: What}, text: {nl: \"Ritten.\", en: \"Trips.\"},"
          + " sources: [report], facts: [trips]}\n"
          + "timelines:\n  guide:\n    events:\n"
          + "      - {date: 2023-12, when: {nl: \"Eind 2023\", en: \"Late 2023\"},"
          + " text: {nl: \"Geteld.\", en: \"Counted.\"}, sources: [report], facts: [lanes]}\n"
          + "comparisons:\n  guide:\n    title: {nl: \"Naast elkaar\", en: \"Side by side\"}\n"
          + "    columns: [City, Town]\n    rows:\n"
          + "      - measure: {nl: \"Ritten\", en: \"Trips\"}\n        cells: [trips, ~]\n"
          + "unknowns:\n  guide:\n    items:\n"
          + "      - {text: {nl: \"Wie telde.\", en: \"Who counted.\"}, sources: [report]}\n"
          + "---\n\n{{glance:guide}}\n\nThe city counts {{fact:trips}} [@report] on"
          + " {{fact:lanes}} of lanes, for {{fact:budget}}.\n\n"
          + "{{timeline:guide}}\n\n{{compare:guide}}\n\n{{unknowns:guide}}\n";

  private static final String LANGUAGES_NL =
      "---\ntitle: \"Een gids\"\nsummary: \"Elk deel van een uitleg.\"\nslug: gids\n"
          + "date: 2024-06-01\n---\n\n{{glance:guide}}\n\nDe stad telt {{fact:trips}} [@report]"
          + " op {{fact:lanes}} fietspad, voor {{fact:budget}}.\n\n"
          + "{{timeline:guide}}\n\n{{compare:guide}}\n\n{{unknowns:guide}}\n";

  private static int run(String... args) {
    PrintWriter none = new PrintWriter(OutputStream.nullOutputStream(), true);
    return Main.run(args, none, none);
  }

  /** A small image with some detail, so that every step of publishing it runs. */
  private static void image(Path file, String format) throws IOException {
    BufferedImage img = new BufferedImage(900, 600, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++)
        img.setRGB(x, y, (x & 255) << 16 | (y & 255) << 8 | 90);
    }
    if (!ImageIO.write(img, format, file.toFile()))
      throw new IOException("no " + format + " writer");
  }
}
