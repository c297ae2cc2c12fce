package dev.sourced.model;

import dev.sourced.diag.SourcePosition;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A publication that facts and sentences cite. IDs are global to the site. {@code url}, {@code
 * archive} are already checked to be http(s) links; optional fields are null when absent. {@code
 * title} is null for a source known to have none (declared {@code untitled: true}): pages then say
 * it is untitled, and never make one up from its address. Such a source always has a publisher.
 *
 * <p>{@code shortName} is the one name the site shows wherever a source is named briefly (box rows,
 * captions, cards, source lists): it is settled once, when the source is read, so no page can make
 * up a second form. See {@link #shortNameOf}.
 *
 * @param archived the day the archived copy was made: as declared, or read from a Wayback Machine
 *     address ({@code web.archive.org/web/20210312...}); null when unknown
 * @param urlAt where {@code url} is written (its value), for diagnostics about the address; the
 *     declaration's position when unknown
 * @param archiveAt where {@code archive} is written, likewise
 */
public record Source(
    String id,
    String title,
    String publisher,
    PartialDate date,
    String url,
    LocalDate accessed,
    String archive,
    String language,
    String shortName,
    SourcePosition declaredAt,
    LocalDate archived,
    SourcePosition urlAt,
    SourcePosition archiveAt,
    Texts texts) {

  public Source {
    if (texts == null) texts = Texts.NONE;
    if (shortName == null || shortName.isBlank()) {
      shortName = shortNameOf(null, title, publisher, date);
    }
    if (urlAt == null) urlAt = declaredAt;
    if (archiveAt == null) archiveAt = declaredAt;
  }

  /** A source whose title is the one it has in every language. */
  public Source(
      String id,
      String title,
      String publisher,
      PartialDate date,
      String url,
      LocalDate accessed,
      String archive,
      String language,
      String shortName,
      SourcePosition declaredAt,
      LocalDate archived,
      SourcePosition urlAt,
      SourcePosition archiveAt) {
    this(
        id,
        title,
        publisher,
        date,
        url,
        accessed,
        archive,
        language,
        shortName,
        declaredAt,
        archived,
        urlAt,
        archiveAt,
        Texts.NONE);
  }

  /**
   * This source as one language's pages name it: its title translated into that language where it
   * has been ({@code title: {en: ..., nl: ...}}), else the title it was published under (in the
   * source's {@code language}, else the first written). A title in its original language is not a
   * missing translation: it is the source's own title. The publisher, our description of who
   * published it, is the one written for that language where it is written per language. The short
   * name stays the one settled when the source was read.
   */
  public Source in(String lang, String defaultLang) {
    Map<String, String> titles = texts.byField().get("title");
    Map<String, String> publishers = texts.byField().get("publisher");
    if ((titles == null || titles.isEmpty()) && publishers == null) return this;
    String t = title;
    if (titles != null && !titles.isEmpty()) {
      t = titles.get(lang);
      if (t == null && language != null) t = titles.get(language);
      if (t == null) t = titles.values().iterator().next();
    }
    // Our description of who published it ("Unknown (English translation of a Dutch news
    // report)") is in the page's language where written so; else the default language's, recorded
    // as a fallback so that the page can say it is not yet translated (as a fact's label does).
    Map<String, String> fallbacks = new LinkedHashMap<>();
    String p = texts.in("publisher", lang, defaultLang, publisher, fallbacks);
    return new Source(
        id,
        t,
        p,
        date,
        url,
        accessed,
        archive,
        language,
        shortName,
        declaredAt,
        archived,
        urlAt,
        archiveAt,
        texts.withFallbacks(fallbacks));
  }

  /**
   * A source without an authored {@code short:} name (the short name is worked out), an archive
   * date or the positions of its addresses.
   */
  public Source(
      String id,
      String title,
      String publisher,
      PartialDate date,
      String url,
      LocalDate accessed,
      String archive,
      String language,
      SourcePosition declaredAt) {
    this(
        id,
        title,
        publisher,
        date,
        url,
        accessed,
        archive,
        language,
        null,
        declaredAt,
        null,
        declaredAt,
        declaredAt);
  }

  /**
   * The short name: the author's {@code short:} if given; else the publisher's name (up to its
   * first bracket or comma, so "Europol (press release, copy kept by Statewatch)" is "Europol")
   * with the year, "Europol (2021)"; else, when there is no publisher or it is only "unknown", the
   * whole title. Never cut: a name cut mid-word names nothing.
   */
  public static String shortNameOf(
      String authored, String title, String publisher, PartialDate date) {
    if (authored != null && !authored.isBlank()) return authored.strip();
    String name = publisher == null ? "" : publisher;
    for (String stop : new String[] {" (", ", ", "("}) {
      int at = name.indexOf(stop);
      if (at >= 0) name = name.substring(0, at);
    }
    name = name.strip();
    if (name.isEmpty() || name.toLowerCase(Locale.ROOT).equals("unknown")) {
      if (title == null) return publisher == null ? "" : publisher.strip();
      return title.strip();
    }
    return date == null ? name : name + " (" + date.year() + ")";
  }

  public boolean isUntitled() {
    return title == null;
  }
}
