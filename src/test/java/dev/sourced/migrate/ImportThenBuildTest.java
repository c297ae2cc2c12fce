package dev.sourced.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.Cli;
import dev.sourced.testing.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end through the command line, as a user moves a site over: {@code sourced import}, then
 * {@code sourced build} of the result. The site imports cleanly, so it builds with exit 0, every
 * content file becomes a page, and every diagnostic keeps the {@code path:line:col} contract.
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
}
