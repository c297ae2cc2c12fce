package dev.sourced.migrate;

import static dev.sourced.migrate.MigrationReport.at;

import dev.sourced.diag.Code;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The addresses a Hugo site's {@code [permalinks]} gave the pages of a section ({@code posts =
 * "/:year/:month/:slug/"}), so that imported pages keep them. Known placeholders: {@code :year},
 * {@code :month}, {@code :monthname}, {@code :day}, {@code :yearday}, {@code :section}, {@code
 * :sections}, {@code :title}, {@code :slug}, {@code :slugorfilename}, {@code :filename} and {@code
 * :contentbasename}; a template with any other is reported and the page keeps its file's address.
 */
final class HugoPermalinks {
  private final Map<String, String> bySection = new LinkedHashMap<>();
  private final String configPath;
  private final FrontMatter.Entry at;

  HugoPermalinks(String configPath, FrontMatter.Entry at) {
    this.configPath = configPath;
    this.at = at;
    if (at == null || !(at.value() instanceof Map<?, ?> m)) return;
    Object page = m.get("page");
    Map<?, ?> sections = page instanceof Map<?, ?> p ? p : m;
    for (var e : sections.entrySet()) {
      if (e.getValue() instanceof String s) bySection.put(String.valueOf(e.getKey()), s);
    }
  }

  /** The page's address by its section's template, or null when the section has none. */
  String address(String folder, String stem, FrontMatter fm, String page, MigrationReport report) {
    String section = folder.contains("/") ? folder.substring(0, folder.indexOf('/')) : folder;
    String template = bySection.get(section);
    if (template == null || section.isEmpty()) return null;
    String title = ConfigMapper.text(fm.value("title"));
    String slug = ConfigMapper.text(fm.value("slug"));
    String urlTitle = title == null ? Addresses.part(stem) : Addresses.part(title);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("slugorfilename", slug != null ? Addresses.part(slug) : Addresses.part(stem));
    values.put("contentbasename", Addresses.part(stem));
    values.put("filename", Addresses.part(stem));
    values.put("sections", Addresses.path(folder));
    values.put("section", Addresses.part(section));
    values.put("slug", slug != null ? Addresses.part(slug) : urlTitle);
    values.put("title", urlTitle);
    Object d = fm.value("date");
    if (d == null) d = fm.value("publishDate");
    LocalDate date = d == null ? null : FrontMatterMapper.parseDate(d.toString());
    if (date != null) {
      values.put(
          "monthname",
          date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT));
      values.put("yearday", Integer.toString(date.getDayOfYear()));
      values.put("year", Integer.toString(date.getYear()));
      values.put("month", String.format("%02d", date.getMonthValue()));
      values.put("day", String.format("%02d", date.getDayOfMonth()));
    }
    String url = template;
    for (var e : values.entrySet()) url = url.replace(":" + e.getKey(), e.getValue());
    if (url.matches(".*:[a-z_]+.*")) {
      report.warning(
          at(configPath, at.line(), at.column()),
          Code.PERMALINK,
          "the permalink \""
              + template
              + "\" of section \""
              + section
              + "\" has a placeholder the"
              + " import does not know; "
              + page
              + " gets its file's address",
          "set `slug:` in the imported page if the old address matters");
      return null;
    }
    String a = Addresses.path(url);
    return a.isEmpty() ? "" : a + "/";
  }
}
