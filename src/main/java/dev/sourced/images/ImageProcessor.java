package dev.sourced.images;

import dev.sourced.config.ImageSettings;
import dev.sourced.diag.Code;
import dev.sourced.diag.Diagnostics;
import dev.sourced.diag.SourcePosition;
import dev.sourced.hash.Hashes;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Publishes a bundle's JPEG and PNG images: the original at its own address without its metadata
 * (see {@link MetadataStripper}), and copies at the configured widths that are narrower than it, in
 * its format and as WebP, for {@code srcset}. Copies are named by the width and a hash of the
 * original and settings ({@code port-800w.1a2b3c4d.jpg}), so a changed image gets new addresses and
 * a browser's cached copy is never stale.
 *
 * <p>What is made for an image is kept in the {@link ImageCache} under a key of its bytes
 * (SHA-256), the settings and this code's version, so a second build decodes nothing; and the build
 * cache remembers each original's key with its file stamp ({@link KnownOriginals}), so a second
 * build does not even read an unchanged original to hash it; nor, when the output folder still
 * holds a copy as the build before wrote it ({@link OutputFiles}), the cached copy. An image that
 * cannot be read safely (not what its name says, truncated, declaring more pixels than {@code
 * max_megapixels}) is reported as a warning on the file and published as it is; nothing in an
 * image's content can stop or crash a build. Thread-safe: the render stage publishes images on all
 * cores, as many decoded at once as the {@link DecodeBudget} lets the heap hold.
 */
public final class ImageProcessor {
  /** Changes whenever what this code makes for the same input changes, to retire old entries. */
  static final String VERSION = "1";

  private final ImageSettings settings;
  private final ImageCache cache;
  private final ConcurrentHashMap<String, Object> making = new ConcurrentHashMap<>();
  private final AtomicInteger hashed = new AtomicInteger();
  private final DecodeBudget budget;
  private final DecodeBuffers buffers = DecodeBuffers.ofHeap();

  public ImageProcessor(ImageSettings settings, ImageCache cache) {
    this(settings, cache, DecodeBudget.ofHeap());
  }

  ImageProcessor(ImageSettings settings, ImageCache cache, DecodeBudget budget) {
    this.settings = settings;
    this.cache = cache;
    this.budget = budget;
  }

  /**
   * One bundle image to publish.
   *
   * @param sitePath the file relative to the site, for diagnostics ({@code content/a/port.jpg})
   * @param file where it is
   * @param pageUrl the page's address relative to the site root ({@code a/})
   * @param name its name in the bundle ({@code port.jpg}, {@code photos/port.jpg})
   */
  public record Input(String sitePath, Path file, String pageUrl, String name) {}

  /** A file to put in the output: its path relative to the site root, and where it is now. */
  public record PublishedFile(String path, Path source) {}

  /**
   * How an image is shown, and the files to copy into the output to publish it (the original's
   * address among them): all of them, but those the output folder already holds (see {@link
   * OutputFiles}).
   */
  public record Result(PublishedImage image, List<PublishedFile> files) {}

  /**
   * The output folder as the build before left it, seen from the image stage (the build cache's
   * records of its files): a file made last time from the same bytes, untouched since, stays as it
   * is, and neither it nor its cached copy is read. A published file's fingerprint names the cache
   * entry's file and its recorded size and checksum.
   */
  public interface OutputFiles {
    /** Whether the file at {@code path}, last made from {@code fingerprint}, stays as it is. */
    boolean keep(String path, String fingerprint);

    /** The file at {@code path} is copied anew, with the bytes {@code fingerprint} names. */
    void made(String path, String fingerprint);
  }

  /**
   * Ends a build's use of the image cache: what the build did not use is removed as {@link
   * ImageCache} says, so that the cache stays bounded. Called once every image of the site was
   * published.
   */
  public void pruneCache() throws IOException {
    buffers.clear();
    cache.prune();
  }

  /**
   * Loads the WebP encoder (a native library, unpacked from its jar and checked on first use) when
   * the settings ask for WebP copies: a build that has images to publish calls this early, on a
   * thread of its own, so that the first image does not hold up every worker while it loads.
   */
  public void prepare() {
    if (settings.webp()) ImageEncoder.webpAvailable();
  }

