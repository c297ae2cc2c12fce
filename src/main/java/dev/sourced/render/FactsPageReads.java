package dev.sourced.render;

import dev.sourced.model.Claim;
import dev.sourced.model.Fact;
import dev.sourced.resolve.ResolvedPage;
import dev.sourced.resolve.ResolvedSite;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a page of the index of facts and claims was made from, as a whole render found it, for the
 * build cache to keep: the rows it shows (facts, then claims, by ID), how many rows the whole index
 * has, each fact's number among its language's search documents, and the articles those rows show
 * something of (each row's home, with its translations, and the articles citing it). With these, a
 * build after an edit of some facts renders the pages showing them within a site made of those
 * articles only ({@link SiteRenderer#renderEdits}).
 *
 * @param prefix the page's language's folder ({@code ""} or {@code en/})
 * @param page the page's number, from 1
 * @param pages how many pages the index has
 * @param total how many rows the index has
 * @param factRows how many of {@code rows} are facts (the rest are claims)
 * @param rows the IDs of the rows shown, in order
 * @param documents for each fact row, its number among the search documents (-1: none)
 * @param reads the paths of the articles the rows show something of, in no meaningful order
 */
public record FactsPageReads(
    String prefix,
    int page,
    int pages,
    int total,
    int factRows,
    List<String> rows,
    List<Integer> documents,
    List<String> reads) {

  /**
   * What the page {@code pager} of {@code view}'s index of facts shows (see the record), of its
   * {@code facts} and {@code claims} in declaration order.
   */
  static FactsPageReads of(
      ResolvedSite view,
      List<Fact> facts,
      List<Claim> claims,
      LanguageViews views,
      Map<String, ResolvedPage> byUrl,
      Pager pager,
      String prefix,
      Map<String, Integer> factDocuments) {
    int total = facts.size() + claims.size();
    int from = pager.count() <= 1 ? 0 : Math.min(total, (pager.number() - 1) * pager.per());
    int to = pager.count() <= 1 ? total : Math.min(total, from + pager.per());
    List<String> rows = new ArrayList<>();
    List<Integer> documents = new ArrayList<>();
    Set<String> reads = new LinkedHashSet<>();
    int factRows = 0;
    for (int i = from; i < to; i++) {
      if (i < facts.size()) {
        String id = facts.get(i).id();
        rows.add(id);
        documents.add(factDocuments.getOrDefault(id, -1));
        factRows++;
        ArticleReads.home(view.factHome(id), views, byUrl, reads);
        ArticleReads.users(view.factUsers().get(id), reads);
      } else {
        String id = claims.get(i - facts.size()).id();
        rows.add(id);
        ArticleReads.home(view.claimHome(id), views, byUrl, reads);
        ArticleReads.users(view.claimUsers().get(id), reads);
      }
    }
    return new FactsPageReads(
        prefix,
        pager.number(),
        pager.count(),
        total,
        factRows,
        List.copyOf(rows),
        List.copyOf(documents),
        List.copyOf(reads));
  }
}
