package dev.sourced.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The lasting hash of a fingerprint: collections without an order of their own hash the same
 * whatever order they are walked in, and any change of content, or of which key goes with which
 * value, changes the hash.
 */
class FingerprintDigestTest {
  record Key(String id, int n) {}

  private final FingerprintDigest digest = new FingerprintDigest(p -> null, List.of());

  @Test
  void anUnorderedCollectionHashesTheSameInAnyOrder() {
    ArrayDeque<Object> one = new ArrayDeque<>(List.of(new Key("a", 1), new Key("b", 2), "c"));
    ArrayDeque<Object> other = new ArrayDeque<>(List.of("c", new Key("b", 2), new Key("a", 1)));
    assertThat(digest.of(one)).isEqualTo(digest.of(other));
    ArrayDeque<Object> changed = new ArrayDeque<>(List.of("c", new Key("b", 3), new Key("a", 1)));
    assertThat(digest.of(changed)).isNotEqualTo(digest.of(one));
    assertThat(digest.of(new ArrayDeque<>(List.of(new Key("a", 1), "c"))))
        .isNotEqualTo(digest.of(one));
  }

  @Test
  void aMapWithRecordKeysHashesByWhichValueGoesWithWhichKey() {
    Map<Key, String> one = new HashMap<>(Map.of(new Key("a", 1), "x", new Key("b", 2), "y"));
    Map<Key, String> swapped = new HashMap<>(Map.of(new Key("a", 1), "y", new Key("b", 2), "x"));
    Map<Key, String> same = new HashMap<>();
    same.put(new Key("b", 2), "y");
    same.put(new Key("a", 1), "x");
    assertThat(digest.of(same)).isEqualTo(digest.of(one));
    assertThat(digest.of(swapped)).isNotEqualTo(digest.of(one));
    Map<Key, String> withNull = new HashMap<>();
    withNull.put(new Key("a", 1), null);
    assertThat(digest.of(withNull)).isNotEqualTo(digest.of(Map.of(new Key("a", 1), "")));
  }
}
