package dev.sourced.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordCodecTest {
  enum Colour {
    RED,
    GREEN
  }

  sealed interface Shape permits Dot, Line {}

  record Dot(int x) implements Shape {}

  record Line(List<Shape> parts, String label) implements Shape {}

  /** Holds itself: a node must not need its parts' nodes made first. */
  record Tree(String name, List<Tree> children) {}

  /** Written by the caller (as a body is). */
  static final class Opaque {
    final String text;

    Opaque(String text) {
      this.text = text;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Opaque other && other.text.equals(text);
    }

    @Override
    public int hashCode() {
      return text.hashCode();
    }
  }

  record Everything(
      boolean flag,
      int count,
      long big,
      String text,
      Integer boxed,
      Boolean maybe,
      LocalDate date,
      BigDecimal amount,
      Path file,
      Colour colour,
      List<String> names,
      Set<Integer> numbers,
      Map<String, List<Colour>> byKey,
      Shape shape,
      Tree tree,
      Opaque opaque) {}

  private static final RecordCodec CODEC =
      new RecordCodec(
          Opaque.class,
          new RecordCodec.Custom<Opaque>() {
            @Override
            public void write(DataOutput out, Opaque value) throws IOException {
              out.writeUTF("custom:" + value.text);
            }

            @Override
            public Opaque read(DataInput in) throws IOException {
              return new Opaque(in.readUTF().substring("custom:".length()));
            }
          });

  private static Everything sample() {
    Map<String, List<Colour>> byKey = new LinkedHashMap<>();
    byKey.put("z", List.of(Colour.GREEN, Colour.RED));
    byKey.put("a", Arrays.asList(Colour.RED, null));
    byKey.put("n", null);
    Set<Integer> numbers = new LinkedHashSet<>(List.of(9, 3, 7));
    return new Everything(
        true,
        -42,
        1L << 40,
        "caf\u00e9 \ud83d\ude00 lone \ud800 end",
        null,
        Boolean.FALSE,
        LocalDate.of(2024, 2, 29),
        new BigDecimal("-12.3400"),
        Path.of("content/a b/\u00fcber.md"),
        Colour.GREEN,
        Arrays.asList("x", null, "", "\udc00"),
        numbers,
        byKey,
        new Line(List.of(new Dot(1), new Line(List.of(), null)), "l"),
        new Tree("root", List.of(new Tree("leaf", List.of()), new Tree("other", List.of()))),
        new Opaque("inside"));
  }

  private static byte[] write(Object value, Class<?> type) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CODEC.write(new DataOutputStream(bytes), type, value);
    return bytes.toByteArray();
  }

  private static void assertSame(Everything a, Everything b) {
    assertThat(b.equals(a)).as("read back equal to what was written").isTrue();
    assertThat(b.names()).containsExactlyElementsOf(a.names());
    assertThat(b.numbers()).containsExactlyElementsOf(a.numbers());
    assertThat(b.byKey().keySet()).containsExactlyElementsOf(a.byKey().keySet());
    assertThat(b.opaque().text).isEqualTo("inside");
  }

  @Test
  void everyKindOfValueReadsBackAsItWasThroughEitherInput() throws IOException {
    Everything value = sample();
    byte[] bytes = write(value, Everything.class);

    var fromStream =
        (Everything)
            CODEC.read(new DataInputStream(new ByteArrayInputStream(bytes)), Everything.class);
    var fromArray =
        (Everything) CODEC.read(new RecordCodec.Input(bytes, 0, bytes.length), Everything.class);

    assertSame(value, fromStream);
    assertSame(value, fromArray);
    assertThat(fromArray.text()).isEqualTo(value.text());
    assertThat(write(fromArray, Everything.class)).isEqualTo(bytes);
  }

  @Test
  void anInputOverPartOfAnArrayReadsOnlyThatPart() throws IOException {
    byte[] one = write(new Dot(7), Shape.class);
    byte[] padded = new byte[one.length + 6];
    System.arraycopy(one, 0, padded, 3, one.length);

    var in = new RecordCodec.Input(padded, 3, one.length);
    assertThat(CODEC.read(in, Shape.class)).isEqualTo(new Dot(7));
    assertThatThrownBy(in::readByte).isInstanceOf(IOException.class);
  }

  @Test
  void theLayoutIsTheDeclaredOneByteForByte() throws IOException {
    // A sealed interface: 1 + the permitted class's index; a record: its components in order; a
    // list: a presence byte, its size, then each element; a string: a presence byte, its UTF-8
    // length and bytes.
    byte[] bytes = write(new Line(List.of(new Dot(5)), "ab"), Shape.class);

    assertThat(bytes).containsExactly(2, 1, 0, 0, 0, 1, 1, 0, 0, 0, 5, 1, 0, 0, 0, 2, 'a', 'b');
  }

  @Test
  void aLongStringMetAgainIsWrittenOnceAndReadBackAsOneString() throws IOException {
    String path = "content/posts/a-long-article-name.md";
    Tree tree =
        new Tree(path, List.of(new Tree(new String(path), List.of()), new Tree("short", null)));
    byte[] bytes = write(tree, Tree.class);

    int times = 0;
    byte[] name = path.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    for (int i = 0; i + name.length <= bytes.length; i++) {
      if (Arrays.equals(bytes, i, i + name.length, name, 0, name.length)) times++;
    }
    assertThat(times).isEqualTo(1);
    Tree back = (Tree) CODEC.read(new RecordCodec.Input(bytes, 0, bytes.length), Tree.class);
    assertThat(back).isEqualTo(tree);
    assertThat(back.children().get(0).name()).isSameAs(back.name());

    // Each call has its own strings: a second write of the same value writes the path out again.
    ByteArrayOutputStream two = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(two);
    CODEC.write(out, Tree.class, tree);
    CODEC.write(out, Tree.class, tree);
    byte[] both = two.toByteArray();
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(both));
    assertThat(CODEC.read(in, Tree.class)).isEqualTo(tree);
    assertThat(CODEC.read(in, Tree.class)).isEqualTo(tree);
  }

  @Test
  void damagedBytesAreAnIoErrorNotAWrongValue() throws IOException {
    byte[] bytes = write(new Dot(1), Shape.class);
    byte[] badKind = bytes.clone();
    badKind[0] = 9;
    assertThatThrownBy(
            () -> CODEC.read(new RecordCodec.Input(badKind, 0, badKind.length), Shape.class))
        .isInstanceOf(IOException.class);

    // An enum is written as its constant's name (a string): a name it does not have is refused.
    byte[] colour = write("YELLOW", String.class);
    assertThatThrownBy(
            () -> CODEC.read(new RecordCodec.Input(colour, 0, colour.length), Colour.class))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("Colour");

    byte[] cut = write(sample(), Everything.class);
    assertThatThrownBy(
            () -> CODEC.read(new RecordCodec.Input(cut, 0, cut.length - 3), Everything.class))
        .isInstanceOf(IOException.class);

    byte[] unknownNumber = write(new Tree("a long enough name", List.of()), Tree.class);
    unknownNumber[0] = 2; // "the string numbered ..." with nothing numbered yet
    assertThatThrownBy(
            () ->
                CODEC.read(
                    new RecordCodec.Input(unknownNumber, 0, unknownNumber.length), Tree.class))
        .isInstanceOf(IOException.class);

    byte[] presence = write("abc", String.class);
    presence[0] = 5;
    assertThatThrownBy(
            () -> CODEC.read(new RecordCodec.Input(presence, 0, presence.length), String.class))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("presence");
  }
}
