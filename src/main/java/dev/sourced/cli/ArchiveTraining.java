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
 * to it, a build with the cache (the first, cold, then a second that finds it, then one after an
 * edit of an article's prose), a clean build without it, a check, and {@code sourced import hugo}
 * of a small Hugo site (TOML and YAML front-matter, a section page, a shortcode). Everything it
 * prints is dropped; the exit code is that of the first run that failed, so that a broken training
 * makes no archive.
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
    String source = site.toString();
    for (String[] a :
        new String[][] {
          {"build", "--source", source},
          {"build", "--source", source},
          {"prose"},
          {"build", "--source", source},
          {"build", "--source", source, "--no-cache", "--output", dir.resolve("out").toString()},
          {"check", "--source", source},
        }) {
      if (a[0].equals("prose")) {
        // An edit of one article's prose, which the next build takes the quick way.
        Files.writeString(
            site.resolve("content/welcome.md"),
            "\nOne more sentence.\n",
            java.nio.file.StandardOpenOption.APPEND);
        continue;
      }
      code = run(a);
      if (code != Main.OK) return code;
    }
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
