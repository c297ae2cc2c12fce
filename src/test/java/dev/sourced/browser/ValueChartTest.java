package dev.sourced.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.facts.Boxes;
import dev.sourced.facts.FactsRenderContext;
import dev.sourced.facts.ValueFormatter;
import dev.sourced.model.Fact;
import dev.sourced.model.FactValue;
import dev.sourced.model.Qualifier;
import dev.sourced.model.Source;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

/** The build-time SVG chart of a fact's competing figures ({@link Boxes#chart}). */
class ValueChartTest {
  private static final Map<String, Source> SOURCES =
      Map.of(
          "a",
              new Source(
                  "a",
                  "Press release",
                  "Europol (press release, copy)",
                  dev.sourced.model.PartialDate.ofDay(LocalDate.of(2021, 3, 10)),
                  null,
                  null,
                  null,
                  null,
                  null),
          "b",
              new Source(
                  "b",
                  "A summary <of> it & more",
                  "Unknown",
                  dev.sourced.model.PartialDate.ofDay(LocalDate.of(2021, 3, 12)),
                  null,
                  null,
                  null,
                  null,
                  null),
          "c", new Source("c", "Report", "NL Times", null, null, null, null, null, null));
  private static final List<String> ORDER = List.of("c", "a", "b");

  /** Only the parts of the render context a chart uses; any other call fails the test. */
  private static final FactsRenderContext SITE =
      (FactsRenderContext)
          Proxy.newProxyInstance(
              ValueChartTest.class.getClassLoader(),
              new Class<?>[] {FactsRenderContext.class},
              (proxy, method, args) ->
                  switch (method.getName()) {
                    case "source" -> SOURCES.get((String) args[0]);
                    case "referenceNumber" -> ORDER.indexOf((String) args[0]) + 1;
                    case "referenceHref" -> "#ref-" + args[0];
                    case "formatter" -> ValueFormatter.of("en");
                    default -> throw new UnsupportedOperationException(method.getName());
                  });

  private static FactValue v(long n, Qualifier q, String... sources) {
    return new FactValue(BigDecimal.valueOf(n), null, q, List.of(sources), null, null, null, null);
  }

  private static Fact fact(int use, FactValue... values) {
    return new Fact(
        "users", "Users <worldwide>", "users", false, null, true, "n", List.of(values), use, null);
  }

  @Test
  void drawsOneBarPerDistinctFigureFromZeroWithATextAlternative() {
    Fact f =
        fact(
            0,
            v(70_000, Qualifier.ABOUT, "a"),
            v(170_000, Qualifier.MORE_THAN, "b"),
            new FactValue(
                null,
                "hundreds of thousands",
                Qualifier.EXACT,
                List.of("c"),
                null,
                null,
                null,
                null),
            v(35_000, Qualifier.EXACT, "c", "a"),
            v(70_000, Qualifier.EXACT, "c"));
    Element figure =
        Jsoup.parseBodyFragment(Boxes.chart(f, SITE)).selectFirst("figure.value-chart");
    assertThat(figure).isNotNull();
    Element svg = figure.selectFirst("svg");
    assertThat(svg.attr("role")).isEqualTo("img");
    assertThat(svg.attr("aria-label"))
        .contains("Users <worldwide>")
        .contains("about 70,000 users (2 sources), the figure used in the text")
        .contains("more than 170,000 users (1 source)")
        .contains("35,000 users (2 sources)")
        .contains("Not drawn")
        .contains("hundreds of thousands (1 source)");

    Elements bars = svg.select("rect");
    assertThat(bars.eachAttr("width"))
        .as("70,000 twice is one bar")
        .containsExactly("39.1%", "95%", "19.6%");
    Elements rows = svg.select("> g");
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).hasClass("value-chart-used")).isTrue();
    // "about" (a, the text's figure) and exact (c) share the bar: it is labelled as the text
    // words the figure, never by a bare 70,000 that drops the text's qualifier.
    assertThat(rows.get(0).selectFirst("text").text()).isEqualTo("about 70,000 · used in the text");
    assertThat(rows.get(1).select("svg path")).as("'more than' has an open end").hasSize(1);
    assertThat(rows.get(1).selectFirst("text").text()).isEqualTo("more than 170,000");
    assertThat(rows.get(0).select("svg path")).isEmpty();

    Element caption = figure.selectFirst("figcaption");
    assertThat(caption.text())
        .isEqualTo(
            "Bars start at zero; unit: users. Not drawn (no single number): hundreds of thousands.");
    assertThat(figure.text())
        .as("the rows name the sources, the chart does not")
        .doesNotContain("Europol", "NL Times", "[1]");
  }

  @Test
  void escapesText() {
    Fact f = fact(1, v(1, Qualifier.EXACT, "b"), v(2, Qualifier.EXACT, "b"));
    String html = Boxes.chart(f, SITE);
    assertThat(html).doesNotContain("<worldwide>").contains("&lt;worldwide&gt;");
  }

  @Test
  void drawsNothingWithoutTwoDifferentNumbers() {
    assertThat(Boxes.chart(fact(0, v(5, Qualifier.EXACT, "a")), SITE)).isEmpty();
    assertThat(Boxes.chart(fact(0, v(5, Qualifier.EXACT, "a"), v(5, Qualifier.ABOUT, "b")), SITE))
        .isEmpty();
    assertThat(Boxes.chart(fact(0, v(5, Qualifier.EXACT, "a"), v(-3, Qualifier.EXACT, "b")), SITE))
        .isEmpty();
    assertThat(Boxes.chart(fact(0, v(0, Qualifier.EXACT, "a"), v(0, Qualifier.EXACT, "b")), SITE))
        .isEmpty();
  }
}
