package dev.sourced.render;

import dev.sourced.facts.Json;
import dev.sourced.facts.ValueFormatter;
import dev.sourced.model.Claim;
import dev.sourced.model.Fact;
import dev.sourced.resolve.ResolvedSite;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code search.json}: what the search page ({@code search.ftlh} with the theme's {@code search.js}
 * and the vendored MiniSearch) looks through, in the browser, with no service behind it. Articles
 * with title, summary and tags; facts with label, the figure the text shows and status; claims with
 * the claim, who made it and the verdict. Every {@code url} is site-absolute ({@code
 * /explainers/x/#fact-y} under a sub-path), so the index works wherever the site is served from.
 * Compact, in a stable order, so builds are reproducible.
 */
final class SearchIndex {
  private SearchIndex() {}

  /** The index, to be written compact with {@link Json#write(Object, boolean, java.io.Writer)}. */
  static Map<String, Object> model(ResolvedSite site, ValueFormatter fmt) {
    var config = site.config();
    List<Object> articles =
        LazyList.of(
            site.pages(),
            p -> {
              var fm = p.frontMatter();
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("title", fm.title());
              m.put("summary", fm.summary() == null ? "" : fm.summary());
              m.put("tags", String.join(" ", fm.tags()));
              m.put("date", fm.date() == null ? null : fm.date().toString());
              m.put("url", config.url(p.url()));
              return m;
            });
    List<Fact> withHome = new ArrayList<>();
    for (Fact f : site.facts().values()) if (site.factHome(f.id()) != null) withHome.add(f);
    List<Object> facts =
        LazyList.of(
            withHome,
            f -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("label", f.label());
              m.put("value", fmt.withUnitAndCaveat(f, f.usedInText()));
              m.put("status", fmt.messages().text("fact.status." + f.status().key()));
              m.put("url", config.url(site.factHome(f.id()).url()) + "#fact-" + f.id());
              return m;
            });
    List<Claim> claimsWithHome = new ArrayList<>();
    for (Claim c : site.claims().values()) {
      if (site.claimHome(c.id()) != null) claimsWithHome.add(c);
    }
    List<Object> claims =
        LazyList.of(
            claimsWithHome,
            c -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("claim", c.claim());
              m.put("claimant", c.claimant());
              m.put("verdict", fmt.messages().text(c.verdict().messageKey()));
              m.put("url", config.url(site.claimHome(c.id()).url()) + "#claim-" + c.id());
              return m;
            });
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("version", 1);
    root.put("articles", articles);
    root.put("facts", facts);
    root.put("claims", claims);
    return root;
  }

  /** The search script's words, as JSON for the search form's {@code data-messages}. */
  static String messages(dev.sourced.i18n.Messages words) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("loading", words.text("search.loading"));
    m.put("failed", words.text("search.failed"));
    m.put("prompt", words.text("search.prompt"));
    m.put("none", words.pattern("search.none"));
    m.put("found", words.pattern("search.found"));
    m.put("partial", words.pattern("search.partial"));
    m.put("results", new LinkedHashMap<String, Object>(words.pluralForms("search.results")));
    m.put("claim", words.pattern("search.claim_text"));
    m.put("kind.article", words.text("search.kind.article"));
    m.put("kind.fact", words.text("search.kind.fact"));
    m.put("kind.claim", words.text("search.kind.claim"));
    return dev.sourced.facts.Json.write(m, false);
  }
}
