package dev.sourced.trust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.cli.Main;
import dev.sourced.testing.Cli;
import dev.sourced.testing.TestSite;
import freemarker.template.Configuration;
import freemarker.template.Template;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/**
 * The dangerous features of the libraries stay off, tested through the real command line. Each test
 * first shows, with the library's own defaults, that its payload really is dangerous (it runs a
 * command, builds an object, keeps the last duplicate, passes HTML, reads arguments from a file),
 * so a pass means the product turned the feature off and not that the payload was wrong.
 */
class DangerousFeaturesTest {
  @TempDir Path tmp;

  private static final String ARTICLE =
      """
      -- content/a.md --
      ---
      title: A
      date: 2021-03-09
      sources:
        s1: {title: Report, url: "https://example.org/r"}
      ---
      Cited [@s1].
      """;

  private Cli build(TestSite site) {
    return Cli.run(
        "build", "--source", site.root().toString(), "--output", site.output().toString());
  }

  @Test
  void freemarkerNewCannotRunACommandFromATheme() throws Exception {
    Path proof = tmp.resolve("proof-the-payload-works");
    Path marker = tmp.resolve("created-by-the-template");
    String payload =
        "<#assign ex = \"freemarker.template.utility.Execute\"?new()>" + "${ex(\"touch %s\")}";

    // Freemarker's defaults run it.
    Template unsafe =
        new Template(
            "t",
            new StringReader(String.format(payload, proof)),
            new Configuration(Configuration.VERSION_2_3_34));
    unsafe.process(Map.of(), new StringWriter());
    assertThat(proof).as("the payload runs a command under Freemarker's defaults").exists();

    TestSite site =
        TestSite.of(
            tmp,
            "-- sourced.yaml --\ntitle: T\n"
                + ARTICLE
                + "-- templates/article.ftlh --\n<#import \"base.ftlh\" as base><@base.layout>"
                + String.format(payload, marker)
                + "${article.body}</@base.layout>\n");
    Cli r = build(site);
    assertThat(r.exit()).as(r.toString()).isEqualTo(Main.CONTENT_ERRORS);
    assertThat(r.diagnosticLines())
        .as(r.toString())
        .containsExactly(
            "templates/article.ftlh:1:44: error[template-error] Instantiating "
                + "freemarker.template.utility.Execute is not allowed in the template for security "
                + "reasons. (while rendering a/index.html)");
    assertThat(marker).as("the command did not run").doesNotExist();
    assertThat(r.hasStackTrace()).isFalse();
  }

  @Test
  void freemarkerApiIsOffInATheme() throws Exception {
    String payload = "${article.title?api.getClass().getName()}";
    TestSite site =
        TestSite.of(
            tmp,
            "-- sourced.yaml --\ntitle: T\n"
                + ARTICLE
                + "-- templates/article.ftlh --\n<#import \"base.ftlh\" as base><@base.layout>"
                + payload
                + "${article.body}</@base.layout>\n");
    Cli r = build(site);
    assertThat(r.exit()).as(r.toString()).isEqualTo(Main.CONTENT_ERRORS);
    assertThat(r.diagnosticLines())
        .singleElement()
        .asString()
        .startsWith(
            "templates/article.ftlh:1:46: error[template-error] Can't use ?api, because "
                + "the \"api_builtin_enabled\" configuration setting is false.");
    assertThat(Files.exists(site.output())).isFalse();
  }

  @Test
  void yamlGlobalTagsBuildNoObjectAnywhere() throws Exception {
    Path proof = tmp.resolve("proof-the-payload-works");
    String tag = "!!java.io.FileOutputStream [\"%s\"]";

    // SnakeYAML builds the object when a tag inspector lets the tag through.
    LoaderOptions open = new LoaderOptions();
    open.setTagInspector(t -> true);
    new Yaml(open).load("x: " + String.format(tag, proof));
    assertThat(proof).as("the payload creates a file when tags are allowed").exists();

    Path m1 = tmp.resolve("from-front-matter");
    Path m2 = tmp.resolve("from-config");
    Path m3 = tmp.resolve("from-data");
    TestSite site =
        TestSite.of(
            tmp,
            "-- sourced.yaml --\ntitle: T\nauthor: "
                + String.format(tag, m2)
                + "\n-- content/_data/d.yaml --\nsources: "
                + String.format(tag, m3)
                + "\n-- content/a.md --\n---\ntitle: A\ndate: 2021-03-09\n"
                + "summary: "
                + String.format(tag, m1)
                + "\n---\nText.\n");
    Cli r = build(site);
    assertThat(r.exit()).as(r.toString()).isEqualTo(Main.CONTENT_ERRORS);
    assertThat(r.diagnosticLines())
        .as(r.toString())
        .containsExactly(
            "content/_data/d.yaml:1:10: error[yaml-syntax] invalid YAML in data file: Global tag is "
                + "not allowed: tag:yaml.org,2002:java.io.FileOutputStream",
            "content/a.md:4:10: error[yaml-syntax] invalid YAML in front-matter: Global tag is not "
                + "allowed: tag:yaml.org,2002:java.io.FileOutputStream",
            "sourced.yaml:2:9: error[yaml-syntax] invalid YAML in sourced.yaml: Global tag is not "
                + "allowed: tag:yaml.org,2002:java.io.FileOutputStream");
    assertThat(m1).doesNotExist();
    assertThat(m2).doesNotExist();
    assertThat(m3).doesNotExist();
  }

