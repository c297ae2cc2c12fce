package dev.sourced.migrate;

import static dev.sourced.migrate.MigrationReport.at;

import dev.sourced.diag.Code;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a Hugo or Jekyll front-matter to sourced's keys, in one fixed order: {@code title}, {@code
 * summary} (from {@code summary}, {@code description} or {@code excerpt}), {@code date} (Hugo's
 * {@code publishDate}, else {@code date}; a Jekyll post's file name), {@code updated} ({@code
 * lastmod}, {@code modified}, {@code last_modified_at}), {@code authors}, {@code tags} (with {@code
 * categories} and {@code category} merged in), {@code draft} (also Jekyll's {@code published:
 * false} and {@code _drafts/}), {@code slug} (where the address is not the file's own, from {@code
 * slug}, {@code url} or {@code permalink}) and {@code aliases} (with Jekyll's {@code redirect_from}
 * and the old address where it changed). Every other key is reported once for the site.
 */
final class FrontMatterMapper {
  private FrontMatterMapper() {}

  private static final Pattern DATE = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})");

  /** Keys that the planner reads to place the page; they are not reported as left out. */
  static final Set<String> PLACEMENT = Set.of("slug", "url", "permalink");

  static Map<String, Object> map(SourcePage page, boolean jekyll, MigrationReport report) {
    FrontMatter fm = page.frontMatter();
    Set<String> used = new LinkedHashSet<>(PLACEMENT);
    Map<String, Object> out = new LinkedHashMap<>();

    String title = text(fm, used, "title");
    if (title != null) out.put("title", title);
    String summary = text(fm, used, "summary", "description", "excerpt");
    if (summary != null) out.put("summary", summary);

    String dateKey =
        jekyll ? fm.firstKey("date") : fm.firstKey("publishDate", "publishdate", "date");
    used.addAll(List.of("publishDate", "publishdate", "date"));
    LocalDate date = dateKey == null ? null : date(page, fm, dateKey, report);
    if (date == null && page.impliedDate() != null) date = LocalDate.parse(page.impliedDate());
    if (date != null) out.put("date", new YamlWriter.Bare(date.toString()));

    String updatedKey =
        fm.firstKey("lastmod", "lastMod", "modified", "last_modified_at", "updated");
    used.addAll(List.of("lastmod", "lastMod", "modified", "last_modified_at", "updated"));
    LocalDate updated = updatedKey == null ? null : date(page, fm, updatedKey, report);
    if (updated != null && date != null && updated.isAfter(date)) {
      out.put("updated", new YamlWriter.Bare(updated.toString()));
    }

    List<String> authors = names(fm, used, "authors", "author");
    if (!authors.isEmpty()) out.put("authors", authors);

    Set<String> tags = new LinkedHashSet<>();
    for (String key : List.of("tags", "categories", "category")) {
      used.add(key);
      tags.addAll(words(fm.value(key), jekyll));
    }
    if (!tags.isEmpty()) out.put("tags", new ArrayList<>(tags));

    boolean draft = page.impliedDraft() || truth(fm.value("draft"));
    used.add("draft");
    if (jekyll) {
      used.add("published");
      Object published = fm.value("published");
      if (published != null && !truth(published)) draft = true;
    }
    if (draft) out.put("draft", new YamlWriter.Bare("true"));

    if (!page.address().equals(page.naturalAddress())) out.put("slug", page.slug());

    Set<String> aliases = new LinkedHashSet<>();
    for (String key : List.of("aliases", "redirect_from")) {
      used.add(key);
      for (String a : words(fm.value(key), false)) aliases.add(alias(page, a));
    }
    for (String a : page.impliedAliases()) aliases.add(a);
    aliases.remove("/" + page.address());
    if (!aliases.isEmpty()) out.put("aliases", new ArrayList<>(aliases));

    for (var e : fm.entries().entrySet()) {
      if (used.contains(e.getKey())) continue;
      report.unmappedKey(e.getKey(), page.source(), e.getValue().line(), e.getValue().column());
    }
    return out;
  }

  /** An old address as a site-absolute path; a relative one is taken from the page's folder. */
  private static String alias(SourcePage page, String a) {
    if (a.startsWith("/")) return a;
    String folder = page.naturalAddress();
    int slash = folder.lastIndexOf('/', folder.length() - 2);
    folder = slash < 0 ? "" : folder.substring(0, slash + 1);
    return "/" + folder + a;
  }

  private static String text(FrontMatter fm, Set<String> used, String... keys) {
    used.addAll(List.of(keys));
    String key = fm.firstKey(keys);
    if (key == null) return null;
    Object v = fm.value(key);
    if (v == null) return null;
    String s = v instanceof List<?> l ? String.join(", ", words(l, false)) : v.toString().strip();
    return s.isEmpty() ? null : s;
  }

  private static List<String> names(FrontMatter fm, Set<String> used, String... keys) {
    used.addAll(List.of(keys));
    List<String> out = new ArrayList<>();
    String key = fm.firstKey(keys);
    if (key == null) return out;
    Object v = fm.value(key);
    List<?> items = v instanceof List<?> l ? l : v == null ? List.of() : List.of(v);
    for (Object item : items) {
      Object name = item instanceof Map<?, ?> m ? m.get("name") : item;
      if (name != null && !name.toString().isBlank() && !out.contains(name.toString().strip())) {
        out.add(name.toString().strip());
      }
    }
    return out;
  }

  /**
   * A list of words: a list, or one text. Jekyll splits a text of tags or categories at spaces
   * ({@code categories: news politics}), Hugo takes it as one.
   */
  static List<String> words(Object v, boolean splitSpaces) {
    List<String> out = new ArrayList<>();
    if (v == null) return out;
    if (v instanceof List<?> list) {
      for (Object o : list) if (o != null && !o.toString().isBlank()) out.add(o.toString().strip());
      return out;
    }
    String s = v.toString().strip();
    if (s.isEmpty()) return out;
    if (splitSpaces) out.addAll(List.of(s.split("\\s+")));
    else out.add(s);
    return out;
  }

  static boolean truth(Object v) {
    if (v == null) return false;
    String s = v.toString().strip().toLowerCase(Locale.ROOT);
    return s.equals("true") || s.equals("yes") || s.equals("on");
  }

  /** The calendar date a value starts with, as written (a time and zone after it are dropped). */
  private static LocalDate date(
      SourcePage page, FrontMatter fm, String key, MigrationReport report) {
    Object v = fm.value(key);
    FrontMatter.Entry at = fm.entries().get(key);
    LocalDate d = v == null ? null : parseDate(v.toString().strip());
    if (d == null && v != null && !v.toString().isBlank()) {
      report.warning(
          at(page.source(), at.line(), at.column()),
          Code.BAD_DATE,
          "`" + key + "` \"" + v + "\" is not a date; it is left out",
          "write the date as YYYY-MM-DD in the imported page");
    }
    return d;
  }

  static LocalDate parseDate(String s) {
    Matcher m = DATE.matcher(s);
    if (!m.find()) return null;
    try {
      return LocalDate.of(
          Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    } catch (DateTimeException e) {
      return null;
    }
  }
}
