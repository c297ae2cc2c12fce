package dev.sourced.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.diag.Diagnostic;
import dev.sourced.testing.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shortcodes and Liquid tags one by one, on small sites written inline: what each becomes, and what
 * is kept as text with a positioned warning.
 */
class BodyConversionTest {
  @TempDir Path tmp;

  private record Imported(Path dest, List<String> report) {
    String page(String path) throws IOException {
      String text = Files.readString(dest.resolve(path));
      return text.substring(text.indexOf("\n---\n") + 5);
    }
  }

  private int runs;

  private Imported run(SiteImporter.Generator g, String spec) throws IOException {
    Path dir = tmp.resolve("run" + ++runs);
    TestSite.of(dir, spec);
    Path dest = dir.resolve("new");
    var r = SiteImporter.run(g, dir.resolve("site"), dest, false);
    return new Imported(dest, r.report().diagnostics().stream().map(Diagnostic::toString).toList());
  }

  @Test
  void hugoShortcodesWithAnEquivalentAreConverted() throws IOException {
    var i =
        run(
            SiteImporter.Generator.HUGO,
            """
            -- hugo.toml --
            title = "T"
            -- content/a/first.md --
            ---
            title: First
            ---
            See [b]({{< ref "second" >}}), [self]({{< ref "#top" >}}), {{< youtube id="abc_D-1" >}}.
            Code: {{< highlight go >}}x := "```"{{< /highlight >}} after.
            {{< figure src="/img/a.png" link="/img/big.png" alt="An image" >}}
            Literal {{%/* notice */%}} and {{< unclosed
            -- content/b/second.md --
            ---
            title: Second
            ---
            Text.
            """);
    assertThat(i.page("content/a/first.md"))
        .isEqualTo(
            """
            See [b](../../b/second/), [self](#top), <https://www.youtube.com/watch?v=abc_D-1>.
            Code:\s
            ````go
            x := "```"
            ````
             after.
            [![An image](../../img/a.png)](../../img/big.png)
            Literal \\{{% notice %}} and {{< unclosed
            """);
    assertThat(i.report()).isEmpty();
  }

  @Test
  void anAmbiguousOrMissingRefIsKeptWithItsPosition() throws IOException {
    var i =
        run(
            SiteImporter.Generator.HUGO,
            """
            -- content/x/same.md --
            ---
            title: One
            ---
            [one]({{< relref "same" >}}) [two]({{< ref "y/same.md" >}})
            -- content/y/same.md --
            ---
            title: Two
            ---
            Text.
            """);
    // From x/, "same" is the page beside it; "y/same.md" is found from content/.
    assertThat(i.page("content/x/same.md")).isEqualTo("[one](./) [two](../../y/same/)\n");
    var j =
        run(
            SiteImporter.Generator.HUGO,
            """
            -- content/z/other.md --
            ---
            title: Other
            ---
            Line one
            and [b]({{< ref "same" >}}).
            """);
    assertThat(j.report())
        .containsExactly(
            "content/z/other.md:5:9: warning[unresolved-ref] the page that {{< ref \"same\" >}}"
                + " names is not in the imported content; kept as text");
  }

  @Test
  void brokenFrontMatterIsAPositionedErrorAndTheFileStillMoves() throws IOException {
    var i =
        run(
            SiteImporter.Generator.HUGO,
            """
            -- content/bad.md --
            +++
            title = "Unclosed
            +++
            Body.
            """);
    assertThat(i.report()).hasSize(1);
    assertThat(i.report().get(0))
        .startsWith("content/bad.md:2:")
        .contains("error[bad-front-matter]");
    assertThat(i.page("content/bad.md")).startsWith("Body.\n");
  }

  @Test
  void liquidTagsWithAnEquivalentAreConverted() throws IOException {
    var i =
        run(
            SiteImporter.Generator.JEKYLL,
            """
            -- _config.yml --
            title: T
            permalink: pretty
            -- _posts/2021-03-09-a.md --
            ---
            title: A
            published: false
            ---
            {%- highlight python -%}
            print("x")
            {%- endhighlight -%}
            {% raw %}{% if x %}{{ y }}{% endraw %}{% comment %}gone{% endcomment %}
            ![i]({{ '/img/a.png' | relative_url }}) [p]({{ site.baseurl }}{% link about.md %})
            [s]({{ site.url }}{{ site.baseurl }}/files/x.pdf)
            -- about.md --
            ---
            title: About
            ---
            Text.
            -- _posts/undated.md --
            ---
            title: U
            ---
            Text.
            """);
    assertThat(i.page("content/posts/a.md"))
        .isEqualTo(
            """
            ```python
            print("x")
            ```
            \\{% if x %}\\{{ y }}
            ![i](../../../../img/a.png) [p](../../../../about/)
            [s](../../../../files/x.pdf)
            """);
    String a = Files.readString(i.dest().resolve("content/posts/a.md"));
    assertThat(a)
        .contains("draft: true")
        .contains("slug: \"2021/03/09/a\"")
        .doesNotContain("aliases");
    assertThat(i.report())
        .containsExactly(
            "_posts/undated.md:1:1: warning[post-name] a post's file name should start with its"
                + " date (YYYY-MM-DD-title.md); Jekyll skips this one");
  }
}
