package dev.sourced.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.Cli;
import dev.sourced.testing.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end through the command line, as a user moves a site over: {@code sourced import}, then
 * {@code sourced build} of the result. The site imports cleanly, so it builds with exit 0, every
 * content file becomes a page, and every diagnostic keeps the {@code path:line:col} contract. The
 * two fixture sites of {@link SiteImporterTest} go through both commands with exactly the warnings
 * listed.
 */
class ImportThenBuildTest {
  @TempDir Path tmp;

  @Test
  void aHugoSiteThatImportsCleanlyBuildsWithAPageForEveryContentFile() throws IOException {
    TestSite.of(
        tmp,
        """
        -- config.yaml --
        baseURL: https://example.org/explainers/
        title: Sky ECC explainers
        languageCode: en
        -- content/posts/Sky ECC Takedown.md --
        +++
        title = "Police read Sky ECC"
        date = 2021-03-09T18:30:00+01:00
        lastmod = 2021-03-10
        tags = ["Sky ECC"]
        categories = ["Policing"]
        +++
        Police said they made 30 arrests; see [the timeline]({{< ref "argus.md#action-day" >}}).

        {{< figure src="phone.png" caption="A phone" >}}

        {{< highlight text >}}
        action day: 2021-03-09
        {{< /highlight >}}
        -- content/posts/argus.md --
        {
          "title": "Operation Argus",
          "publishDate": "2021-03-10"
        }
        ## Action day

        Europol described the action on 10 March 2021; back to [the arrests]({{< relref "Sky ECC Takedown.md" >}}).
        -- content/encrochat/index.md --
        ---
        title: "EncroChat: the hack of July 2020"
        date: 2021-03-09
        ---
        ![A phone](phone.png)
        -- content/encrochat/phone.png --
        not really a picture
        """);
    Path dest = tmp.resolve("imported");
    Cli imported = Cli.run("import", "hugo", tmp.resolve("site").toString(), dest.toString());
    assertThat(imported.exit()).as(imported.toString()).isZero();
    assertThat(imported.diagnosticLines()).isEmpty();
    assertThat(imported.hasStackTrace()).isFalse();

    Path out = tmp.resolve("out");
    Cli built = Cli.run("build", "--source", dest.toString(), "--output", out.toString());
    assertThat(built.exit()).as(built.toString()).isZero();
    assertThat(built.hasStackTrace()).isFalse();
    assertThat(built.err().lines().filter(l -> l.contains("warning[") || l.contains("error[")))
        .allMatch(l -> l.matches(Cli.CONTRACT), "every diagnostic has the contract form");
    assertThat(built.diagnosticLines())
        .noneMatch(l -> l.contains("broken-link"))
        .noneMatch(l -> l.contains("error["));

    // Every content file is a page, at the address it had in Hugo (lowercase, hyphens).
    for (String page : new String[] {"posts/sky-ecc-takedown", "posts/argus", "encrochat"}) {
      assertThat(out.resolve(page + "/index.html")).as(page).isRegularFile();
    }
    assertThat(out.resolve("encrochat/phone.png")).isRegularFile();
    var takedown = Jsoup.parse(out.resolve("posts/sky-ecc-takedown/index.html").toFile());
    assertThat(takedown.select("a[href]").eachAttr("href")).contains("../argus/#action-day");
    assertThat(takedown.select("pre code.language-text").text())
        .isEqualTo("action day: 2021-03-09");
    var argus = Jsoup.parse(out.resolve("posts/argus/index.html").toFile());
    assertThat(argus.select("a[href]").eachAttr("href")).contains("../sky-ecc-takedown/");
    assertThat(Files.readString(dest.resolve("sourced.yaml")))
        .contains("base_url: \"https://example.org/explainers/\"");
  }

