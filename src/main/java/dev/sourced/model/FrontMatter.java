package dev.sourced.model;

import java.time.LocalDate;
import java.util.List;

/**
 * An article's typed front-matter. Absent optional fields are null (dates, slug) or empty (lists).
 * Sources, facts and claims keep their declaration order; {@code images} lists the provenance of
 * the bundle's images, in declaration order. {@code explainers} are the glances, timelines,
 * comparisons and unknowns the article declares for its own body.
 */
public record FrontMatter(
    String title,
    String summary,
    LocalDate date,
    LocalDate updated,
    List<String> authors,
    List<String> tags,
    boolean draft,
    String slug,
    List<Source> sources,
    List<Fact> facts,
    List<Claim> claims,
    List<Correction> corrections,
    List<ImageCredit> images,
    List<Explainer> explainers) {

  /** The same front matter declaring {@code others} as its facts. */
  public FrontMatter withFacts(List<Fact> others) {
    return new FrontMatter(
        title,
        summary,
        date,
        updated,
        authors,
        tags,
        draft,
        slug,
        sources,
        others,
        claims,
        corrections,
        images,
        explainers);
  }

  /** The declared provenance of the bundle file {@code name}, or null. */
  public ImageCredit image(String name) {
    for (ImageCredit c : images) if (c.name().equals(name)) return c;
    return null;
  }

  /** The explainer piece of this kind and ID, or null. */
  public Explainer explainer(Explainer.Kind kind, String id) {
    for (Explainer e : explainers) if (e.kind() == kind && e.id().equals(id)) return e;
    return null;
  }
}
