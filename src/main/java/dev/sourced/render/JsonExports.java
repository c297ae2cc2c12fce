package dev.sourced.render;

import dev.sourced.facts.Json;
import dev.sourced.facts.ValueFormatter;
import dev.sourced.model.Claim;
import dev.sourced.model.Fact;
import dev.sourced.model.FactValue;
import dev.sourced.model.Source;
import dev.sourced.model.Texts;
import dev.sourced.resolve.Home;
import dev.sourced.resolve.ResolvedPage;
import dev.sourced.resolve.ResolvedSite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The open-data exports {@code facts.json}, {@code sources.json} and {@code claims.json}: the same
 * content as the pages, for reuse. Each is an object with a {@code version} and a list, in
 * declaration order; numbers are exact decimals.
 */
final class JsonExports {
  private final ResolvedSite site;
  private final ValueFormatter fmt;

  /** For each source, the facts that rely on it, in declaration order. */
  private final Map<String, List<Fact>> factsBySource = new HashMap<>();

  JsonExports(ResolvedSite site, ValueFormatter fmt) {
    this.site = site;
    this.fmt = fmt;
    for (Fact f : site.facts().values()) {
      for (String s : f.sourceIds())
        factsBySource.computeIfAbsent(s, k -> new ArrayList<>()).add(f);
    }
  }

  /** The site the exports are of. */
  ResolvedSite site() {
    return site;
  }

  Object facts() {
    return wrap("facts", LazyList.of(List.copyOf(site.facts().values()), this::fact));
  }

  /** One fact's entry in {@code facts.json}. */
  Map<String, Object> fact(Fact f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", f.id());
    m.put("label", f.label());
    m.put("unit", f.unit());
    m.put("as_of", f.asOf() == null ? null : f.asOf().toString());
    m.put("status", f.status().label());
    m.put("note", f.note());
    m.put("shown", fmt.withUnitAndCaveat(f, f.usedInText()));
    m.put("use", f.use());
    List<Object> values = new ArrayList<>();
    for (FactValue v : f.values()) {
      Map<String, Object> vm = value(f, v);
      vm.put("sources", v.sources());
      values.add(vm);
    }
    m.put("values", values);
    translations(m, f.texts());
    Home home = site.factHome(f.id());
    m.put("url", site.config().permalink(home.url()) + "#fact-" + f.id());
    m.put("used_in", urls(site.factUsers().getOrDefault(f.id(), List.of())));
    return m;
  }

  Object sources() {
    return wrap("sources", LazyList.of(List.copyOf(site.sources().values()), this::source));
  }

  /** One source's entry in {@code sources.json}. */
  Map<String, Object> source(Source s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("title", s.title());
    if (s.isUntitled()) m.put("untitled", true);
    m.put("short", s.shortName());
    m.put("publisher", s.publisher());
    m.put("date", s.date() == null ? null : s.date().toString());
    m.put("url", s.url());
    m.put("accessed", s.accessed() == null ? null : s.accessed().toString());
    m.put("archive", s.archive());
    m.put("archived", s.archived() == null ? null : s.archived().toString());
    m.put("language", s.language());
    translations(m, s.texts());
    m.put("page", site.config().permalink("sources/" + s.id() + "/"));
    m.put("cited_in", urls(site.sourceUsers().getOrDefault(s.id(), List.of())));
    // What this source gives for each fact: its own values, never the article's.
    List<Object> facts = new ArrayList<>();
    for (Fact f : factsBySource.getOrDefault(s.id(), List.of())) {
      Map<String, Object> fm = new LinkedHashMap<>();
      fm.put("id", f.id());
      fm.put("label", f.label());
      List<Object> values = new ArrayList<>();
      for (FactValue v : f.valuesFrom(s.id())) values.add(value(f, v));
      fm.put("values", values);
      facts.add(fm);
    }
    m.put("facts", facts);
    return m;
  }

  /**
   * An entry's text as the export of {@code key} ({@code facts}, {@code sources}) holds it: its
   * lines, indented as in the list, without the comma or line break between entries.
   */
  String entryText(String key, Object entry) {
    return ExportPatch.entryText(wrap(key, List.of(entry)), key);
  }

  Object claims() {
    return wrap("claims", LazyList.of(List.copyOf(site.claims().values()), this::claim));
  }

  /** One claim's entry in {@code claims.json}. */
  Map<String, Object> claim(Claim c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put("claim", c.claim());
    m.put("claimant", c.claimant());
    m.put("date", c.date() == null ? null : c.date().toString());
    m.put("verdict", c.verdict().key());
    m.put("rating", c.verdict().rating() == 0 ? null : c.verdict().rating());
    m.put("explanation", c.explanation());
    m.put("sources", c.sources());
    translations(m, c.texts());
    Home home = site.claimHome(c.id());
    m.put("url", site.config().permalink(home.url()) + "#claim-" + c.id());
    m.put("used_in", urls(site.claimUsers().getOrDefault(c.id(), List.of())));
    return m;
  }

  /** One value as the exports give it; the caller adds whose it is. */
  private Map<String, Object> value(Fact f, FactValue v) {
    Map<String, Object> vm = new LinkedHashMap<>();
    vm.put("value", v.number());
    if (v.text() != null) vm.put("text", v.text());
    // A figure in words carries its own wording ("more than 115 million"): no qualifier to add.
    if (v.isNumber()) vm.put("qualifier", v.qualifier().key());
    vm.put("formatted", fmt.withUnitAndCaveat(f, v));
    if (v.scope() != null) vm.put("scope", v.scope());
    if (v.asOf() != null) vm.put("as_of", v.asOf().toString());
    if (v.caveat() != null) vm.put("caveat", v.caveat());
    translations(vm, v.texts());
    return vm;
  }

  /**
   * A declaration's texts written per language, as {@code "translations": {"label": {"nl": ...,
   * "en": ...}}}: one entry per fact or claim, with its words in every language it has. The plain
   * fields hold the default language's text. Absent when every text is one for all languages.
   */
  private static void translations(Map<String, Object> m, Texts texts) {
    if (texts.isEmpty()) return;
    Map<String, Object> out = new LinkedHashMap<>();
    for (var e : new TreeMap<>(texts.byField()).entrySet()) {
      out.put(e.getKey(), new TreeMap<>(e.getValue()));
    }
    m.put("translations", out);
  }

  private List<Object> urls(List<ResolvedPage> pages) {
    List<Object> out = new ArrayList<>();
    for (ResolvedPage p : pages) out.add(site.config().permalink(p.url()));
    return out;
  }

  /** The export's top level; written with {@link Json#write(Object, boolean, java.io.Writer)}. */
  private Map<String, Object> wrap(String key, List<Object> list) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", 1);
    m.put("site", site.config().baseUrl());
    m.put(key, list);
    return m;
  }
}
