package dev.sourced.parse;

import dev.sourced.diag.Code;
import dev.sourced.diag.Diagnostics;
import dev.sourced.diag.SourcePosition;
import dev.sourced.model.Claim;
import dev.sourced.model.DeclarationKey;
import dev.sourced.model.Fact;
import dev.sourced.model.FactValue;
import dev.sourced.model.PartialDate;
import dev.sourced.model.Qualifier;
import dev.sourced.model.Source;
import dev.sourced.model.Texts;
import dev.sourced.model.Verdict;
import dev.sourced.yaml.YamlMap;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code sources:}, {@code facts:} and {@code claims:} mappings (from an article's
 * front-matter or a data file) into records, checking what can be checked within one file: field
 * types, a fact without a source, {@code use:} in range, and values that differ without {@code
 * status: disputed} and a {@code note}. Whether IDs exist elsewhere is the resolve stage's work.
 */
final class DeclarationReader {
  static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,199}");
  static final List<String> SOURCE_KEYS =
      List.of(
          "title",
          "untitled",
          "short",
          "publisher",
          "date",
          "url",
          "accessed",
          "archive",
          "archived",
          "language");
  static final List<String> FACT_KEYS =
      List.of(
          "label",
          "value",
          "values",
          "use",
          "unit",
          "approx",
          "qualifier",
          "format",
          "as_of",
          "sources",
          "caveat",
          "status",
          "note");
  static final List<String> VALUE_KEYS =
      List.of(
          "value", "text", "qualifier", "approx", "source", "sources", "scope", "as_of", "caveat");
  static final List<String> CLAIM_KEYS =
      List.of("claim", "claimant", "date", "verdict", "explanation", "sources");

  private final Diagnostics diagnostics;

  /** Declarations reported as invalid, as {@code kind:ID}, so their uses are not reported too. */
  private final Set<DeclarationKey> rejected = new LinkedHashSet<>();

  /** The site's languages, the default first; a site in one language has one. */
  private final List<String> languages;

  /** The words of the declaration being read, one string or one per language. */
  private final TextFields words;

  DeclarationReader(Diagnostics diagnostics, List<String> languages) {
    this.diagnostics = diagnostics;
    this.words = new TextFields(diagnostics, languages);
    this.languages = words.languages();
  }

  /**
   * A text field: one string for every language, or one per language ({@code label: {nl:
   * Gebruikers, en: Users}}); see {@link TextFields}.
   */
  private String text(YamlMap m, String key, boolean required, String what) {
    return words.text(m, key, key, required, what, true);
  }

  /**
   * {@code warnMissing} is false for a source's title: a title left untranslated is the title the
   * source was published under, which every language may show.
   */
  private String text(YamlMap m, String key, boolean required, String what, boolean warnMissing) {
    return words.text(m, key, key, required, what, warnMissing);
  }

  /** The per-language texts read since the last call, for one declaration. */
  private Texts takeTexts() {
    return words.take();
  }

  Declarations read(YamlMap map) {
    return new Declarations(
        sources(map.map("sources")),
        facts(map.map("facts")),
        claims(map.map("claims")),
        Set.copyOf(rejected));
  }

  private boolean checkId(YamlMap parent, String id, String what) {
    if (ID.matcher(id).matches()) return true;
    diagnostics.error(
        parent.at(id),
        Code.BAD_ID,
        what + " ID \"" + id + "\" is not valid",
        "IDs start with a letter or digit and hold only letters, digits, - _ and .");
    return false;
  }

  List<Source> sources(YamlMap sources) {
    List<Source> out = new ArrayList<>();
    if (sources == null) return out;
    for (String id : sources.keys()) {
      YamlMap m = sources.asMap(sources.node(id), id);
      if (m == null || !checkId(sources, id, "source")) {
        rejected.add(DeclarationKey.source(id));
        continue;
      }
      String what = "source \"" + id + "\"";
      m.warnUnknownKeys(what, SOURCE_KEYS);
      takeTexts();
      String title = title(m, what);
      String publisher = text(m, "publisher", false, what);
      if (title == null && Boolean.TRUE.equals(m.bool("untitled", what)) && publisher == null) {
        diagnostics.error(
            m.at("untitled"),
            Code.MISSING_FIELD,
            what + " is untitled, so it needs a `publisher`",
            "pages name an untitled source by its publisher: `publisher: NL Times`");
      }
      String url = link(m, "url", what);
      String archive = link(m, "archive", what);
      out.add(
          new Source(
              id,
              title == null && !Boolean.TRUE.equals(m.bool("untitled", what)) ? id : title,
              publisher,
              m.partialDate("date", false, what),
              url,
              m.date("accessed", false, what),
              archive,
              m.string("language", false, what),
              m.string("short", false, what),
              sources.at(id),
              archived(m, archive, what),
              m.valueAt("url"),
              m.valueAt("archive"),
              takeTexts()));
    }
    return out;
  }

  private static final Pattern WAYBACK =
      Pattern.compile("https?://(?:web\\.)?archive\\.org/web/([0-9]{8})[0-9]*[a-z_]*/.*");

  /**
   * The day an archived copy was made: {@code archived:} when given, else the date in a Wayback
   * Machine address (its 14-digit timestamp starts with the day), else null.
   */
  private LocalDate archived(YamlMap m, String archive, String what) {
    LocalDate given = m.date("archived", false, what);
    if (given != null || archive == null) return given;
    Matcher w = WAYBACK.matcher(archive);
    if (!w.matches()) return null;
    try {
      return LocalDate.parse(w.group(1), DateTimeFormatter.BASIC_ISO_DATE);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * A source's title; null when it is declared {@code untitled: true} (the copy we hold has none),
   * which may not be combined with a title. Neither is a missing field: an untitled source must say
   * so, so that no page shows a title made up from its address.
   */
  private String title(YamlMap m, String what) {
    Boolean untitled = m.bool("untitled", what);
    if (Boolean.TRUE.equals(untitled)) {
      if (m.has("title") && m.string("title", false, what) != null) {
        diagnostics.error(
            m.at("untitled"),
            Code.BAD_VALUE,
            what + " has a `title` and `untitled: true`",
            "keep the title if the source gives one; otherwise remove `title:`");
      }
      return null;
    }
    String title = text(m, "title", false, what, false);
    if (title == null) {
      diagnostics.error(
          m.has("title") ? m.at("title") : m.position(),
          Code.MISSING_FIELD,
          what + " needs `title`",
          "give the source's own title, or `untitled: true` if the copy you hold has none"
              + " (never a title made from its address)");
    }
    return title;
  }

  /** An http(s) address, or null; any other scheme ({@code javascript:}, {@code data:}) refused. */
  private String link(YamlMap m, String key, String what) {
    String url = m.string(key, false, what);
    if (url == null) return null;
    String lower = url.toLowerCase(Locale.ROOT);
    if (!(lower.startsWith("https://") || lower.startsWith("http://"))
        || url.chars().anyMatch(c -> c <= ' ' || c == '"' || c == '<' || c == '>')) {
      diagnostics.error(
          m.valueAt(key),
          Code.BAD_URL,
          "`" + key + "` of " + what + " must be an http(s) address without spaces",
          "e.g. " + key + ": https://example.org/report");
      return null;
    }
    return url;
  }

  List<Fact> facts(YamlMap facts) {
    List<Fact> out = new ArrayList<>();
    if (facts == null) return out;
    for (String id : facts.keys()) {
      YamlMap m = facts.asMap(facts.node(id), id);
      if (m == null || !checkId(facts, id, "fact")) {
        rejected.add(DeclarationKey.fact(id));
        continue;
      }
      Fact f = fact(id, m, facts.at(id));
      if (f != null) out.add(f);
      else rejected.add(DeclarationKey.fact(id));
    }
    return out;
  }

  private Fact fact(String id, YamlMap m, SourcePosition at) {
    String what = "fact \"" + id + "\"";
    m.warnUnknownKeys(what, FACT_KEYS);
    takeTexts();
    String label = text(m, "label", true, what);
    String unit = text(m, "unit", false, what);
    PartialDate asOf = m.partialDate("as_of", false, what);
    String status = m.string("status", false, what);
    String note = text(m, "note", false, what);
    Texts factTexts = takeTexts();
    String format = m.string("format", false, what);
    if (format != null && !format.equals("compact") && !format.equals("full")) {
      diagnostics.error(
          m.valueAt("format"),
          Code.BAD_VALUE,
          "`format` of " + what + " must be compact or full, not \"" + format + "\"",
          "compact writes 80 million; full writes 80,000,000");
    }
    if (status != null && !status.equals("disputed")) {
      diagnostics.error(
          m.valueAt("status"),
          Code.BAD_VALUE,
          "`status` of " + what + " can only be disputed, not \"" + status + "\"",
          "leave status out when the sources agree");
      status = null;
    }
    List<FactValue> values = new ArrayList<>();
    int use = 0;
    if (m.has("value") && m.has("values")) {
      diagnostics.error(
          m.at("values"),
          Code.VALUE_AND_VALUES,
          what + " has both `value` and `values`",
          "use `value` for one figure, or `values` when sources give different figures");
      return null;
    }
    if (m.has("values")) {
      for (String k : List.of("approx", "qualifier", "sources", "caveat")) {
        if (m.has(k)) {
          diagnostics.warning(
              m.at(k),
              Code.UNKNOWN_KEY,
              "`" + k + "` of " + what + " has no meaning with `values`",
              "give each value its own `" + (k.equals("sources") ? "source" : k) + "`");
        }
      }
      List<Node> items = m.list("values");
      for (Node item : items) {
        YamlMap v = m.asMap(item, "values[]");
        if (v == null) continue;
        FactValue fv = value(v, what, false);
        if (fv != null) values.add(fv);
      }
      if (items.isEmpty()) {
        diagnostics.error(
            m.at("values"),
            Code.MISSING_FIELD,
            what + " has an empty `values` list",
            "give each source's figure as `- {value: 70000, source: ID, scope: ...}`");
        return null;
      }
      Integer u = m.integer("use", false, what);
      if (u != null) {
        if (u < 0 || u >= items.size()) {
          diagnostics.error(
              m.valueAt("use"),
              Code.USE_OUT_OF_RANGE,
              "`use: "
                  + u
                  + "` of "
                  + what
                  + " picks no value: it has "
                  + items.size()
                  + " (numbered from 0)",
              "use a number from 0 to " + (items.size() - 1));
          return null;
        }
        use = u;
      }
      if (values.size() != items.size()) return null;
    } else if (m.has("value")) {
      FactValue fv = value(m, what, true);
      if (fv == null) return null;
      values.add(fv);
      if (m.has("use")) {
        diagnostics.warning(
            m.at("use"),
            Code.UNKNOWN_KEY,
            "`use` has no meaning with a single `value`",
            "remove it, or give several `values`");
      }
    } else {
      diagnostics.error(
          at,
          Code.MISSING_FIELD,
          what + " has no `value`",
          "add `value: 70000`, or `values:` when sources disagree");
      return null;
    }
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i).sources().isEmpty()) {
        diagnostics.error(
            values.get(i).declaredAt(),
            Code.FACT_UNSOURCED,
            what + (values.size() > 1 ? " value " + i : "") + " has no source",
            values.size() > 1
                ? "add `source: ID` to the value"
                : "add `sources: [ID]` naming where the figure comes from");
        return null;
      }
    }
    if (label == null) return null;
    if (values.size() > 1 && differ(values) && status == null) {
      diagnostics.error(
          m.at("values"),
          Code.UNDISPUTED_CONFLICT,
          "the sources of " + what + " give different figures, but it is not marked as disputed",
          "add `status: disputed` and a `note` saying why the figures differ");
      return null;
    }
    if (status != null && note == null) {
      diagnostics.error(
          m.at("status"),
          Code.DISPUTED_WITHOUT_NOTE,
          what + " is disputed but has no `note`",
          "add a `note` telling readers why the sources disagree");
      return null;
    }
    return new Fact(
        id,
        label,
        unit,
        "compact".equals(format),
        asOf,
        status != null,
        note,
        List.copyOf(values),
        use,
        at,
        factTexts);
  }

  private static boolean differ(List<FactValue> values) {
    Set<String> seen = new HashSet<>();
    for (FactValue v : values) {
      seen.add(v.isNumber() ? v.number().stripTrailingZeros().toPlainString() : "text|" + v.text());
    }
    return seen.size() > 1;
  }

  /** One figure: from a fact itself ({@code single}) or from an item of its {@code values}. */
  private FactValue value(YamlMap v, String what, boolean single) {
    if (!single) v.warnUnknownKeys("a value of " + what, VALUE_KEYS);
    BigDecimal number = null;
    String text = null;
    if (v.has("value")) {
      number = v.number("value", true, what);
      if (number == null) return null;
    } else if (!single && v.has("text")) {
      text = text(v, "text", true, what);
    } else {
      diagnostics.error(
          v.position(),
          Code.MISSING_FIELD,
          "a value of " + what + " has no `value`",
          "add `value: 70000` (or `text: \"hundreds of millions\"` for a figure in words)");
      return null;
    }
    Qualifier q = Qualifier.EXACT;
    Boolean approx = v.bool("approx", what);
    String qualifier = v.string("qualifier", false, what);
    if (qualifier != null) {
      q = Qualifier.fromKey(qualifier);
      if (q == null) {
        diagnostics.error(
            v.valueAt("qualifier"),
            Code.BAD_VALUE,
            "unknown qualifier \"" + qualifier + "\" in " + what,
            "use one of "
                + String.join(
                    ", ", Arrays.stream(Qualifier.values()).map(Qualifier::key).toList()));
        return null;
      }
    } else if (Boolean.TRUE.equals(approx)) {
      q = Qualifier.ABOUT;
    }
    List<String> sources = new ArrayList<>(v.strings("sources", what));
    String one = single ? null : v.string("source", false, what);
    if (one != null) sources.add(0, one);
    return new FactValue(
        number,
        text,
        q,
        List.copyOf(sources),
        single ? null : text(v, "scope", false, what),
        single ? null : v.partialDate("as_of", false, what),
        text(v, "caveat", false, what),
        v.position(),
        takeTexts());
  }

  List<Claim> claims(YamlMap claims) {
    List<Claim> out = new ArrayList<>();
    if (claims == null) return out;
    for (String id : claims.keys()) {
      YamlMap m = claims.asMap(claims.node(id), id);
      if (m == null || !checkId(claims, id, "claim")) {
        rejected.add(DeclarationKey.claim(id));
        continue;
      }
      String what = "claim \"" + id + "\"";
      m.warnUnknownKeys(what, CLAIM_KEYS);
      takeTexts();
      String text = text(m, "claim", true, what);
      String claimant = text(m, "claimant", true, what);
      String explanation = text(m, "explanation", false, what);
      Texts claimTexts = takeTexts();
      LocalDate date = m.date("date", false, what);
      String verdictKey = m.string("verdict", true, what);
      Verdict verdict = verdictKey == null ? null : Verdict.fromKey(verdictKey);
      if (verdictKey != null && verdict == null) {
        diagnostics.error(
            m.valueAt("verdict"),
            Code.BAD_VERDICT,
            "\"" + verdictKey + "\" is not a verdict on the scale",
            "use one of "
                + String.join(", ", Arrays.stream(Verdict.values()).map(Verdict::key).toList()));
      }
      List<String> sources = m.strings("sources", what);
      if (m.has("sources") && sources.isEmpty() || !m.has("sources")) {
        diagnostics.error(
            claims.at(id),
            Code.CLAIM_UNSOURCED,
            what + " has no sources",
            "add `sources: [ID]` for the evidence behind the verdict");
        rejected.add(DeclarationKey.claim(id));
        continue;
      }
      if (text == null || claimant == null || verdict == null) {
        rejected.add(DeclarationKey.claim(id));
        continue;
      }
      out.add(
          new Claim(
              id,
              text,
              claimant,
              date,
              verdict,
              explanation,
              List.copyOf(sources),
              claims.at(id),
              claimTexts));
    }
    return out;
  }
}
