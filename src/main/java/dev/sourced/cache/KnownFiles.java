package dev.sourced.cache;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The input files an earlier build read and hashed, each with the key its bytes gave and the file's
 * stamp, so that a build can take an unchanged file's key without reading it again: articles (whose
 * key names their parse) and bundle images (whose key names their published copies) alike.
 *
 * <p>As git's index does, a file is taken as unchanged when its size, modification time (to the
 * nanosecond), change time and file key (device and inode) are as they were; and, against an edit
 * within one tick of the file system's clock, only when its change time was at least two seconds
 * before the earlier build looked at it. The change time cannot be set by any program and moves
 * with every write, rename or link, so a file rewritten since, even to the same size with its old
 * modification time put back, always shows it. Where the system gives no change time, every file is
 * read.
 *
 * <p>A file is known under a name that holds everything its key was computed from besides its bytes
 * (its place, the settings): a file whose surroundings changed is read again. Only the files this
 * build looked at are kept for the next one, so the list stays as long as the site.
 */
final class KnownFiles {
  /** Edits closer than this to the look are not trusted to show in the stamp. */
  static final long TICK_MILLIS = 2000;

  /** A file as last seen: the key its bytes gave, its stamp, and when it was looked at. */
  private record Seen(String key, long size, long modified, long changed, String file, long at) {}

  private final Map<String, Seen> before;
  private final Map<String, Seen> now = new ConcurrentHashMap<>();
  private final long started = System.currentTimeMillis();

  /** The list as the index held it, before the patch beside the index (see {@link #patch}). */
  private Map<String, Seen> base;

  private KnownFiles(Map<String, Seen> before) {
    this.before = before;
    this.base = before;
  }

  static KnownFiles empty() {
    return new KnownFiles(new ConcurrentHashMap<>());
  }

  /**
   * The key of the file known as {@code name}, if it is unchanged since an earlier build hashed it
   * and {@code usable} accepts the key (what it names is still kept); else null, and the file must
   * be read and hashed.
   */
  String knownKey(String name, Path file, Predicate<String> usable) {
    Seen was = before.get(name);
    if (was == null) return null;
    Seen is = look(file, was.key());
    if (is == null
        || was.changed() > was.at() - TICK_MILLIS
        || is.size() != was.size()
        || is.modified() != was.modified()
        || is.changed() != was.changed()
        || !is.file().equals(was.file())) {
      return null;
    }
    if (!usable.test(was.key())) return null;
    now.put(name, was);
    return was.key();
  }

  /** The key the file known as {@code name} had when an earlier build hashed it, or null. */
  String previousKey(String name) {
    Seen was = before.get(name);
    return was == null ? null : was.key();
  }

  /** Remembers the file behind a key just computed from its bytes, for {@link #knownKey}. */
  void saw(String name, Path file, String key) {
    Seen s = look(file, key);
    if (s != null) now.put(name, s);
  }

  /** Keeps every file the build before knew that this build did not look at (see saw). */
  void keepAll() {
    before.forEach(now::putIfAbsent);
  }

  /** Whether this build's list differs from the one it read. */
  boolean changed() {
    return !now.equals(before);
  }

  private Seen look(Path file, String key) {
    try {
      Map<String, Object> a =
          Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,ino,dev");
      long changed = ((FileTime) a.get("ctime")).to(TimeUnit.MILLISECONDS);
      long modified = ((FileTime) a.get("lastModifiedTime")).to(TimeUnit.NANOSECONDS);
      return new Seen(
          key, (Long) a.get("size"), modified, changed, a.get("dev") + ":" + a.get("ino"), started);
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return null;
    }
  }

  static KnownFiles read(DataInput in) throws IOException {
    int m = in.readInt();
    Map<String, Seen> before = new ConcurrentHashMap<>(Math.max(16, m * 2));
    for (int i = 0; i < m; i++) {
      String name = RecordCodec.readString(in);
      before.put(
          name,
          new Seen(
              RecordCodec.readString(in),
              in.readLong(),
              in.readLong(),
              in.readLong(),
              RecordCodec.readString(in),
              in.readLong()));
    }
    return new KnownFiles(before);
  }

  /** Applies what a patch of the index says changed of the list since the index was written. */
  void applyPatch(DataInput in) throws IOException {
    base = new HashMap<>(before);
    before.putAll(read(in).before);
    before.keySet().removeAll(RecordCodec.readStrings(in));
  }

  /**
   * What this build's list changes of the one the index holds (not counting its patch): the files
   * seen otherwise or anew, and the names gone.
   */
  record Patch(Map<String, Seen> seen, List<String> gone) {
    int size() {
      return seen.size() + gone.size();
    }
  }

  Patch patch() {
    Map<String, Seen> seen = new HashMap<>();
    now.forEach(
        (name, s) -> {
          if (!s.equals(base.get(name))) seen.put(name, s);
        });
    List<String> gone = new ArrayList<>();
    for (String name : base.keySet()) if (!now.containsKey(name)) gone.add(name);
    return new Patch(seen, gone);
  }

  static void writePatch(DataOutput out, Patch patch) throws IOException {
    write(out, patch.seen());
    RecordCodec.writeStrings(out, patch.gone());
  }

  /** Writes the files this build looked at. */
  void write(DataOutput out) throws IOException {
    write(out, now);
  }

  private static void write(DataOutput out, Map<String, Seen> files) throws IOException {
    // In no order: the files are read into a map.
    out.writeInt(files.size());
    for (var e : files.entrySet()) {
      Seen f = e.getValue();
      RecordCodec.writeString(out, e.getKey());
      RecordCodec.writeString(out, f.key());
      out.writeLong(f.size());
      out.writeLong(f.modified());
      out.writeLong(f.changed());
      RecordCodec.writeString(out, f.file());
      out.writeLong(f.at());
    }
  }
}