  /** Publishes one image; problems with its content are warnings in {@code diagnostics}. */
  public Result publish(Input in, Diagnostics diagnostics) throws IOException {
    return publish(in, null, null, diagnostics);
  }

  public Result publish(Input in, KnownOriginals known, Diagnostics diagnostics)
      throws IOException {
    return publish(in, known, null, diagnostics);
  }

  /**
   * Publishes one image, taking its key from {@code known} (null: none) when the original is
   * unchanged since an earlier build hashed it, so that a second build reads no original whose
   * copies it already has; and leaving out of the files to copy those {@code output} (null: none)
   * keeps, so that it reads none of their cached copies either. A cached copy that is to be copied
   * is checked against its checksum first; when one is damaged, the entry is made again.
   */
  public Result publish(Input in, KnownOriginals known, OutputFiles output, Diagnostics diagnostics)
      throws IOException {
    String name = VERSION + ";" + settings.cacheKey() + "\0" + in.file().toAbsolutePath();
    String key = known == null ? null : known.knownKey(name, in.file(), cache::has);
    ImageCache.Entry entry = key == null ? null : entry(key, in, false);
    if (entry == null) {
      key = key(in.file());
      hashed.incrementAndGet();
      if (known != null) known.saw(name, in.file(), key);
      entry = entry(key, in, true);
    }
    Set<String> kept = new HashSet<>();
    Diagnostics found = new Diagnostics();
    Result r = result(in, key, entry, found);
    List<PublishedFile> files = toCopy(r, key, entry, output, kept);
    if (files == null) {
      entry = remade(key, in);
      found = new Diagnostics();
      r = result(in, key, entry, found);
      files = toCopy(r, key, entry, output, kept);
      if (files == null) throw new IOException("the image cache's new entry is damaged: " + key);
    }
    diagnostics.addAll(found);
    return new Result(r.image(), files);
  }

  /**
   * The files of {@code r} to copy: not those {@code output} keeps (noted in {@code kept}); null
   * when one to copy from the cache is damaged.
   */
  private List<PublishedFile> toCopy(
      Result r, String key, ImageCache.Entry entry, OutputFiles output, Set<String> kept) {
    List<PublishedFile> files = new ArrayList<>();
    for (PublishedFile f : r.files()) {
      ImageCache.Stored stored =
          f.source().getParent().equals(entry.dir())
              ? entry.stored(f.source().getFileName().toString())
              : null;
      if (stored == null) {
        // The original as it is (an image refused): the write stage compares it with the old one.
        files.add(f);
        continue;
      }
      String fingerprint =
          "image " + key + " " + stored.name() + " " + stored.size() + " " + stored.crc();
      if (output != null && (kept.contains(f.path()) || output.keep(f.path(), fingerprint))) {
        kept.add(f.path());
        continue;
      }
      if (!cache.intact(entry, stored)) return null;
      if (output != null) output.made(f.path(), fingerprint);
      files.add(f);
    }
    return files;
  }

  /** The entry for {@code key} made again, the one in the cache being damaged. */
  private ImageCache.Entry remade(String key, Input in) throws IOException {
    synchronized (making.computeIfAbsent(key, k -> new Object())) {
      cache.discard(key);
      return cache.put(key, dir -> make(in.file(), in.name(), dir));
    }
  }

  /** How many originals this processor has read and hashed (a second build should read none). */
  public int originalsHashed() {
    return hashed.get();
  }

  /** How many cached copies this processor has read to check them (a second build: none). */
  public int cachedFilesChecked() {
    return cache.filesChecked();
  }

  /** The entry for {@code key}: kept, or (when {@code make}) made now; else null. */
  private ImageCache.Entry entry(String key, Input in, boolean make) throws IOException {
    // Two bundles may hold the same bytes: one thread makes the entry, the other waits for it.
    synchronized (making.computeIfAbsent(key, k -> new Object())) {
      ImageCache.Entry entry = cache.get(key);
      if (entry == null && make) entry = cache.put(key, dir -> make(in.file(), in.name(), dir));
      return entry;
    }
  }

