package dev.sourced.migrate;

import static dev.sourced.migrate.MigrationReport.at;

import dev.sourced.diag.Code;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The address Jekyll gave a page, so that the imported page keeps it: a post's from the site's
 * {@code permalink} style ({@code date}, the default, {@code pretty}, {@code ordinal}, {@code none}
 * or a template of {@code :year}, {@code :month}, {@code :title}, ...) or its own {@code
 * permalink:}; a page's from its folder and name ({@code /about.html}, or {@code /about/} where the
 * style ends with a slash); a collection document's from {@code /:collection/:path}. Categories in
 * an address are lowercased, as Jekyll writes them.
 */
final class JekyllPermalinks {
  private final String style;

  JekyllPermalinks(String configured) {
    String c = configured == null ? "date" : configured;
    this.style =
        switch (c) {
          case "date" -> "/:categories/:year/:month/:day/:title:output_ext";
          case "pretty" -> "/:categories/:year/:month/:day/:title/";
          case "ordinal" -> "/:categories/:year/:y_day/:title:output_ext";
          case "none" -> "/:categories/:title:output_ext";
          default -> c;
        };
  }

  /** The page's old address, starting with {@code /}. */
  String url(JekyllPlanner.Placed p, MigrationReport report) {
    String own = ConfigMapper.text(p.fm().value("permalink"));
    String path = p.path();
    String basename = path.substring(path.lastIndexOf('/') + 1);
    String folder = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
    String template;
    if (own != null) template = own;
    else if (p.post() && p.draft()) return "/posts/" + Addresses.path(path) + "/";
    else if (p.post()) template = style;
    else if (p.collection() != null) template = "/:collection/:path:output_ext";
    else if (basename.equals("index")) template = "/:path/";
    else template = style.endsWith("/") ? "/:path/:basename/" : "/:path/:basename:output_ext";

    Map<String, String> values = new LinkedHashMap<>();
    values.put("output_ext", ".html");
    values.put("categories", String.join("/", categories(p)));
    values.put("collection", p.collection() == null ? "" : p.collection());
    values.put("basename", basename);
    values.put("path", p.collection() == null || p.post() ? folder : path);
    values.put("name", basename);
    String slug = ConfigMapper.text(p.fm().value("slug"));
    String title = slug != null ? slug : basename;
    values.put("title", title);
    values.put("slug", Addresses.part(title));
    LocalDate date = FrontMatterMapper.parseDate(String.valueOf(p.fm().value("date")));
    if (date == null && p.date() != null) date = LocalDate.parse(p.date());
    if (date != null) {
      values.put("short_year", String.format("%02d", date.getYear() % 100));
      values.put("year", Integer.toString(date.getYear()));
      values.put("i_month", Integer.toString(date.getMonthValue()));
      values.put("i_day", Integer.toString(date.getDayOfMonth()));
      values.put("y_day", String.format("%03d", date.getDayOfYear()));
      values.put("month", String.format("%02d", date.getMonthValue()));
      values.put("day", String.format("%02d", date.getDayOfMonth()));
    }
    if (date == null && p.post() && own == null) {
      // Jekyll skips a post without a date (reported as post-name): it had no address.
      return "/posts/" + Addresses.path(path) + "/";
    }
    String url = template;
    for (var e : values.entrySet()) url = url.replace(":" + e.getKey(), e.getValue());
    if (url.matches(".*:[a-z_]+.*")) {
      FrontMatter.Entry at = p.fm().entries().get("permalink");
      report.warning(
          at(p.source(), at == null ? 1 : at.line(), at == null ? 1 : at.column()),
          Code.PERMALINK,
          "the address \""
              + url
              + "\" keeps a placeholder the import does not know; the page"
              + " gets its file's address",
          "set `slug:` in the imported page if the old address matters");
      return "/"
          + Addresses.path(p.collection() == null ? path : p.collection() + "/" + path)
          + "/";
    }
    url = url.replaceAll("/{2,}", "/");
    return url.startsWith("/") ? url : "/" + url;
  }

  private static List<String> categories(JekyllPlanner.Placed p) {
    List<String> out = new ArrayList<>();
    if (!p.post()) return out;
    int posts = p.source().indexOf("_posts/");
    if (posts > 0) {
      for (String c : p.source().substring(0, posts - 1).split("/")) out.add(c);
    }
    for (String key : List.of("categories", "category")) {
      for (String c : FrontMatterMapper.words(p.fm().value(key), true)) {
        if (!out.contains(c)) out.add(c);
      }
    }
    out.replaceAll(c -> c.toLowerCase(Locale.ROOT));
    return out;
  }
}
