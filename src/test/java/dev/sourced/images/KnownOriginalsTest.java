package dev.sourced.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.cache.BuildCache;
import dev.sourced.config.ImageSettings;
import dev.sourced.diag.Diagnostics;
import dev.sourced.testing.TestImages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second build recognises an unchanged original by its file stamp, through the build cache's list
 * of known files (the one that recognises unchanged articles), and reads none; an original whose
 * bytes changed is read again even when its size and modification time were put back.
 */
class KnownOriginalsTest {
  @TempDir Path dir;

  private static final ImageSettings SETTINGS =
      new ImageSettings(
          List.of(200), 80, 45, 1000, false, false, 150, ImageSettings.DEFAULTS.sizes());

  /** One build's use of the image stage: a fresh process's processor and the build cache. */
  private record Build(int hashed, ImageProcessor.Result result, int checked) {}

  /** An output folder that holds the files recorded in {@code held}, and records what is made. */
  private static ImageProcessor.OutputFiles output(
      Map<String, String> held, Map<String, String> made) {
    return new ImageProcessor.OutputFiles() {
      @Override
      public boolean keep(String path, String fingerprint) {
        boolean kept = fingerprint.equals(held.get(path));
        if (kept) made.put(path, fingerprint);
        return kept;
      }

      @Override
      public void made(String path, String fingerprint) {
        made.put(path, fingerprint);
      }
    };
  }

  private Build build(Path photo) throws IOException {
    return build(photo, null);
  }

  private Build build(Path photo, ImageProcessor.OutputFiles output) throws IOException {
    Diagnostics notes = new Diagnostics();
    BuildCache cache = BuildCache.open(dir.resolve("cache"), notes);
    assertThat(cache).isNotNull();
    try {
      ImageProcessor processor = new ImageProcessor(SETTINGS, ImageCache.at(dir.resolve("images")));
      Diagnostics d = new Diagnostics();
      ImageProcessor.Result r =
          processor.publish(
              new ImageProcessor.Input("content/a/photo.jpg", photo, "a/", "photo.jpg"),
              cache.originals(),
              output,
              d);
      assertThat(d.list()).isEmpty();
      processor.pruneCache();
      return new Build(processor.originalsHashed(), r, processor.cachedFilesChecked());
    } finally {
      cache.close();
    }
  }

  /** A JPEG with a comment: the comment's text changes the bytes, not the size or the pixels. */
  private static byte[] jpegWithComment(String comment) {
    byte[] jpeg = TestImages.jpeg(TestImages.photo(600, 400, 7), 0.85f);
    byte[] text = comment.getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    out.write(0xFF);
    out.write(0xFE);
    out.write((text.length + 2) >> 8);
    out.write((text.length + 2) & 0xFF);
    out.write(text, 0, text.length);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  @Test
  void aSecondBuildReadsNoUnchangedOriginalAndAnEditedOneIsReadAgain() throws Exception {
    Path photo = dir.resolve("photo.jpg");
    Files.write(photo, jpegWithComment("first"));
    // Written longer ago than the two seconds allowed for the file system's clock tick, as a photo
    // of an existing site is.
    Thread.sleep(2100);

    Build first = build(photo);
    assertThat(first.hashed()).isEqualTo(1);
    Build second = build(photo);
    assertThat(second.hashed()).as("nothing changed: no original is read").isZero();
    assertThat(second.result().image()).isEqualTo(first.result().image());
    assertThat(second.result().files()).isEqualTo(first.result().files());

    // Same size, same modification time put back, other bytes: read again, new copies.
    FileTime mtime = Files.getLastModifiedTime(photo);
    Files.write(photo, jpegWithComment("again"));
    Files.setLastModifiedTime(photo, mtime);
    assertThat(Files.size(photo)).isEqualTo(jpegWithComment("first").length);
    Build edited = build(photo);
    assertThat(edited.hashed()).isEqualTo(1);
    assertThat(edited.result().image().src()).isNotEqualTo(first.result().image().src());

    // Changed within a tick of that build's start: not trusted yet, so read once more; later on,
    // known again.
    Thread.sleep(2100);
    Build after = build(photo);
    assertThat(after.hashed()).isEqualTo(1);
    assertThat(after.result().image()).isEqualTo(edited.result().image());
    Build settled = build(photo);
    assertThat(settled.hashed()).isZero();
  }

  @Test
  void aSecondBuildReadsNoCachedCopyTheOutputStillHoldsAndChecksTheOthers() throws Exception {
    Path photo = dir.resolve("photo.jpg");
    Files.write(photo, jpegWithComment("first"));
    Thread.sleep(2100);
    Map<String, String> first = new HashMap<>();
    Build made = build(photo, output(Map.of(), first));
    assertThat(made.checked()).as("made now: nothing to check").isZero();
    List<ImageProcessor.PublishedFile> all = made.result().files();
    assertThat(first.keySet())
        .containsExactlyInAnyOrderElementsOf(
            all.stream().map(ImageProcessor.PublishedFile::path).toList());

    // The output holds every file as that build wrote it: nothing is read, nothing copied.
    Map<String, String> second = new HashMap<>();
    Build kept = build(photo, output(first, second));
    assertThat(kept.hashed()).isZero();
    assertThat(kept.checked()).isZero();
    assertThat(kept.result().files()).isEmpty();
    assertThat(kept.result().image()).isEqualTo(made.result().image());
    assertThat(second).isEqualTo(first);

    // One output file is gone: only its cached copy is read (checked), and it alone is copied.
    String gone = all.get(1).path();
    Map<String, String> held = new HashMap<>(first);
    held.remove(gone);
    Build one = build(photo, output(held, new HashMap<>()));
    assertThat(one.checked()).isEqualTo(1);
    assertThat(one.result().files()).containsExactly(all.get(1));

    // Its cached copy damaged (same size): the entry is made again, the copy sound.
    Path cached = all.get(1).source();
    byte[] good = Files.readAllBytes(cached);
    byte[] bad = good.clone();
    bad[bad.length / 2] ^= 0x55;
    Files.write(cached, bad);
    Build mended = build(photo, output(held, new HashMap<>()));
    assertThat(mended.result().files()).hasSize(1);
    assertThat(Files.readAllBytes(mended.result().files().get(0).source())).isEqualTo(good);
  }
}
