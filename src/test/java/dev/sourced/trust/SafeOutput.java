package dev.sourced.trust;

import dev.sourced.testing.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * What a reader's browser must never get from content, checked on a built site through jsoup
 * (parsed HTML, never substrings): a script that the theme did not put there, an event-handler
 * attribute, an element that loads or embeds another document, or an address with a scheme other
 * than http, https or mailto.
 *
 * <p>The theme's own scripts are files under {@code /assets/} (with {@code src} and no body) and
 * JSON-LD blocks ({@code type="application/ld+json"}, whose text must not be able to close the
 * element). Feeds and other XML files must hold no script element and no handler attribute.
 */
final class SafeOutput {
  private static final Set<String> URL_ATTRS =
      Set.of(
          "href",
          "src",
          "action",
          "formaction",
          "xlink:href",
          "poster",
          "data",
          "background",
          "cite",
          "longdesc",
          "manifest",
          "ping",
          "srcset",
          "lowsrc",
          "dynsrc");
  private static final Set<String> EMBEDDING =
      Set.of("iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal");
  private static final Set<String> SAFE_SCHEMES = Set.of("", "http", "https", "mailto");

  private SafeOutput() {}

  /** Every problem in every HTML and XML file of a built site, as "file: problem" lines. */
  static List<String> problems(Path site) {
    List<String> out = new ArrayList<>();
    for (String f : Trees.files(site)) {
      String lower = f.toLowerCase(Locale.ROOT);
      if (lower.endsWith(".html") || lower.endsWith(".htm") || lower.endsWith(".xhtml")) {
        Document d = Jsoup.parse(read(site.resolve(f)), "https://example.org/" + f);
        for (String p : htmlProblems(d)) out.add(f + ": " + p);
      } else if (lower.endsWith(".xml") || lower.endsWith(".svg")) {
        Document d = Jsoup.parse(read(site.resolve(f)), "", Parser.xmlParser());
        for (Element e : d.getAllElements()) {
          if (e.normalName().endsWith("script")) out.add(f + ": script element " + e.outerHtml());
          for (Attribute a : e.attributes()) {
            if (a.getKey().toLowerCase(Locale.ROOT).startsWith("on")) {
              out.add(f + ": handler attribute " + a.getKey() + " on <" + e.normalName() + ">");
            }
          }
          // Atom text of type html is HTML to a feed reader.
          if ("html".equals(e.attr("type")) && !e.normalName().equals("link")) {
            for (String p : htmlProblems(Jsoup.parse(e.text())))
              out.add(f + ": in feed html: " + p);
          }
        }
      }
    }
    return out;
  }

  static List<String> htmlProblems(Document d) {
    List<String> out = new ArrayList<>();
    for (Element e : d.getAllElements()) {
      String tag = e.normalName();
      if (tag.equals("script")) {
        boolean themeFile = e.attr("src").startsWith("/assets/") && e.data().isBlank();
        boolean jsonLd =
            e.attr("type").equals("application/ld+json")
                && !e.hasAttr("src")
                && !e.data().contains("<");
        if (!themeFile && !jsonLd) out.add("script not from the theme: " + clip(e.outerHtml()));
      }
      if (EMBEDDING.contains(tag)) out.add("embedding element: " + clip(e.outerHtml()));
      if (tag.equals("meta") && e.hasAttr("http-equiv")) {
        out.add("meta http-equiv: " + clip(e.outerHtml()));
      }
      for (Attribute a : e.attributes()) {
        String key = a.getKey().toLowerCase(Locale.ROOT);
        if (key.startsWith("on")) {
          out.add("handler attribute " + key + " on " + clip(e.outerHtml()));
        }
        if (URL_ATTRS.contains(key)) {
          String scheme = scheme(a.getValue());
          if (!SAFE_SCHEMES.contains(scheme)) {
            out.add("address with scheme " + scheme + ": " + clip(e.outerHtml()));
          }
        }
        if (key.equals("style")
            && a.getValue()
                .toLowerCase(Locale.ROOT)
                .matches("(?s).*(expression\\(|javascript:|url\\().*")) {
          out.add("active style: " + clip(e.outerHtml()));
        }
      }
    }
    return out;
  }

  /** The scheme a browser would see: it drops ASCII control characters and spaces first. */
  static String scheme(String url) {
    String v = url.replaceAll("[\\x00-\\x20]", "").toLowerCase(Locale.ROOT);
    return v.matches("^[a-z][a-z0-9+.-]*:.*") ? v.substring(0, v.indexOf(':')) : "";
  }

  private static String clip(String s) {
    String t = s.replaceAll("\\s+", " ");
    return t.length() > 160 ? t.substring(0, 157) + "..." : t;
  }

  static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
