package dev.sourced.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.twelvemonkeys.imageio.metadata.CompoundDirectory;
import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import dev.sourced.testing.TestImages;
import dev.sourced.testing.TestSite;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing leaked: a camera JPEG (EXIF with serial number, GPS position and thumbnail; XMP; IPTC; a
 * comment) and a PNG with text, XMP, time and EXIF chunks are published without any of it, as the
 * original and as every copy; the orientation is applied to the copies and kept, alone, in the
 * original; {@code keep_metadata: true} publishes the original as it is.
 */
class ImageMetadataTest {
  @TempDir Path dir;

  static final List<String> MARKS =
      List.of(
          TestImages.SERIAL,
          TestImages.GPS_MARK,
          TestImages.XMP_MARK,
          TestImages.IPTC_MARK,
          TestImages.COMMENT_MARK,
          TestImages.TEXT_MARK,
          "TestCam",
          "Model X100");

  private TestSite site(String config, byte[] jpeg, byte[] png) throws IOException {
    TestSite site =
        TestSite.of(
            dir,
            "-- sourced.yaml --\ntitle: Test\nimages: {widths: [160, 320]"
                + config
                + "}\n"
                + """
                -- content/port/index.md --
                ---
                title: The port
                date: 2021-03-09
                sources:
                  pa: {title: Port photos, url: "https://example.org/p"}
                images:
                  camera.jpg: {credit: A, licence: CC0 1.0, source: pa}
                  tagged.png: {credit: B, licence: CC0 1.0, source: pa}
                ---
                ![A photo taken upright](camera.jpg)

                ![A chart](tagged.png)
                """);
    Files.write(site.root().resolve("content/port/camera.jpg"), jpeg);
    Files.write(site.root().resolve("content/port/tagged.png"), png);
    return site;
  }

  @Test
  void theFixturesCarryEveryKindOfMetadata() throws IOException {
    byte[] jpeg = TestImages.cameraJpeg(TestImages.photo(600, 400, 3), 6);
    byte[] png = TestImages.taggedPng(TestImages.photo(600, 400, 4));
    for (String m : List.of(TestImages.SERIAL, TestImages.GPS_MARK, TestImages.XMP_MARK)) {
      assertThat(TestImages.contains(jpeg, m)).as(m).isTrue();
    }
    assertThat(TestImages.contains(jpeg, TestImages.COMMENT_MARK)).isTrue();
    assertThat(TestImages.contains(jpeg, TestImages.IPTC_MARK)).isTrue();
    assertThat(orientation(jpeg)).isEqualTo(6);
    Directory exif = exif(jpeg);
    assertThat(exif).isInstanceOf(CompoundDirectory.class);
    assertThat(((CompoundDirectory) exif).directoryCount())
        .as("IFD0 and the thumbnail's IFD1")
        .isEqualTo(2);
    assertThat(
            ((CompoundDirectory) exif)
                .getDirectory(1)
                .getEntryById(TIFF.TAG_JPEG_INTERCHANGE_FORMAT))
        .isNotNull();
    assertThat(((CompoundDirectory) exif).getDirectory(0).getEntryById(TIFF.TAG_GPS_IFD))
        .isNotNull();
    // Every chunk ImageIO was given is in the PNG: the text, the XMP, the time and the EXIF.
    for (String chunk : List.of("tEXt", "zTXt", "iTXt", "tIME", "eXIf")) {
      assertThat(TestImages.contains(png, chunk)).as(chunk).isTrue();
    }
    assertThat(TestImages.contains(png, TestImages.TEXT_MARK)).isTrue();
    assertThat(TestImages.contains(png, TestImages.XMP_MARK)).isTrue();
  }

