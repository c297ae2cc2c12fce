package dev.sourced.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.select.Elements;

/**
 * The checks an {@code expect-ok} file lists, one a line, run on the new output:
 *
 * <ul>
 *   <li>{@code safe}: no script, handler, embedding element or unsafe address from content in any
 *       page or feed ({@link SafeOutput});
 *   <li>{@code text FILE SELECTOR => TEXT}: the text of the first element matching the CSS selector
 *       in an HTML file is exactly TEXT;
 *   <li>{@code count FILE SELECTOR => N}: how many elements match;
 *   <li>{@code exists FILE} and {@code absent FILE}.
 * </ul>
 */
final class OutputChecks {
  private OutputChecks() {}

  static void run(Iterable<String> checks, Path out, String context) {
    for (String check : checks) {
      String[] w = check.strip().split("\\s+", 2);
      String rest = w.length > 1 ? w[1] : "";
      String as = context + "\ncheck: " + check;
      switch (w[0]) {
        case "safe" -> assertThat(SafeOutput.problems(out)).as(as).isEmpty();
        case "exists" -> assertThat(out.resolve(rest)).as(as).exists();
        case "absent" -> assertThat(Files.exists(out.resolve(rest))).as(as).isFalse();
        case "text", "count" -> {
          String[] fileAndRest = rest.split("\\s+", 2);
          String[] selectorAndValue = fileAndRest[1].split("\\s+=>\\s*", 2);
          Document d =
              Jsoup.parse(
                  SafeOutput.read(out.resolve(fileAndRest[0])),
                  "https://example.org/" + fileAndRest[0]);
          Elements found = d.select(selectorAndValue[0]);
          String value = selectorAndValue.length > 1 ? selectorAndValue[1] : "";
          if (w[0].equals("count")) {
            assertThat(found).as(as).hasSize(Integer.parseInt(value.strip()));
          } else {
            assertThat(found).as(as).isNotEmpty();
            assertThat(found.first().text()).as(as).isEqualTo(value);
          }
        }
        default -> throw new IllegalArgumentException("unknown check: " + check);
      }
    }
  }
}
