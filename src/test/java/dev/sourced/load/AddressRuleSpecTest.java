package dev.sourced.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The address rule specified by example: every line of {@code
 * src/test/resources/spec/addresses.txt} ({@code name => address}, or {@code name => !} where no
 * address can be made) is one test case, as the CommonMark spec's examples are.
 */
class AddressRuleSpecTest {
  record Example(int line, String name, String address) {
    @Override
    public String toString() {
      return "line " + line + ": \"" + name + "\" => " + address;
    }
  }

  static Stream<Example> examples() throws IOException {
    List<Example> out = new ArrayList<>();
    try (InputStream in = AddressRuleSpecTest.class.getResourceAsStream("/spec/addresses.txt")) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        String l = lines[i];
        if (l.isBlank() || l.startsWith("#")) continue;
        int arrow = l.lastIndexOf(" => ");
        out.add(new Example(i + 1, l.substring(0, arrow), l.substring(arrow + 4).strip()));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void aNameGetsTheAddressTheRuleGives(Example e) {
    String address = Addresses.segment(e.name());
    if (e.address().equals("!")) {
      assertThat(Addresses.problem(address))
          .as("no address for \"%s\" (got %s)", e.name(), address)
          .isNotNull();
    } else {
      assertThat(address).isEqualTo(e.address());
      assertThat(Addresses.problem(address)).isNull();
      // The rule is idempotent: an address is its own address.
      assertThat(Addresses.segment(address)).isEqualTo(address);
    }
  }

  @Test
  void theSpecCoversEveryStepOfTheRule() throws IOException {
    assertThat(examples().count()).isGreaterThanOrEqualTo(35);
  }

  @Test
  void pathsAreMadePartByPartAndEmptyPartsAreReported() {
    assertThat(Addresses.path("Docs/Getting Started")).isEqualTo("docs/getting-started");
    assertThat(Addresses.problem(Addresses.path("a/../b")))
        .isEqualTo("a part of it has no letters or digits");
    assertThat(Addresses.problem(Addresses.path("news/aux")))
        .isEqualTo("\"aux\" is a device name on Windows");
    assertThat(Addresses.problem("a".repeat(201))).isEqualTo("it is longer than 200 characters");
  }

  @Test
  void aTagWithNoLatinLetterGetsAStableCode() {
    assertThat(Addresses.tag("U.S.")).isEqualTo("u.s");
    assertThat(Addresses.tag("日本")).matches("tag-[0-9a-f]+").isEqualTo(Addresses.tag("日本"));
    assertThat(Addresses.tag("日本")).isNotEqualTo(Addresses.tag("中国"));
  }
}
