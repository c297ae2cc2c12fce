package dev.sourced.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void escapesWhatCouldCloseAScriptOrBreakALine() {
    assertThat(
            Json.write(
                List.of("</script>", "a&b", "\"q\"\\", "l\u2028s\u2029", "\u0001\t\n"), false))
        .isEqualTo(
            "[\"\\u003c/script\\u003e\",\"a\\u0026b\",\"\\\"q\\\"\\\\\","
                + "\"l\\u2028s\\u2029\",\"\\u0001\\t\\n\"]");
  }

  @Test
  void streamedOutputIsExactlyTheStringOutputHoweverLarge() throws Exception {
    List<Object> items = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", "fact-" + i);
      m.put("label", "Figure \u2014 number " + i + " <b>");
      m.put("values", List.of(i, new java.math.BigDecimal("1.50"), List.of()));
      m.put("note", i % 3 == 0 ? null : Map.of());
      items.add(m);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("version", 1);
    root.put("facts", items);
    for (boolean pretty : new boolean[] {false, true}) {
      StringWriter out = new StringWriter();
      Json.write(root, pretty, out);
      assertThat(out.toString()).isEqualTo(Json.write(root, pretty));
      assertThat(out.toString().length()).isGreaterThan(1 << 17);
    }
  }
}
