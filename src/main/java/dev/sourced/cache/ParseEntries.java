package dev.sourced.cache;

import dev.sourced.diag.Diagnostic;
import dev.sourced.diag.Diagnostics;
import dev.sourced.facts.BodyHtml;
import dev.sourced.hash.Hashes;
import dev.sourced.load.ArticleFile;
import dev.sourced.parse.BodySpill;
import dev.sourced.parse.ParsedPage;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The articles' parses kept between builds: an index file ({@code pages.bin}, in a {@link
 * CacheFile} envelope) with, per key, where the body is in the {@link BodyFile} and the rest of the
 * parse as {@link RecordCodec} bytes. An entry read from the index is kept as those bytes and
 * decoded only when its article asks for it (on the parse stage's worker threads); an entry kept
 * for the next build is copied as it is.
 *
 * <p>The index lists only the entries this build used or made: an edited or deleted article's old
 * entry is dropped at once. The bodies file only grows between compactions; when its unused bytes
 * are more than half of it, the live bodies are copied into a new file and the old one deleted.
 */
public final class ParseEntries {
  static final String INDEX = "pages.bin";
  static final String KIND = "pages";
  static final String PATCH = "pages-patch.bin";
  static final String PATCH_KIND = "pages-patch";
  private static final String BODIES = "bodies-";

  /** What a kept parse gives back: the parse (null if the file did not parse) and diagnostics. */
  public record Hit(ParsedPage page, List<Diagnostic> diagnostics) {}

  /**
   * An entry as kept: the body's place and check, and the encoded rest ({@code blob}: for an entry
   * read from the index, a view of the index's own mapped bytes rather than a copy of them; for one
   * made by this build, its place in the {@link BodySpill} it waits in until the index is saved).
   */
  private record Stored(long offset, int length, int crc, Rest blob) {
    Stored(long offset, int length, int crc, ByteBuffer blob) {
      this(offset, length, crc, new Kept(blob));
    }

    void writeBlob(DataOutput out) throws IOException {
      ByteBuffer b = blob.bytes();
      out.writeInt(b.remaining());
      if (b.hasArray()) {
        out.write(b.array(), b.arrayOffset() + b.position(), b.remaining());
      } else {
        byte[] copy = new byte[b.remaining()];
        b.duplicate().get(copy);
        out.write(copy);
      }
    }

    /** The encoded rest as an input over an array (the buffer's own, or a copy). */
    RecordCodec.Input input() {
      ByteBuffer b = blob.bytes();
      if (b.hasArray()) {
        return new RecordCodec.Input(b.array(), b.arrayOffset() + b.position(), b.remaining());
      }
      byte[] copy = new byte[b.remaining()];
      b.duplicate().get(copy);
      return new RecordCodec.Input(copy, 0, copy.length);
    }
  }

  /** Where an entry's encoded rest is. */
  private sealed interface Rest {
    ByteBuffer bytes();
  }

  /** In memory: the index's mapped bytes (or, without a spill file, the encoded array). */
  private record Kept(ByteBuffer bytes) implements Rest {}

  /**
   * In this build's spill file: a cache-filling build makes 36 MB of entries at 10,000 articles,
   * which would otherwise stay in the heap until the index is written at the build's end.
   */
  private record Spilled(BodySpill spill, long at, int length) implements Rest {
    @Override
    public ByteBuffer bytes() {
      return ByteBuffer.wrap(spill.bytes(at, length));
    }
  }

  /** What an entry's bytes encode (a record, so the codec knows the generic types). */
  private record Blob(ParsedPage page, List<Diagnostic> diagnostics) {}

  /** The body parts, for the same reason. */
  private record Parts(List<BodyHtml.Part> parts) {}

  private final Map<String, Stored> previous;

  /**
   * The entries as the index holds them, before the patch beside it (see {@link #save}), and the
   * index's generation, which its patch names (null: there is no index).
   */
  private final Map<String, Stored> base;

  private final String generation;
  private final Map<String, Stored> next = new ConcurrentHashMap<>();
  private final KnownFiles known;
  private final BodyFile bodies;
  private final long bodiesAtOpen;
  private final boolean bodiesNew;
  private volatile boolean changed;

  /** Where this build's new entries wait for the index to be saved (made at the first). */
  private BodySpill spill;

  private boolean spillOpened;

  private ParseEntries(
      Map<String, Stored> previous,
      Map<String, Stored> base,
      String generation,
      KnownFiles known,
      BodyFile bodies,
      boolean changed) {
    this.previous = previous;
    this.base = base;
    this.generation = generation;
    this.known = known;
    this.bodies = bodies;
    this.changed = changed;
    this.bodiesAtOpen = bodies.size();
    this.bodiesNew = changed;
  }

  /** Takes back what this build added to the bodies file (see {@link BuildCache#discard}). */
  void discard() throws IOException {
    closeSpill();
    bodies.truncate(bodiesAtOpen);
    bodies.close();
    if (bodiesNew) Files.deleteIfExists(bodies.file());
  }

  static ParseEntries open(Path dir, Diagnostics notes) throws IOException {
    Path index = dir.resolve(INDEX);
    try {
      ByteBuffer in = CacheFile.map(index, KIND);
      if (in != null) {
        DataInputStream d = new DataInputStream(new CacheFile.BufferStream(in));
        String name = RecordCodec.readString(d);
        Path file = dir.resolve(name);
        if (!name.startsWith(BODIES) || name.contains("/") || !Files.isRegularFile(file)) {
          throw new CacheFile.Unusable("the bodies file " + name + " is missing");
        }
        String generation = RecordCodec.readString(d);
        BodyFile bodies = BodyFile.open(file);
        try {
          Map<String, Stored> base = new ConcurrentHashMap<>();
          readEntries(d, in, bodies, name, base);
          KnownFiles known = KnownFiles.read(d);
          Map<String, Stored> previous = base;
          ByteBuffer patch = CacheFile.map(dir.resolve(PATCH), PATCH_KIND);
          // A patch of another generation was left by a build killed before it could delete it.
          if (patch != null) {
            DataInputStream p = new DataInputStream(new CacheFile.BufferStream(patch));
            if (RecordCodec.readString(p).equals(generation)) {
              previous = new ConcurrentHashMap<>(base);
              readEntries(p, patch, bodies, name, previous);
              previous.keySet().removeAll(RecordCodec.readStrings(p));
              known.applyPatch(p);
            }
          }
          return new ParseEntries(previous, base, generation, known, bodies, false);
        } catch (CacheFile.Unusable | IOException | RuntimeException e) {
          bodies.close();
          throw e;
        }
      }
    } catch (CacheFile.Unusable | IOException | RuntimeException e) {
      CacheFile.noteUnusable(
          notes, INDEX, e, "ignored and made again (this build parses every article)");
    }
    Path file = dir.resolve(BODIES + UUID.randomUUID() + ".bin");
    return new ParseEntries(
        new ConcurrentHashMap<>(), Map.of(), null, KnownFiles.empty(), BodyFile.open(file), true);
  }

  /** Reads entries (pointing into {@code in}'s own bytes) into {@code into}. */
  private static void readEntries(
      DataInputStream d, ByteBuffer in, BodyFile bodies, String name, Map<String, Stored> into)
      throws IOException, CacheFile.Unusable {
    int n = RecordCodec.readCount(d);
    for (int i = 0; i < n; i++) {
      String key = RecordCodec.readString(d);
      long offset = d.readLong();
      int length = d.readInt();
      int crc = d.readInt();
      int blobLength = d.readInt();
      if (length < 0 || offset < -1 || offset + length > bodies.size()) {
        throw new CacheFile.Unusable(INDEX + " points past the end of " + name);
      }
      if (blobLength < 0 || blobLength > in.remaining()) {
        throw new IOException("entry runs past the end");
      }
      ByteBuffer blob = in.slice(in.position(), blobLength);
      in.position(in.position() + blobLength);
      if (offset >= 0) bodies.expect(offset, crc);
      into.put(key, new Stored(offset, length, crc, blob));
    }
  }

  static String key(ArticleFile f, byte[] bytes, boolean rawHtml, List<String> languages) {
    MessageDigest md = Hashes.sha256();
    StringBuilder b = new StringBuilder();
    b.append(ToolIdentity.get()).append('\0').append(CacheFile.FORMAT).append('\0');
    b.append(rawHtml).append('\0').append(languages).append('\0');
    b.append(place(f));
    md.update(b.toString().getBytes(StandardCharsets.UTF_8));
    md.update(bytes);
    return HexFormat.of().formatHex(md.digest());
  }

  /**
   * Everything an article's key holds besides its bytes and the settings: its place, address and
   * bundle files. An article is known (see {@link #knownKey}) under this, so that a file added to
   * or removed from its bundle, beside an unchanged article, is seen.
   */
  private static String place(ArticleFile f) {
    StringBuilder b = new StringBuilder();
    b.append(f.path()).append('\0').append(f.file()).append('\0');
    b.append(f.defaultSlug()).append('\0').append(f.section()).append('\0');
    for (ArticleFile.BundleFile bf : f.bundleFiles()) {
      b.append(bf.relativeName()).append('\0').append(bf.file()).append('\0');
    }
    return b.toString();
  }

  /**
   * The key of an article whose file is as it was when an earlier build hashed it, without reading
   * it (see {@link KnownFiles}); null when it must be read and hashed.
   */
  String knownKey(ArticleFile f, String settings) {
    return known.knownKey(settings + "\0" + place(f), f.file(), previous::containsKey);
  }

  /** Remembers the file an article's key came from, for {@link #knownKey} next time. */
  void saw(ArticleFile f, String settings, String key) {
    known.saw(settings + "\0" + place(f), f.file(), key);
  }

  /**
   * The parse the build before kept for the article known at {@code f}'s place, whatever its bytes
   * are now; null when there is none or it does not decode. Not kept for the next build.
   */
  ParsedPage previous(ArticleFile f, String settings) {
    Hit h = previousHit(f, settings);
    return h == null ? null : h.page();
  }

  /** The parse and diagnostics the build before kept for the article at {@code f}'s place. */
  Hit previousHit(ArticleFile f, String settings) {
    String key = previousKey(f, settings);
    Stored s = key == null ? null : previous.get(key);
    if (s == null) return null;
    try {
      Blob blob = decode(s);
      return new Hit(blob.page(), blob.diagnostics());
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Keeps every entry of the build before for the next build, but those under {@code replaced}: for
   * a build that read only the articles it needed, all others being unchanged (see {@link
   * BuildCache#keepUnread}).
   */
  void keepAllBut(Set<String> replaced) {
    previous.forEach(
        (k, s) -> {
          if (!replaced.contains(k)) next.putIfAbsent(k, s);
        });
    known.keepAll();
  }

  /** The keys of this build's entries: the current articles' parses. */
  Set<String> keys() {
    return next.keySet();
  }

  /** The key of the parse the build before kept for the article known at {@code f}'s place. */
  String previousKey(ArticleFile f, String settings) {
    return known.previousKey(settings + "\0" + place(f));
  }

  /** The files other than articles whose keys the build cache keeps (bundle images). */
  KnownFiles known() {
    return known;
  }

  BodyHtml.Store bodies() {
    return bodies;
  }

  Hit get(String key) {
    Stored s = previous.get(key);
    if (s == null) return null;
    try {
      Blob blob = decode(s);
      next.put(key, s);
      return new Hit(blob.page(), blob.diagnostics());
    } catch (IOException | RuntimeException e) {
      // An entry that does not decode (its envelope checked out) is parsed again.
      changed = true;
      return null;
    }
  }

  void put(String key, ParsedPage page, List<Diagnostic> diagnostics) {
    long offset = -1;
    int length = 0;
    int crc = 0;
    if (page != null) {
      BodyHtml.Location at = page.body().location();
      if (at == null || at.store() != bodies) {
        byte[] html = page.body().html().getBytes(StandardCharsets.UTF_8);
        offset = bodies.write(html);
        length = html.length;
      } else {
        offset = at.offset();
        length = at.length();
      }
      crc = bodies.crc(offset);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
    try {
      codec(null).write(new DataOutputStream(bytes), Blob.class, new Blob(page, diagnostics));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    next.put(key, new Stored(offset, length, crc, keep(bytes.toByteArray())));
    changed = true;
  }

  /** An entry's encoded rest, in the spill file where one can be written, else in memory. */
  private Rest keep(byte[] rest) {
    BodySpill spill = spill();
    if (spill != null) {
      try {
        return new Spilled(spill, spill.write(rest), rest.length);
      } catch (UncheckedIOException e) {
        // the temporary folder is full or gone: the heap holds it, as without a spill file
      }
    }
    return new Kept(ByteBuffer.wrap(rest));
  }

  /** How many bytes of this build's encoded entries the heap holds (none while they spill). */
  long encodedBytesInHeap() {
    long n = 0;
    for (Stored s : next.values()) {
      if (s.blob() instanceof Kept k && k.bytes().hasArray()) n += k.bytes().remaining();
    }
    return n;
  }

  /** The spill file (null: none can be made, and new entries stay in memory). */
  private synchronized BodySpill spill() {
    if (!spillOpened) {
      spill = BodySpill.open();
      spillOpened = true;
    }
    return spill;
  }

  private synchronized void closeSpill() {
    if (spill == null) return;
    try {
      spill.close();
    } catch (IOException ignored) {
      // a temporary file, removed from its folder when it was opened
    }
    spill = null;
  }

  private Blob decode(Stored s) throws IOException {
    var in = s.input();
    return (Blob) codec(s).read(in, Blob.class);
  }

  /** The codec, with bodies written as their parts and read as kept in the bodies file. */
  private RecordCodec codec(Stored at) {
    return new RecordCodec(
        BodyHtml.class,
        new RecordCodec.Custom<BodyHtml>() {
          @Override
          public void write(DataOutput out, BodyHtml value) throws IOException {
            codec(null).write(out, Parts.class, new Parts(value.parts()));
          }

          @Override
          public BodyHtml read(DataInput in) throws IOException {
            Parts p = (Parts) codec(null).read(in, Parts.class);
            if (at == null || at.offset() < 0) throw new IOException("a body without a place");
            return BodyHtml.at(bodies, at.offset(), at.length(), p.parts());
          }
        });
  }

  /**
   * Writes the index of this build's entries, compacting the bodies file when it is half waste; or,
   * when they differ from the index read in a few entries (an eighth of them at most, counting the
   * articles' list too), a patch beside it ({@code pages-patch.bin}, naming the index's generation)
   * that says what changed since it was written, and leaves the index as it is (36 MB at 10,000
   * articles, for an edit of one).
   */
  void save(Path dir) throws IOException {
    if (!changed && next.keySet().equals(previous.keySet()) && !known.changed()) return;
    long live = 0;
    for (Stored s : next.values()) live += s.length();
    boolean compact = bodies.size() > 2 * live + (1 << 20);
    if (!compact && generation != null) {
      Map<String, Stored> added = new TreeMap<>();
      next.forEach(
          (k, s) -> {
            if (base.get(k) != s) added.put(k, s);
          });
      List<String> gone = new java.util.ArrayList<>();
      for (String k : base.keySet()) if (!next.containsKey(k)) gone.add(k);
      KnownFiles.Patch knownPatch = known.patch();
      if (added.size() + gone.size() + knownPatch.size() <= Math.max(256, base.size() / 8)) {
        CacheFile.write(
            dir.resolve(PATCH),
            PATCH_KIND,
            out -> {
              RecordCodec.writeString(out, generation);
              writeEntries(out, added);
              RecordCodec.writeStrings(out, gone);
              KnownFiles.writePatch(out, knownPatch);
            });
        return;
      }
    }
    Map<String, Stored> entries = new TreeMap<>(next);
    BodyFile target = bodies;
    if (compact) {
      target = BodyFile.open(dir.resolve(BODIES + UUID.randomUUID() + ".bin"));
      for (var e : entries.entrySet()) {
        Stored s = e.getValue();
        if (s.offset() < 0) continue;
        long at = target.write(bodies.bytes(s.offset(), s.length()));
        e.setValue(new Stored(at, s.length(), s.crc(), s.blob()));
      }
      target.close();
    }
    String name = target.file().getFileName().toString();
    // Under a new generation, so that a patch of the index before is never applied to this one.
    String nextGeneration = UUID.randomUUID().toString();
    CacheFile.write(
        dir.resolve(INDEX),
        KIND,
        out -> {
          RecordCodec.writeString(out, name);
          RecordCodec.writeString(out, nextGeneration);
          writeEntries(out, entries);
          known.write(out);
        });
    Files.deleteIfExists(dir.resolve(PATCH));
    // Bodies files no index names any more (an earlier compaction's, a damaged cache's) go.
    try (var files = Files.list(dir)) {
      for (Path p : files.toList()) {
        String n = p.getFileName().toString();
        if (n.startsWith(BODIES) && !n.equals(name)) Files.deleteIfExists(p);
      }
    }
  }

  private static void writeEntries(DataOutput out, Map<String, Stored> entries) throws IOException {
    out.writeInt(entries.size());
    for (var e : entries.entrySet()) {
      Stored s = e.getValue();
      RecordCodec.writeString(out, e.getKey());
      out.writeLong(s.offset());
      out.writeInt(s.length());
      out.writeInt(s.crc());
      s.writeBlob(out);
    }
  }

  void closeBodies() {
    closeSpill();
    bodies.close();
  }

  static void deleteAll(Path dir) throws IOException {
    Files.deleteIfExists(dir.resolve(INDEX));
    Files.deleteIfExists(dir.resolve(PATCH));
    try (var files = Files.list(dir)) {
      for (Path p : files.toList()) {
        if (p.getFileName().toString().startsWith(BODIES)) Files.deleteIfExists(p);
      }
    }
  }
}
