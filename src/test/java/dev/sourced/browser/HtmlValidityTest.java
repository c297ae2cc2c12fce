package dev.sourced.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nu.validator.client.EmbeddedValidator;
import nu.validator.validation.SimpleDocumentValidator;
import org.junit.jupiter.api.Test;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * The Nu Html Checker (nu.validator:validator from Maven Central, the engine of vnu.jar and
 * validator.w3.org/nu) on every page of the built example site: zero errors. Runs in-process, so it
 * needs no browser and is never skipped.
 */
class HtmlValidityTest {

  @Test
  void everyPageOfTheExampleSiteIsValidHtml() throws Exception {
    Path site = ExampleSite.subPath();
    List<String> pages = ExampleSite.pages(site);
    assertThat(pages).contains("index.html", "404.html", "search/index.html", "facts/index.html");
    EmbeddedValidator validator = new EmbeddedValidator();
    validator.setOutputFormat(EmbeddedValidator.OutputFormat.GNU);
    // The checker must be able to fail: a page with a stray end tag gives an error.
    Path broken = Files.createTempFile("broken", ".html");
    Files.writeString(broken, "<!DOCTYPE html><html lang=en><title>x</title><p>a</span>");
    assertThat(validator.validate(broken)).contains(": error:");
    Files.delete(broken);
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
    System.out.printf(
        "Nu Html Checker: %d pages, %d errors, %d warnings%n",
        pages.size(), errors.size(), warnings.size());
    warnings.forEach(w -> System.out.println("  warning " + w));
    assertThat(errors).as("Nu Html Checker errors").isEmpty();
  }

  @Test
  void everyStylesheetIsValidCss() throws Exception {
    Path site = ExampleSite.subPath();
    List<String> errors = new ArrayList<>();
    List<String> current = new ArrayList<>();
    ErrorHandler handler =
        new ErrorHandler() {
          @Override
          public void warning(SAXParseException e) {}

          @Override
          public void error(SAXParseException e) {
            current.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
          }

          @Override
          public void fatalError(SAXParseException e) {
            error(e);
          }
        };
    SimpleDocumentValidator v = new SimpleDocumentValidator();
    v.setUpMainSchema("http://s.validator.nu/html5-all.rnc", handler);
    v.setUpValidatorAndParsers(handler, false, false);
    // The checker must be able to fail: a broken sheet gives errors.
    Path broken = Files.createTempFile("broken", ".css");
    Files.writeString(broken, "p { colr: red; width: 10pz; }");
    v.checkCssFile(broken.toFile(), true);
    Files.delete(broken);
    assertThat(current).as("errors for a broken stylesheet").isNotEmpty();
    int sheets = 0;
    for (String f : ExampleSite.files(site)) {
      if (!f.endsWith(".css")) continue;
      current.clear();
      v.checkCssFile(site.resolve(f).toFile(), true);
      for (String e : current) errors.add(f + ":" + e);
      sheets++;
    }
    System.out.printf("Nu Html Checker (CSS): %d stylesheets, %d errors%n", sheets, errors.size());
    assertThat(sheets).isGreaterThanOrEqualTo(2);
    assertThat(errors).as("CSS errors").isEmpty();
  }
}