  private String key(Path file) throws IOException {
    MessageDigest sha = Hashes.sha256();
    byte[] buf = new byte[1 << 16];
    try (InputStream s = Files.newInputStream(file)) {
      for (int r = s.read(buf); r >= 0; r = s.read(buf)) sha.update(buf, 0, r);
    }
    sha.update((VERSION + ";" + settings.cacheKey()).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(sha.digest());
  }

  /**
   * Makes an entry's files in {@code dir}; returns its info lines: {@code size W H}, then {@code
   * original FILE} and {@code copy FILE WIDTH EXT} lines, or {@code refused CODE|MESSAGE|HINT}.
   */
  private List<String> make(Path file, String name, Path dir) throws IOException {
    List<String> info = new ArrayList<>();
    String format = ImageNames.format(name);
    ImageDecoder.Header header;
    try {
      header = ImageDecoder.header(file, format, (long) settings.maxMegapixels() * 1_000_000L);
    } catch (ImageDecoder.Refused r) {
      info.add("refused " + r.code.text() + "|" + r.getMessage() + "|" + r.hint);
      return info;
    }
    int shownW = header.shownWidth();
    info.add("size " + shownW + " " + header.shownHeight());
    String ext = format.equals("jpeg") ? "jpg" : "png";
    int widest = settings.widths().get(settings.widths().size() - 1);
    // A turned PNG that srcset offers as it is gets its pixels turned: not every browser reads a
    // PNG's eXIf orientation, and PNG loses nothing by being written again.
    boolean turnPixels =
        !settings.keepMetadata()
            && format.equals("png")
            && header.orientation() > 1
            && shownW <= widest;
    // The original, without its metadata.
    Path original = dir.resolve("original." + ext);
    try (InputStream src = Files.newInputStream(file);
        OutputStream out = ImageCache.create(original)) {
      if (settings.keepMetadata()) src.transferTo(out);
      else if (format.equals("jpeg")) MetadataStripper.jpeg(src, out, header.orientation());
      else if (turnPixels) {
        try (DecodeBudget.Share share = budget.take(ImageDecoder.decodedPixels(header, shownW))) {
          ImageEncoder.png(ImageDecoder.decode(file, header, shownW), out);
        }
      } else MetadataStripper.png(src, out, header.orientation());
    } catch (MetadataStripper.Malformed e) {
      Files.deleteIfExists(original);
      info.set(0, "refused " + refusedDamaged());
      return info.subList(0, 1);
    } catch (ImageDecoder.Refused r) {
      Files.deleteIfExists(original);
      return new ArrayList<>(List.of("refused " + r.code + "|" + r.getMessage() + "|" + r.hint));
    }
    info.add("original original." + ext);
    List<Integer> targets = new ArrayList<>();
    for (int w : settings.widths()) if (w < shownW) targets.add(w);
    boolean fullInSrcset = shownW <= widest;
    boolean webp = settings.webp() && ImageEncoder.webpAvailable();
    List<Integer> decoded = new ArrayList<>(targets);
    if (webp && fullInSrcset) decoded.add(shownW);
    if (decoded.isEmpty()) return info;
    int decodeWidth = decoded.get(decoded.size() - 1);
    try (DecodeBudget.Share share = budget.take(ImageDecoder.decodedPixels(header, decodeWidth))) {
      // Held in an array that writeCopies empties, so that no local keeps the widest image alive
      // while the narrower ones are made.
      BufferedImage[] img = new BufferedImage[1];
      try {
        img[0] = ImageDecoder.decode(file, header, decodeWidth, buffers);
      } catch (ImageDecoder.Refused r) {
        Files.deleteIfExists(original);
        List<String> refused = new ArrayList<>();
        refused.add("refused " + r.code.text() + "|" + r.getMessage() + "|" + r.hint);
        return refused;
      }
      writeCopies(img, decoded, targets, format, ext, webp, dir, info);
    }
    return info;
  }

  /**
   * Writes the copies at the widths of {@code decoded} (in its format for those in {@code targets},
   * and as WebP), widest first, each resampled from the one before: every step shrinks by under 2x.
   */
  private void writeCopies(
      BufferedImage[] img,
      List<Integer> decoded,
      List<Integer> targets,
      String format,
      String ext,
      boolean webp,
      Path dir,
      List<String> info)
      throws IOException {
    BufferedImage from = img[0];
    img[0] = null;
    for (int i = decoded.size() - 1; i >= 0; i--) {
      int w = decoded.get(i);
      BufferedImage copy = from.getWidth() == w ? from : ImageEncoder.resize(from, w);
      if (targets.contains(w)) {
        String f = w + "." + ext;
        try (OutputStream out = ImageCache.create(dir.resolve(f))) {
          if (format.equals("jpeg")) ImageEncoder.jpeg(copy, settings.qualityAt(w), out);
          else ImageEncoder.png(copy, out);
        }
        info.add("copy " + f + " " + w + " " + ext);
      }
      if (webp) {
        String f = w + ".webp";
        try (OutputStream out = ImageCache.create(dir.resolve(f))) {
          ImageEncoder.webp(copy, settings.qualityAt(w), format.equals("png"), out);
        }
        info.add("copy " + f + " " + w + " webp");
      }
      from = copy;
    }
  }

  private static String refusedDamaged() {
    return Code.BAD_IMAGE.text()
        + "|it cannot be read (the file is truncated or damaged); it is copied as it is,"
        + " not resized|export the image again from its original";
  }

  /** The published files and the page's view of them, from an entry's info lines. */
  private Result result(Input in, String key, ImageCache.Entry entry, Diagnostics diagnostics) {
    String folder =
        in.name().contains("/") ? in.name().substring(0, in.name().lastIndexOf('/') + 1) : "";
    String base = in.name().substring(folder.length());
    String stem = base.contains(".") ? base.substring(0, base.lastIndexOf('.')) : base;
    String hash = key.substring(0, 8);
    int width = 0;
    int height = 0;
    List<PublishedFile> files = new ArrayList<>();
    List<PublishedImage.Rendition> main = new ArrayList<>();
    List<PublishedImage.Rendition> webp = new ArrayList<>();
    boolean original = false;
    for (String line : entry.info()) {
      String[] f = line.split(" ", 2);
      switch (f[0]) {
        case "refused" -> {
          String[] w = f[1].split("\\|", 3);
          // Kept in the cache as text; a code this version does not know reads as bad-image.
          Code code = Code.of(w[0]);
          diagnostics.warning(
              SourcePosition.file(in.sitePath()),
              code == null ? Code.BAD_IMAGE : code,
              in.name() + ": " + w[1],
              w[2]);
        }
        case "size" -> {
          String[] wh = f[1].split(" ");
          width = Integer.parseInt(wh[0]);
          height = Integer.parseInt(wh[1]);
        }
        case "original" -> {
          files.add(new PublishedFile(in.pageUrl() + in.name(), entry.file(f[1])));
          original = true;
        }
        case "copy" -> {
          String[] c = f[1].split(" ");
          int w = Integer.parseInt(c[1]);
          String name = folder + stem + "-" + w + "w." + hash + "." + c[2];
          files.add(new PublishedFile(in.pageUrl() + name, entry.file(c[0])));
          (c[2].equals("webp") ? webp : main)
              .add(new PublishedImage.Rendition(ImageNames.href(name), w));
        }
        default -> {}
      }
    }
    if (!original) files.add(new PublishedFile(in.pageUrl() + in.name(), in.file()));
    main.sort(Comparator.comparingInt(PublishedImage.Rendition::width));
    webp.sort(Comparator.comparingInt(PublishedImage.Rendition::width));
    int widest = settings.widths().get(settings.widths().size() - 1);
    if (original && width > 0 && width <= widest) {
      main.add(new PublishedImage.Rendition(ImageNames.href(in.name()), width));
    }
    String src = ImageNames.href(in.name());
    for (PublishedImage.Rendition r : main) {
      src = r.file();
      if (r.width() >= 800) break;
    }
    if (!original) {
      main.clear();
      webp.clear();
    }
    return new Result(
        new PublishedImage(in.name(), width, height, src, List.copyOf(main), List.copyOf(webp)),
        List.copyOf(files));
  }
}
