package dev.sourced.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The CI jobs the README offers for publishing a site are valid YAML, build with {@code --strict}
 * through the archive kept in the site's repository, and publish {@code site/}.
 */
class ReadmeCiTest {
  static List<String> yamlBlocks() throws IOException {
    List<String> out = new ArrayList<>();
    String readme = Files.readString(Path.of("README.md"));
    int at = 0;
    while ((at = readme.indexOf("```yaml\n", at)) >= 0) {
      int end = readme.indexOf("\n```", at + 8);
      out.add(readme.substring(at + 8, end + 1));
      at = end;
    }
    return out;
  }

  @Test
  @SuppressWarnings("unchecked")
  void theGithubAndGitlabJobsParseAndBuildStrictly() throws IOException {
    List<String> blocks = yamlBlocks();
    assertThat(blocks).hasSizeGreaterThanOrEqualTo(2);
    Map<String, Object> github = new Yaml().load(blocks.get(0));
    Map<String, Object> jobs = (Map<String, Object>) github.get("jobs");
    assertThat(jobs).containsKeys("build", "deploy");
    List<Map<String, Object>> steps =
        (List<Map<String, Object>>) ((Map<String, Object>) jobs.get("build")).get("steps");
    assertThat(steps).anySatisfy(s -> assertThat(s.get("run")).isEqualTo("sourced build --strict"));
    assertThat(steps)
        .anySatisfy(s -> assertThat(String.valueOf(s.get("with"))).contains("path=site"));
    Map<String, Object> gitlab = new Yaml().load(blocks.get(1));
    Map<String, Object> pages = (Map<String, Object>) gitlab.get("pages");
    assertThat((List<String>) pages.get("script"))
        .contains("/opt/sourced/bin/sourced build --strict", "mv site public");
    for (Map<String, Object> job : List.of(pages, (Map<String, Object>) gitlab.get("check"))) {
      assertThat(job.get("script").toString()).contains("tools/sourced.tar.gz");
    }
  }
}
