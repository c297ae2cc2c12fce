package dev.sourced.cache;

import dev.sourced.diag.Diagnostics;
import dev.sourced.write.FileStamp;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What the last build wrote ({@code outputs.bin}): the output folder, the key of the settings it
 * was rendered with (templates, sourced.yaml, message files), and per output file the fingerprint
 * of its inputs and the {@link FileStamp} of the file. A build with the same folder and settings
 * may keep an output whose fingerprint is unchanged, if the file's stamp shows it untouched.
 */
public final class OutputRecords {
  static final String FILE = "outputs.bin";
  static final String KIND = "outputs";

  /** One output file: the fingerprint it was made with, and the file as written. */
  public record Record(String fingerprint, FileStamp stamp) {}

  /** The last build's outputs for one folder and settings (empty when they differ). */
  public record Previous(Map<String, Record> records) {
    public Record get(String path) {
      return records.get(path);
    }
  }

  private final String output;
  private final String settings;
  private final Map<String, Record> records;

  private OutputRecords(String output, String settings, Map<String, Record> records) {
    this.output = output;
    this.settings = settings;
    this.records = records;
  }

  static OutputRecords load(Path dir, Diagnostics notes) {
    try {
      CacheFile.Bytes bytes = CacheFile.read(dir.resolve(FILE), KIND);
      if (bytes != null) {
        DataInputStream in = new DataInputStream(bytes);
        String output = RecordCodec.readString(in);
        String settings = RecordCodec.readString(in);
        int n = in.readInt();
        Map<String, Record> records = new HashMap<>(Math.max(16, n * 2));
        for (int i = 0; i < n; i++) {
          String path = RecordCodec.readString(in);
          String fingerprint = RecordCodec.readString(in);
          long size = in.readLong();
          long nanos = in.readLong();
          String key = in.readBoolean() ? RecordCodec.readString(in) : null;
          records.put(path, new Record(fingerprint, new FileStamp(size, nanos, key)));
        }
        return new OutputRecords(output, settings, records);
      }
    } catch (CacheFile.Unusable e) {
      notes.note(
          "the build cache's "
              + e.getMessage()
              + ": it is ignored (this build renders every page)");
    } catch (IOException | RuntimeException e) {
      notes.note(
          "the build cache's "
              + FILE
              + " cannot be read ("
              + e
              + "): it is ignored (this build renders every page)");
    }
    return new OutputRecords("", "", Map.of());
  }

  Previous previous(Path out, String settingsKey) {
    boolean same = output.equals(out.toAbsolutePath().normalize().toString());
    return new Previous(same && settings.equals(settingsKey) ? records : Map.of());
  }

  void save(Path dir, Path out, String settingsKey, Map<String, Record> written)
      throws IOException {
    // In no order: the records are read into a map, and sorting some 45,000 paths cost more than
    // writing them.
    CacheFile.write(
        dir.resolve(FILE),
        KIND,
        o -> {
          RecordCodec.writeString(o, out.toAbsolutePath().normalize().toString());
          RecordCodec.writeString(o, settingsKey);
          o.writeInt(written.size());
          for (var e : written.entrySet()) {
            RecordCodec.writeString(o, e.getKey());
            RecordCodec.writeString(o, e.getValue().fingerprint());
            FileStamp s = e.getValue().stamp();
            o.writeLong(s.size());
            o.writeLong(s.modifiedNanos());
            o.writeBoolean(s.key() != null);
            if (s.key() != null) RecordCodec.writeString(o, s.key());
          }
        });
  }

  static void delete(Path dir) throws IOException {
    Files.deleteIfExists(dir.resolve(FILE));
  }
}
