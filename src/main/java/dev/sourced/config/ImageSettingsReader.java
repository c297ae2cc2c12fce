package dev.sourced.config;

import dev.sourced.diag.Code;
import dev.sourced.diag.Diagnostics;
import dev.sourced.yaml.YamlMap;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads the {@code images:} section of {@code sourced.yaml}; defaults fill what it leaves out. */
final class ImageSettingsReader {
  static final List<String> KEYS =
      List.of(
          "widths",
          "quality",
          "dense_quality",
          "dense_from",
          "webp",
          "keep_metadata",
          "max_megapixels",
          "sizes");

  private ImageSettingsReader() {}

  static ImageSettings read(YamlMap map, Diagnostics diagnostics) {
    ImageSettings d = ImageSettings.DEFAULTS;
    if (map == null) return d;
    String what = "the images settings";
    map.warnUnknownKeys(what, KEYS);
    List<Integer> widths = d.widths();
    if (map.has("widths")) {
      TreeSet<Integer> given = new TreeSet<>();
      boolean ok = true;
      for (Node n : map.list("widths")) {
        Integer w = null;
        if (n instanceof ScalarNode s) {
          try {
            w = Integer.valueOf(s.getValue().strip());
          } catch (NumberFormatException e) {
            w = null;
          }
        }
        if (w == null || w < 16 || w > 8192) {
          ok = false;
          diagnostics.error(
              map.at(n),
              Code.BAD_CONFIG,
              "image widths are whole numbers of pixels from 16 to 8192",
              "e.g. widths: [480, 800, 1200, 1600]");
        } else {
          given.add(w);
        }
      }
      if (ok && !given.isEmpty()) widths = List.copyOf(new ArrayList<>(given));
    }
    int quality = bounded(map, "quality", 1, 100, d.quality(), diagnostics, "e.g. quality: 80");
    // Unless set, a dense copy is never written at a higher quality than the others (quality: 40).
    int denseDefault = Math.min(quality, d.denseQuality());
    int denseQuality =
        bounded(map, "dense_quality", 1, 100, denseDefault, diagnostics, "e.g. dense_quality: 45");
    int denseFrom =
        bounded(
            map, "dense_from", 16, 100_000, d.denseFrom(), diagnostics, "e.g. dense_from: 1000");
    int maxMp =
        bounded(
            map,
            "max_megapixels",
            1,
            10_000,
            d.maxMegapixels(),
            diagnostics,
            "e.g. max_megapixels: 150");
    Boolean webp = map.bool("webp", what);
    Boolean keep = map.bool("keep_metadata", what);
    String sizes = map.string("sizes", false, what);
    return new ImageSettings(
        widths,
        quality,
        denseQuality,
        denseFrom,
        webp == null ? d.webp() : webp,
        keep != null && keep,
        maxMp,
        sizes == null || sizes.isEmpty() ? d.sizes() : sizes);
  }

  private static int bounded(
      YamlMap map,
      String key,
      int min,
      int max,
      int fallback,
      Diagnostics diagnostics,
      String example) {
    Integer v = map.integer(key, false, "the images settings");
    if (v == null) return fallback;
    if (v < min || v > max) {
      diagnostics.error(
          map.valueAt(key),
          Code.BAD_CONFIG,
          "`" + key + "` must be from " + min + " to " + max + ", not " + v,
          example);
      return fallback;
    }
    return v;
  }
}
