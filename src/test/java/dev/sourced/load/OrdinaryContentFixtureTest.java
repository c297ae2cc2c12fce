package dev.sourced.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.Cli;
import dev.sourced.testing.Trees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ordinary content as real Hugo, Jekyll and plain-Markdown sites hold it, built as it is: nested
 * sections, bundles with images, mixed-case names, drafts, aliases, TOML, YAML and JSON
 * front-matter, pages without dates or titles, shortcodes and Liquid tags, a {@code static/}
 * folder. Each fixture under {@code src/test/resources/sites/ordinary/<name>/} lists its exact
 * diagnostics ({@code expected-diagnostics.txt}) and the page each Markdown file gives ({@code
 * expected-pages.txt}). The build must succeed (warnings allowed), every warning must have a line
 * and column, nothing may print a stack trace, and every content file must be a page.
 */
class OrdinaryContentFixtureTest {
  static final Path ORDINARY = Trees.SITES.resolve("ordinary");

  @TempDir Path tmp;

  static Stream<String> fixtures() {
    return Trees.names(ORDINARY).stream();
  }

  private Cli build(String name) {
    return Cli.run(
        "build",
        "--source",
        ORDINARY.resolve(name).toString(),
        "--output",
        tmp.resolve("out").toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void buildsWithItsExactWarningsAndAPageForEveryFile(String name) throws IOException {
    Path site = ORDINARY.resolve(name);
    Cli r = build(name);
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.hasStackTrace()).as(r.toString()).isFalse();
    assertThat(r.diagnosticLines())
        .as(r.toString())
        .containsExactlyElementsOf(lines(site.resolve("expected-diagnostics.txt")))
        .allSatisfy(l -> assertThat(l).matches("^[^:]+:\\d+:\\d+: warning\\[.*"));

    Map<String, String> pages = new LinkedHashMap<>();
    for (String l : lines(site.resolve("expected-pages.txt"))) {
      String[] parts = l.split(" -> ");
      pages.put(parts[0], parts[1]);
    }
    List<String> markdown = new ArrayList<>();
    try (var walk = Files.walk(site.resolve("content"))) {
      walk.filter(p -> ContentLoader.isMarkdown(p.getFileName().toString()))
          .map(p -> site.relativize(p).toString().replace('\\', '/'))
          .filter(p -> !p.startsWith("content/_data/"))
          .forEach(markdown::add);
    }
    assertThat(pages.keySet()).containsExactlyInAnyOrderElementsOf(markdown);
    String sitemap = read("sitemap.xml");
    for (var e : pages.entrySet()) {
      if (e.getValue().equals("draft")) continue;
      Document page = html(e.getValue());
      assertThat(page.selectFirst("article h1")).as(e.getKey()).isNotNull();
      String url = e.getValue().replaceAll("index\\.html$", "");
      String loc = "<loc>https://example.org/" + url + "</loc>";
      assertThat(sitemap.split(java.util.regex.Pattern.quote(loc), -1)).as(e.getKey()).hasSize(2);
    }
  }

  @Test
  void hugoSectionsListTheirArticlesAndPagesStayOutOfTheLists() throws IOException {
    assertThat(build("hugo-style").exit()).isZero();
    assertThat(titles(html("index.html"), ".section-articles h2"))
        .containsExactly("A bundle", "Errorf", "First post", "Going further");
    assertThat(html("index.html").selectFirst("article h1").text()).isEqualTo("Home");
    // A section lists the articles whose files are in it: a slug moves the address only.
    assertThat(titles(html("posts/index.html"), ".section-articles h2"))
        .containsExactly("A bundle", "Errorf", "First post");
    assertThat(titles(html("docs/index.html"), ".section-articles h2"))
        .containsExactly("Going further");
    String feed = read("feed.xml");
    assertThat(feed).contains("<title>First post</title>").doesNotContain("<title>About</title>");
    // Pages without a date are searchable too: their rows are in the search index's parts.
    StringBuilder rows = new StringBuilder();
    try (var parts = Files.list(tmp.resolve("out/search/d"))) {
      for (Path p : parts.sorted().toList()) rows.append(Files.readString(p));
    }
    assertThat(rows).contains("\"About\"").contains("\"Getting started\"");
    Document about = html("about/index.html");
    assertThat(about.select("article .meta")).isEmpty();
    assertThat(about.select("input[type=checkbox][disabled]")).hasSize(2);
    assertThat(about.select("input[checked]")).hasSize(1);
    assertThat(about.select("a[href=http://www.example.org]")).hasSize(1);
    assertThat(about.select("a[href=mailto:desk@example.org]")).hasSize(1);
    assertThat(Files.exists(tmp.resolve("out/posts/draft-post"))).isFalse();
  }

  @Test
  void tagsAreAnyTextAndShareAnAddressByTheRule() throws IOException {
    assertThat(build("hugo-style").exit()).isZero();
    assertThat(html("tags/u.s/index.html").selectFirst("h1").text()).contains("U.S.");
    assertThat(html("tags/1.10/index.html").selectFirst("h1").text()).contains("1.10");
    // "Policing" and "policing" are one tag, shown under the spelling that sorts first.
    assertThat(titles(html("tags/policing/index.html"), ".article-list h2"))
        .containsExactly("A bundle", "Errorf", "First post");
    assertThat(html("tags/policing/index.html").selectFirst("h1").text()).contains("Policing");
  }

  @Test
  void aliasesRedirectWithoutJavaScriptAndStaticFilesAreCopiedAsTheyAre() throws IOException {
    assertThat(build("hugo-style").exit()).isZero();
    for (String alias : List.of("about-us/index.html", "About.html")) {
      Document d = html(alias);
      assertThat(d.select("link[rel=canonical]").attr("href"))
          .isEqualTo("https://example.org/about/");
      assertThat(d.select("meta[http-equiv=refresh]").attr("content")).isEqualTo("0; url=/about/");
      assertThat(d.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
      assertThat(d.select("script")).isEmpty();
      assertThat(d.select("a[href=/about/]").text()).isEqualTo("About");
    }
    assertThat(html("posts/errorf-old/index.html").select("link[rel=canonical]").attr("href"))
        .isEqualTo("https://example.org/hugo_convert_tojson/");
    Path site = ORDINARY.resolve("hugo-style");
    for (String f : List.of("robots.txt", "images/logo.png")) {
      assertThat(Files.readAllBytes(tmp.resolve("out").resolve(f)))
          .isEqualTo(Files.readAllBytes(site.resolve("static").resolve(f)));
    }
    assertThat(tmp.resolve("out/posts/my-bundle/cover.png")).isRegularFile();
    assertThat(tmp.resolve("out/posts/my-bundle/images/detail.png")).isRegularFile();
  }

  @Test
  void templateTagsStayVisibleAndCodeIsNotReported() throws IOException {
    assertThat(build("hugo-style").exit()).isZero();
    Document errorf = html("hugo_convert_tojson/index.html");
    assertThat(errorf.select(".article-body p").eachText())
        .contains("{{% notice tip %}} A tip. {{% /notice %}}");
    assertThat(errorf.select(".article-body code").text()).isEqualTo("{{< ref \"about.md\" >}}");
    assertThat(build("jekyll-style").exit()).isZero();
    assertThat(html("about/index.html").select(".article-body p").eachText())
        .contains("This site is called {{ site.title }}.", "{% include contact.html %}");
    // A home page's own text without a title takes the site's.
    assertThat(html("index.html").selectFirst("article h1").text()).isEqualTo("A Jekyll site");
  }

  private static List<String> titles(Document d, String selector) {
    return d.select(selector).stream().map(Element::text).toList();
  }

  private Document html(String path) throws IOException {
    return Jsoup.parse(read(path), "https://example.org/" + path);
  }

  private String read(String path) throws IOException {
    return Files.readString(tmp.resolve("out").resolve(path), StandardCharsets.UTF_8);
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#"))
        .toList();
  }
}
