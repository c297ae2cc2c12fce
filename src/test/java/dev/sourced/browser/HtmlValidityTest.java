package dev.sourced.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nu.validator.client.EmbeddedValidator;
import org.junit.jupiter.api.Test;

/**
 * The Nu Html Checker (nu.validator:validator from Maven Central, the engine of vnu.jar and
 * validator.w3.org/nu) on every page of the built example site: zero errors. Runs in-process,
 * so it needs no browser and is never skipped.
 */
class HtmlValidityTest {

  @Test
  void everyPageOfTheExampleSiteIsValidHtml() throws Exception {
    Path site = ExampleSite.subPath();
    List<String> pages = ExampleSite.pages(site);
    assertThat(pages).contains("index.html", "404.html", "search/index.html", "facts/index.html");
    EmbeddedValidator validator = new EmbeddedValidator();
    validator.setOutputFormat(EmbeddedValidator.OutputFormat.GNU);
    List<String> errors = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (String page : pages) {
      String report = validator.validate(site.resolve(page));
      for (String line : report.split("\n")) {
        if (line.isBlank()) continue;
        String where = page + line.substring(Math.max(0, line.indexOf(':')));
        if (line.contains(": error:") || line.contains(": fatal:")) errors.add(where);
        else warnings.add(where);
      }
    }
    System.out.printf("Nu Html Checker: %d pages, %d errors, %d warnings%n", pages.size(),
        errors.size(), warnings.size());
    warnings.forEach(w -> System.out.println("  warning " + w));
    assertThat(errors).as("Nu Html Checker errors").isEmpty();
  }
}
