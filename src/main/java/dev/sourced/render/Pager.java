package dev.sourced.render;

import dev.sourced.config.SiteConfig;
import dev.sourced.resolve.OutputKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of a list cut into pages (the home page, a tag's page, the facts, sources and tags
 * indexes), as the output plan numbers them: which entries it shows, and the model of its
 * navigation ({@code pager} in templates, documented in docs/templates.md). Page 1 is at the list's
 * own address, page {@code n} at {@code <list>/page/n/}, as in Hugo.
 *
 * <p>The navigation names the first and last pages, the current one and two on either side, with a
 * gap between: a list of 400 pages gets a navigation of at most nine links, not 400.
 *
 * @param number this page, from 1
 * @param count how many pages the list has
 * @param per entries per page
 * @param address the list's address relative to the language's part of the site ({@code facts/})
 */
record Pager(int number, int count, int per, String address) {
  /** A list on one page. */
  static Pager single(String address) {
    return new Pager(1, 1, Integer.MAX_VALUE, address);
  }

  /** How many pages on either side of the current one the navigation names. */
  private static final int AROUND = 2;

  /** This page's address relative to the language's part of the site. */
  String own() {
    return at(number);
  }

  /** The address of page {@code n}. */
  String at(int n) {
    return n <= 1 ? address : address + OutputKind.PAGE_FOLDER + "/" + n + "/";
  }

  /** The entries of this page from the whole list. */
  <T> List<T> slice(List<T> all) {
    if (count <= 1) return all;
    int from = Math.min(all.size(), (number - 1) * per);
    return all.subList(from, Math.min(all.size(), from + per));
  }

  /** The title of this page: the list's, with the page's number after the first. */
  String title(Models models, String title) {
    if (number <= 1) return title;
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("title", title);
    args.put("number", number);
    args.put("count", count);
    return models.text("pagination.title", args);
  }

  /**
   * The template model: number, count, first (the index of this page's first entry in the whole
   * list, from 1), total, prev and next (absent at the ends) and the links of the navigation.
   */
  Map<String, Object> model(SiteConfig config, int total) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("number", number);
    m.put("count", count);
    m.put("total", total);
    m.put("first", count <= 1 ? 1 : (number - 1) * per + 1);
    if (number > 1) m.put("prev", config.languageUrl(at(number - 1)));
    if (number < count) m.put("next", config.languageUrl(at(number + 1)));
    List<Map<String, Object>> links = new ArrayList<>();
    int last = 0;
    for (int n = 1; n <= count; n++) {
      boolean shown = n == 1 || n == count || Math.abs(n - number) <= AROUND;
      if (!shown) continue;
      if (n > last + 1) links.add(Map.of("gap", true));
      Map<String, Object> l = new LinkedHashMap<>();
      l.put("number", n);
      l.put("url", config.languageUrl(at(n)));
      l.put("current", n == number);
      l.put("gap", false);
      links.add(l);
      last = n;
    }
    m.put("pages", links);
    return m;
  }
}
