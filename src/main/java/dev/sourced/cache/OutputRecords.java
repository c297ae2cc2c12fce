package dev.sourced.cache;

import dev.sourced.diag.Diagnostics;
import dev.sourced.render.ArticleReads;
import dev.sourced.write.FileStamp;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

  /**
   * The last build's outputs for one folder and settings (empty when they differ), and what each
   * article's page was made from, by the article's path.
   */
  public record Previous(Map<String, Record> records, Map<String, ArticleReads> articles) {
    public Record get(String path) {
      return records.get(path);
    }
  }

  private final String output;
  private final String settings;
  private final Map<String, Record> records;
  private final Map<String, ArticleReads> articles;

  private OutputRecords(
      String output,
      String settings,
      Map<String, Record> records,
      Map<String, ArticleReads> articles) {
    this.output = output;
    this.settings = settings;
    this.records = records;
    this.articles = articles;
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
        int m = in.readInt();
        Map<String, ArticleReads> articles = new HashMap<>(Math.max(16, m * 2));
        for (int i = 0; i < m; i++) {
          String path = RecordCodec.readString(in);
          String page = RecordCodec.readString(in);
          String prefix = RecordCodec.readString(in);
          int document = in.readInt();
          int k = in.readInt();
          if (k < 0) throw new IOException("a negative count");
          List<String> reads = new ArrayList<>(Math.min(k, 1 << 16));
          for (int j = 0; j < k; j++) reads.add(RecordCodec.readString(in));
          articles.put(path, new ArticleReads(page, prefix, document, List.copyOf(reads)));
        }
        return new OutputRecords(output, settings, records, articles);
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
    return new OutputRecords("", "", Map.of(), Map.of());
  }

  /** Every record as read, whatever folder and settings it is for (for tests). */
  Map<String, Record> all() {
    return records;
  }

  /** What each article's page was made from, as read (for tests). */
  Map<String, ArticleReads> articles() {
    return articles;
  }

  /** The output folder and settings the records are for (for tests). */
  List<String> writtenFor() {
    return List.of(output, settings);
  }

  Previous previous(Path out, String settingsKey) {
    boolean same = output.equals(out.toAbsolutePath().normalize().toString());
    return same && settings.equals(settingsKey)
        ? new Previous(records, articles)
        : new Previous(Map.of(), Map.of());
  }

  void save(
      Path dir,
      Path out,
      String settingsKey,
      Map<String, Record> written,
      Map<String, ArticleReads> articlesMade)
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
          o.writeInt(articlesMade.size());
          for (var e : articlesMade.entrySet()) {
            ArticleReads a = e.getValue();
            RecordCodec.writeString(o, e.getKey());
            RecordCodec.writeString(o, a.output());
            RecordCodec.writeString(o, a.prefix());
            o.writeInt(a.document());
            o.writeInt(a.reads().size());
            for (String r : a.reads()) RecordCodec.writeString(o, r);
          }
        });
  }

  static void delete(Path dir) throws IOException {
    Files.deleteIfExists(dir.resolve(FILE));
  }
}
