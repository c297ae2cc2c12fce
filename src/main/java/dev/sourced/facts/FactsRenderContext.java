package dev.sourced.facts;

import dev.sourced.images.PublishedImage;
import dev.sourced.model.Claim;
import dev.sourced.model.Fact;
import dev.sourced.model.ImageCredit;
import dev.sourced.model.Source;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * What the fact renderers may know of the site while rendering one page: a narrow view, never the
 * whole site (as Zola's RenderContext). The render stage implements it from the resolved site.
 * Every ID asked for here has been resolved already; unknown IDs stop the build before rendering.
 */
public interface FactsRenderContext {
  Fact fact(String id);

  Claim claim(String id);

  Source source(String id);

  /** Where {@code {{fact:ID}}} links to: the box on this page if it has one, else at the home. */
  String factHref(String factId);

  /** This page's reference number for a source (1-based), in order of first citation. */
  int referenceNumber(String sourceId);

  /**
   * Sources in ascending reference number: the order of the numbers inside one citation mark,
   * whatever order the author wrote the IDs in. Sources without a number (not on the page) go.
   */
  default List<String> inReferenceOrder(Collection<String> sourceIds) {
    List<String> out = new ArrayList<>(sourceIds);
    out.removeIf(id -> referenceNumber(id) <= 0);
    out.sort(Comparator.comparingInt(this::referenceNumber));
    return out;
  }

  /** The anchor of a source in this page's reference list. */
  String referenceHref(String sourceId);

  /** The other articles that use a fact, as title and link, in a stable order. */
  List<Link> alsoCitedIn(String factId);

  /** The address of the methodology page's entry for a verdict. */
  String methodologyHref(String verdictKey);

  /** The address of the page about one source. */
  String sourcePageHref(String sourceId);

  /** The article's own address, for the ClaimReview's url. */
  String pagePermalink();

  /**
   * When this page's reviews were published (the article's date), for ClaimReview's datePublished;
   * null on pages that are not articles.
   */
  LocalDate reviewDate();

  /** The site's publisher name for ClaimReview's author. */
  String publisher();

  ValueFormatter formatter();

  /** How one of the page's bundle images is published; null when the build did not process it. */
  default PublishedImage image(String name) {
    return null;
  }

  /** The provenance the article declares for one of its images, or null. */
  default ImageCredit imageCredit(String name) {
    return null;
  }

  /** The {@code sizes} attribute of images: how wide they are shown. */
  default String imageSizes() {
    return "100vw";
  }

  /**
   * Where a link to another Markdown file leads: that file's page (with the link's fragment), or
   * {@code href} as written when no page matches (the resolve stage has warned about it).
   */
  default String pageFileHref(String destination, String href) {
    return href;
  }

  /**
   * The HTML of one of this page's explainer pieces ({@code kind} is the directive word), as the
   * theme's explainer template writes it; empty where the page has none.
   */
  default String explainer(String kind, String id) {
    return "";
  }

  /** A titled link. */
  record Link(String title, String href) {}
}