  /** Imports a fixture site, then builds it; returns the build's output folder. */
  private Path importAndBuild(String generator, Path fixture, List<String> importLines)
      throws IOException {
    Path dest = tmp.resolve(generator);
    Cli imported = Cli.run("import", generator, fixture.toString(), dest.toString());
    assertThat(imported.exit()).as(imported.toString()).isZero();
    assertThat(imported.hasStackTrace()).isFalse();
    assertThat(imported.diagnosticLines()).containsExactlyElementsOf(importLines);
    return dest;
  }

  private Cli build(Path site, Path out) {
    Cli built = Cli.run("build", "--source", site.toString(), "--output", out.toString());
    assertThat(built.exit()).as(built.toString()).isZero();
    assertThat(built.hasStackTrace()).isFalse();
    assertThat(built.err().lines().filter(l -> l.contains("warning[") || l.contains("error[")))
        .allMatch(l -> l.matches(Cli.CONTRACT), "every diagnostic has the contract form");
    return built;
  }

  /** The pages a build wrote for content files: every index.html but the generated ones. */
  private static List<String> contentPages(Path out) throws IOException {
    try (var s = Files.walk(out)) {
      return s.filter(p -> p.getFileName().toString().equals("index.html"))
          .map(p -> out.relativize(p).toString())
          .filter(p -> !p.matches("(facts|sources|methodology|corrections|search|tags)/.*"))
          .filter(
              p -> Jsoup.parse(read(out.resolve(p))).select("meta[http-equiv=refresh]").isEmpty())
          .sorted()
          .toList();
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String h1(Path out, String page) throws IOException {
    return Jsoup.parse(out.resolve(page).toFile()).select("h1").first().text();
  }

  @Test
  void theHugoFixtureImportsAndBuildsWithAPageForEveryContentFile() throws IOException {
    Path site =
        importAndBuild(
            "hugo",
            SiteImporterTest.HUGO,
            List.of(
                "content/about.md:4:1: warning[unmapped-key] front-matter key \"menu\" has no"
                    + " sourced equivalent and is left out",
                "content/about.md:5:1: warning[unmapped-key] front-matter key \"weight\" has no"
                    + " sourced equivalent and is left out",
                "content/about.md:10:70: warning[unresolved-ref] the Markdown file that the link"
                    + " \"notes/Unwritten.md\" names is not in the imported content; kept as"
                    + " written",
                "content/dossier/sources/europol-press-release.md:7:22: warning[unresolved-ref] the"
                    + " page that {{< ref \"posts/missing.md\" >}} names is not in the imported"
                    + " content; kept as text",
                "content/posts/Argus_Timeline.md:6:3: warning[unmapped-key] front-matter key"
                    + " \"series\" has no sourced equivalent and is left out",
                "content/posts/Sky-ECC-Takedown.md:9:1: warning[unmapped-key] front-matter key"
                    + " \"toc\" has no sourced equivalent and is left out",
                "content/posts/Sky-ECC-Takedown.md:22:19: warning[unconverted-shortcode] the"
                    + " shortcode {{< param >}} has no sourced equivalent; it is kept as text",
                "content/posts/encrochat-2020/index.md:6:1: warning[unmapped-key] front-matter key"
                    + " \"resources\" has no sourced equivalent and is left out",
                "content/posts/encrochat-2020/index.md:13:1: warning[unconverted-shortcode] the"
                    + " shortcode {{< gallery >}} has no sourced equivalent; it is kept as text",
                "content/posts/notice.md:5:1: warning[unconverted-shortcode] the shortcode {{%"
                    + " notice %}} has no sourced equivalent; it is kept as text",
                "hugo.toml:4:1: warning[not-imported] the theme \"ananke\" is not imported",
                "hugo.toml:5:1: warning[unmapped-config] config key \"paginate\" has no sourced"
                    + " equivalent and is left out",
                "hugo.toml:14:1: warning[unmapped-config] config key \"markup\" has no sourced"
                    + " equivalent and is left out"));
    Path out = tmp.resolve("hugo-out");
    Cli built = build(site, out);
    String tags = "is not run; it is shown as written";
    assertThat(built.diagnosticLines())
        .containsExactly(
            "content/about.md:8:57: warning[broken-link] the link \"notes/Unwritten.md\" names"
                + " content/notes/Unwritten.md, which is not a page of this site",
            "content/dossier/sources/europol-press-release.md:1:1: warning[no-sources] this"
                + " article cites no sources at all",
            "content/dossier/sources/europol-press-release.md:7:22: warning[shortcode] Hugo"
                + " shortcode {{< ref >}} "
                + tags,
            "content/posts/argus_timeline.md:1:1: warning[no-sources] this article cites no"
                + " sources at all",
            "content/posts/encrochat-2020/index.md:1:1: warning[no-sources] this article cites no"
                + " sources at all",
            "content/posts/encrochat-2020/index.md:7:1: warning[uncredited-image] image"
                + " \"phone.png\" has no entry under images: (who made it, its licence)",
            "content/posts/encrochat-2020/index.md:9:23: warning[figure-without-fact] figure \"25"
                + " million\" without a fact",
            "content/posts/encrochat-2020/index.md:10:1: warning[shortcode] Hugo shortcode {{<"
                + " gallery >}} "
                + tags,
            "content/posts/notice.md:1:1: warning[no-sources] this article cites no sources at all",
            "content/posts/notice.md:6:1: warning[shortcode] Hugo shortcode {{% notice %}} " + tags,
            "content/posts/notice.md:8:1: warning[shortcode] Hugo shortcode {{% /notice %}} "
                + tags,
            "content/posts/sky-ecc-takedown.md:1:1: warning[no-sources] this article cites no"
                + " sources at all",
            "content/posts/sky-ecc-takedown.md:22:19: warning[shortcode] Hugo shortcode {{< param"
                + " >}} "
                + tags);
    // Ten content files, one a draft: nine pages, each at the address Hugo gave it.
    assertThat(contentPages(out))
        .containsExactly(
            "2020/07/encrochat-the-hack-of-july-2020/index.html",
            "2021/03/a-note-on-the-figures/index.html",
            "2021/03/argus-timeline/index.html",
            "2021/03/police-read-sky-ecc-what-happened-on-the-action-day/index.html",
            "about/index.html",
            "dossier/sources/index.html",
            "europol/index.html",
            "index.html",
            "posts/index.html");
    assertThat(h1(out, "2021/03/argus-timeline/index.html"))
        .isEqualTo("Operation Argus, a timeline");
    assertThat(h1(out, "about/index.html")).isEqualTo("About these explainers");
    // Hugo's escaped shortcode is text on the page, as it was in Hugo, and no warning.
    var takedown =
        Jsoup.parse(
            out.resolve("2021/03/police-read-sky-ecc-what-happened-on-the-action-day/index.html")
                .toFile());
    assertThat(takedown.select("main p").eachText())
        .contains("To embed a shortcode in Hugo one writes {{< figure src=\"x.png\" >}}.");
    var about = Jsoup.parse(out.resolve("about/index.html").toFile());
    assertThat(about.select("main a[href]").eachAttr("href"))
        .contains(
            "/explainers/2021/03/argus-timeline/#the-action-day",
            "/explainers/2020/07/encrochat-the-hack-of-july-2020/");
    // The section page lists its articles; redirects keep the old addresses.
    var posts = Jsoup.parse(out.resolve("posts/index.html").toFile());
    assertThat(posts.select("main a[href*=argus-timeline]")).isNotEmpty();
    assertThat(out.resolve("2021/03/sky-ecc/index.html")).isRegularFile();
    assertThat(out.resolve("robots.txt")).isRegularFile();
    assertThat(out.resolve("2020/07/encrochat-the-hack-of-july-2020/phone.png")).isRegularFile();
  }

  @Test
  void theJekyllFixtureImportsAndBuildsWithAPageForEveryContentFile() throws IOException {
    Path site =
        importAndBuild(
            "jekyll",
            SiteImporterTest.JEKYLL,
            List.of(
                "_config.yml:9:1: warning[unmapped-config] config key \"markdown\" has no sourced"
                    + " equivalent and is left out",
                "_config.yml:10:1: warning[unmapped-config] config key \"theme\" has no sourced"
                    + " equivalent and is left out",
                "_config.yml:11:1: warning[unmapped-config] config key \"plugins\" has no sourced"
                    + " equivalent and is left out",
                "_posts/2021-03-09-sky-ecc-arrests.md:2:1: warning[unmapped-key] front-matter key"
                    + " \"layout\" has no sourced equivalent and is left out (in 3 files)",
                "_posts/2021-03-09-sky-ecc-arrests.md:18:1: warning[unconverted-liquid] the Liquid"
                    + " tag {% include %} has no sourced equivalent; it is kept as text",
                "_posts/2021-03-09-sky-ecc-arrests.md:22:12: warning[unconverted-liquid] the Liquid"
                    + " output {{ page.author }} has no sourced equivalent; it is kept as text",
                "assets/css/style.scss:1:1: warning[not-imported] a Liquid page (.scss with"
                    + " front-matter) is not imported",
                "feed.xml:1:1: warning[not-imported] a Liquid page (.xml with front-matter) is not"
                    + " imported",
                "index.html:1:1: warning[not-imported] a Liquid page (.html with front-matter) is"
                    + " not imported",
                "news/_posts/2021-03-10-Europol-Statement.markdown:10:79: warning[unresolved-ref]"
                    + " the page that {% post_url 2020-01-01-nothing %} names is not in the"
                    + " imported site; kept as text"));
    Path out = tmp.resolve("jekyll-out");
    Cli built = build(site, out);
    assertThat(built.diagnosticLines())
        .containsExactly(
            "content/explainers/what-is-sky-ecc.md:1:1: warning[no-sources] this article cites no"
                + " sources at all",
            "content/posts/news/europol-statement.md:1:1: warning[no-sources] this article cites no"
                + " sources at all",
            "content/posts/news/europol-statement.md:10:92: warning[liquid-tag] Liquid tag {%"
                + " post_url %} is not run; it is shown as written",
            "content/posts/sky-ecc-arrests.md:1:1: warning[no-sources] this article cites no"
                + " sources at all",
            "content/posts/sky-ecc-arrests.md:19:1: warning[liquid-tag] Liquid tag {% include %}"
                + " is not run; it is shown as written",
            "content/posts/sky-ecc-arrests.md:23:12: warning[liquid-tag] Liquid output {{"
                + " page.author }} is not run; it is shown as written");
    // Eight content files, one a draft: seven pages at the addresses Jekyll gave them, and the
    // home page (Jekyll's index.html is a Liquid page, not imported).
    assertThat(contentPages(out))
        .containsExactly(
            "about/index.html",
            "contact/index.html",
            "docs/index.html",
            "docs/method_notes/index.html",
            "explainers/what-is-sky-ecc/index.html",
            "index.html",
            "news/europe/2021/03/10/europol-statement/index.html",
            "policing/2021/03/09/sky-ecc-arrests/index.html");
    assertThat(h1(out, "policing/2021/03/09/sky-ecc-arrests/index.html"))
        .isEqualTo("Thirty arrests after police read Sky ECC");
    var notes = Jsoup.parse(out.resolve("docs/method_notes/index.html").toFile());
    assertThat(notes.select("main a[href]").eachAttr("href"))
        .contains("/blog/contact/", "/blog/policing/2021/03/09/sky-ecc-arrests/");
    var arrests =
        Jsoup.parse(out.resolve("policing/2021/03/09/sky-ecc-arrests/index.html").toFile());
    assertThat(arrests.select("main p").eachText())
        .contains("Liquid written as text: {{ page.title }}.");
    assertThat(out.resolve("assets/img/phone.png")).isRegularFile();
    assertThat(out.resolve("CNAME")).isRegularFile();
  }
}
