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
import java.util.List;
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
  private record Build(int hashed, ImageProcessor.Result result) {}

  private Build build(Path photo) throws IOException {
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
              d);
      assertThat(d.list()).isEmpty();
      processor.pruneCache();
      return new Build(processor.originalsHashed(), r);
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
}