  @Test
  void yamlDuplicateKeysAreRefused() {
    // SnakeYAML's default keeps the last value without a word.
    Map<String, Object> loaded = new Yaml().load("title: First\ntitle: Second\n");
    assertThat(loaded).containsEntry("title", "Second");

    TestSite site =
        TestSite.of(
            tmp,
            "-- sourced.yaml --\ntitle: T\n"
                + """
        -- content/a.md --
        ---
        title: First
        date: 2021-03-09
        title: Second
        sources:
          s1: {title: Report, url: "https://example.org/r"}
        ---
        Cited [@s1].
        """);
    Cli r = build(site);
    assertThat(r.exit()).as(r.toString()).isEqualTo(Main.CONTENT_ERRORS);
    assertThat(r.diagnosticLines())
        .containsExactly(
            "content/a.md:4:1: error[duplicate-key] key \"title\" is given twice (first at line 2)");
  }

  @Test
  void rawHtmlIsOffByDefaultAndOnlyTheSiteCanTurnItOn() {
    String body = "Cited [@s1]. <b id=\"raw\" onclick=\"alert(1)\">bold</b>\n";
    TestSite off =
        TestSite.of(
            tmp.resolve("off"),
            "-- sourced.yaml --\ntitle: T\n" + ARTICLE.replace("Cited [@s1].\n", body));
    assertThat(build(off).exit()).isZero();
    Document page = off.html("a/");
    assertThat(page.select("#raw")).isEmpty();
    assertThat(page.select(".article-body p").text()).contains("<b id=\"raw\"");
    assertThat(SafeOutput.problems(off.output())).isEmpty();

    TestSite on =
        TestSite.of(
            tmp.resolve("on"),
            "-- sourced.yaml --\ntitle: T\nraw_html: true\n"
                + ARTICLE.replace("Cited [@s1].\n", body));
    assertThat(build(on).exit()).isZero();
    assertThat(on.html("a/").select("b#raw")).as("the site's own opt-in passes HTML").hasSize(1);
    assertThat(SafeOutput.problems(on.output()))
        .as("and the safety check sees the handler")
        .anyMatch(p -> p.contains("handler attribute onclick"));
  }

  @Test
  void atFileArgumentsAreNotExpanded() throws Exception {
    TestSite site = TestSite.of(tmp, "-- sourced.yaml --\ntitle: T\n" + ARTICLE);
    Path out = tmp.resolve("written-through-an-at-file");
    Path args = tmp.resolve("args.txt");
    Files.writeString(args, "build\n--source\n" + site.root() + "\n--output\n" + out + "\n");

    // picocli's default reads the arguments from the file.
    CommandLine defaults = new CommandLine(new Main());
    assertThat(defaults.isExpandAtFiles()).isTrue();
    assertThat(defaults.parseArgs("@" + args).subcommand().commandSpec().name())
        .as("with picocli's defaults, @file runs `build`")
        .isEqualTo("build");

    Cli whole = Cli.run("@" + args);
    assertThat(whole.exit()).as(whole.toString()).isEqualTo(Main.USAGE);
    Cli source = Cli.run("build", "--source", "@" + args, "--output", out.toString());
    assertThat(source.exit()).as(source.toString()).isEqualTo(Main.CONTENT_ERRORS);
    assertThat(source.diagnosticLines())
        .containsExactly(
            "@" + args + ": error[missing-config] the site folder @" + args + " does not exist");
    assertThat(out).as("nothing was built from the file's arguments").doesNotExist();
  }
}