  @Test
  void publishedImagesCarryNoMetadataAndTheOrientationIsApplied() throws IOException {
    byte[] jpeg = TestImages.cameraJpeg(TestImages.photo(600, 400, 3), 6);
    byte[] png = TestImages.taggedPng(TestImages.photo(600, 400, 4));
    TestSite site = site("", jpeg, png);
    site.build();
    assertThat(site.diagnostics()).isEmpty();
    Path out = site.output().resolve("port");
    String[] files = out.toFile().list((d, n) -> !n.endsWith(".html"));
    assertThat(files).hasSizeGreaterThanOrEqualTo(2 + 4 + 4);
    for (String name : files) {
      byte[] bytes = Files.readAllBytes(out.resolve(name));
      for (String m : MARKS) {
        assertThat(TestImages.contains(bytes, m)).as(name + " holds " + m).isFalse();
      }
      for (String chunk : List.of("tEXt", "zTXt", "iTXt", "tIME", "eXIf")) {
        assertThat(TestImages.contains(bytes, chunk)).as(name + " holds " + chunk).isFalse();
      }
      if (name.endsWith(".jpg")) {
        assertThat(TestImages.contains(bytes, "http://ns.adobe.com/xap")).isFalse();
        assertThat(TestImages.contains(bytes, "Photoshop 3.0")).isFalse();
        // One image only: the thumbnail's start-of-image marker is gone with the EXIF.
        assertThat(count(bytes, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})).isEqualTo(1);
      }
    }
    // The original keeps its pixels and, turned, an EXIF segment with its orientation alone.
    byte[] original = Files.readAllBytes(out.resolve("camera.jpg"));
    assertThat(orientation(original)).isEqualTo(6);
    Directory ifd0 = exif(original);
    assertThat(ifd0 instanceof CompoundDirectory c ? c.getDirectory(0).size() : ifd0.size())
        .isEqualTo(1);
    BufferedImage stored = ImageIO.read(out.resolve("camera.jpg").toFile());
    assertThat(stored.getWidth()).isEqualTo(600);
    // The copies are turned: shown upright, 400 wide stored 600 x 400 becomes 400 x 600.
    Element img = site.html("port/").selectFirst("img[alt^=A photo]");
    assertThat(img.attr("width")).isEqualTo("400");
    assertThat(img.attr("height")).isEqualTo("600");
    String copy = img.attr("srcset").split(" ")[0];
    BufferedImage c = ImageIO.read(out.resolve(copy).toFile());
    assertThat(c.getWidth()).isEqualTo(160);
    assertThat(c.getHeight()).isEqualTo(240);
    assertThat(orientation(Files.readAllBytes(out.resolve(copy)))).isEqualTo(1);
    // PNG: the pixels are unchanged.
    BufferedImage before = ImageIO.read(new ByteArrayInputStream(png));
    BufferedImage after = ImageIO.read(out.resolve("tagged.png").toFile());
    assertThat(after.getRGB(0, 0, 600, 400, null, 0, 600))
        .isEqualTo(before.getRGB(0, 0, 600, 400, null, 0, 600));
  }

  @Test
  void keepMetadataPublishesTheOriginalAsItIs() throws IOException {
    byte[] jpeg = TestImages.cameraJpeg(TestImages.photo(600, 400, 3), 1);
    byte[] png = TestImages.taggedPng(TestImages.photo(600, 400, 4));
    TestSite site = site(", keep_metadata: true", jpeg, png);
    site.build();
    assertThat(site.diagnostics()).isEmpty();
    assertThat(Files.readAllBytes(site.output().resolve("port/camera.jpg"))).isEqualTo(jpeg);
    assertThat(Files.readAllBytes(site.output().resolve("port/tagged.png"))).isEqualTo(png);
  }

  private static int count(byte[] hay, byte[] needle) {
    int n = 0;
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
      n++;
    }
    return n;
  }

  private static Directory exif(byte[] jpeg) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
      List<JPEGSegment> segments = JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif");
      if (segments.isEmpty()) return null;
      byte[] data = segments.get(0).data().readAllBytes();
      return new TIFFReader()
          .read(ImageIO.createImageInputStream(new ByteArrayInputStream(data, 1, data.length - 1)));
    }
  }

  private static int orientation(byte[] jpeg) throws IOException {
    Directory d = exif(jpeg);
    if (d == null) return 1;
    Directory ifd0 = d instanceof CompoundDirectory c ? c.getDirectory(0) : d;
    var e = ifd0.getEntryById(TIFF.TAG_ORIENTATION);
    return e == null ? 1 : ((Number) e.getValue()).intValue();
  }
}
