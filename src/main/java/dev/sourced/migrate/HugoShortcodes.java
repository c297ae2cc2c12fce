package dev.sourced.migrate;

import dev.sourced.diag.Code;

/**
 * Converts the Hugo shortcodes that have a sourced equivalent and keeps every other one as it is
 * written, visible in the page, with an {@code unconverted-shortcode} warning at its line and
 * column. Converted: {@code ref} and {@code relref} (a relative link to the page's new address),
 * {@code figure} (a Markdown image, linked where it had a link, its caption a paragraph under it),
 * {@code highlight} (a fenced code block in that language), {@code youtube} and {@code vimeo} (a
 * link to the video, since pages work without scripts), and Hugo's escaped form (a comment's
 * markers inside the braces) which stands for the literal text {@code {{< x >}}}.
 *
 * <p>Shortcodes are found as Hugo finds them, anywhere in the body including code blocks: {@code
 * {{<} or {@code {{%}, up to the matching {@code >}}} or {@code %}}} outside quotes.
 */
final class HugoShortcodes {
  private HugoShortcodes() {}

  /** One shortcode as written: offsets of the whole and of its inside. */
  private record Tag(int start, int end, char delimiter, String inner) {
    boolean closing() {
      return inner.strip().startsWith("/");
    }

    String closedName() {
      return inner.strip().substring(1).strip().split("\\s+")[0];
    }
  }

  static String convert(BodyContext cx) {
    String body = cx.body;
    StringBuilder out = new StringBuilder(body.length());
    int pos = 0;
    while (true) {
      Tag tag = next(body, pos);
      if (tag == null) break;
      out.append(body, pos, tag.start());
      pos = convert(cx, tag, out);
    }
    out.append(body, pos, body.length());
    return out.toString();
  }

  /** Writes the conversion of {@code tag} and returns the offset where the text goes on. */
  private static int convert(BodyContext cx, Tag tag, StringBuilder out) {
    String body = cx.body;
    String raw = body.substring(tag.start(), tag.end());
    String inner = tag.inner().strip();
    if (inner.startsWith("/*") && inner.endsWith("*/")) {
      cx.literals.add(out.length());
      out.append("{{")
          .append(tag.delimiter())
          .append(' ')
          .append(inner.substring(2, inner.length() - 2).strip())
          .append(' ')
          .append(tag.delimiter() == '<' ? '>' : '%')
          .append("}}");
      return tag.end();
    }
    if (tag.closing()) {
      out.append(raw);
      return tag.end();
    }
    TagArguments args = TagArguments.parse(inner);
    switch (args.name()) {
      case "ref", "relref" -> {
        String ref = args.get("path", 0);
        String link = ref == null ? null : ref(cx, ref);
        if (link == null) {
          cx.warning(
              tag.start(),
              Code.UNRESOLVED_REF,
              "the page that " + raw + " names is not in the imported content; kept as text",
              "fix the link in the imported page");
          out.append(raw);
        } else {
          out.append(link);
        }
        return tag.end();
      }
      case "figure" -> {
        out.append(figure(cx, args));
        return tag.end();
      }
      case "youtube", "vimeo" -> {
        String id = args.get("id", 0);
        if (id == null || !id.matches("[A-Za-z0-9_-]+")) break;
        out.append('<')
            .append(
                args.name().equals("youtube")
                    ? "https://www.youtube.com/watch?v=" + id
                    : "https://vimeo.com/" + id)
            .append('>');
        return tag.end();
      }
      case "highlight" -> {
        Tag close = closing(body, tag.end(), "highlight");
        if (close == null) break;
        String language = args.get("lang", 0);
        BodyContext.block(
            out, BodyContext.fence(language, body.substring(tag.end(), close.start())));
        return BodyContext.afterBlock(body, close.end(), out);
      }
      default -> {}
    }
    cx.warning(
        tag.start(),
        Code.UNCONVERTED_SHORTCODE,
        "the shortcode {{"
            + tag.delimiter()
            + " "
            + args.name()
            + " "
            + closer(tag)
            + "}} has no"
            + " sourced equivalent; it is kept as text",
        "replace it by hand in the imported page (Markdown, or a fact box for a figure)");
    out.append(raw);
    return tag.end();
  }

  private static char closer(Tag tag) {
    return tag.delimiter() == '<' ? '>' : '%';
  }

  private static String ref(BodyContext cx, String ref) {
    int hash = ref.indexOf('#');
    String path = hash < 0 ? ref : ref.substring(0, hash);
    String anchor = hash < 0 ? "" : ref.substring(hash);
    String address =
        path.isEmpty() ? cx.page.address() : cx.targets.hugoRef(cx.page.sourceFolder(), path);
    if (address == null) return null;
    String link = path.isEmpty() ? "" : cx.linkTo(address);
    return link + anchor;
  }

  private static String figure(BodyContext cx, TagArguments args) {
    String src = siteRelative(cx, orEmpty(args.get("src", 0)));
    String title = args.named().get("title");
    String caption = args.named().get("caption");
    String alt = args.named().get("alt");
    if (alt == null) alt = caption != null ? caption : title != null ? title : "";
    StringBuilder img = new StringBuilder("![");
    img.append(alt.replace("[", "\\[").replace("]", "\\]")).append("](");
    img.append(BodyContext.destination(src));
    if (title != null) img.append(" \"").append(title.replace("\"", "\\\"")).append('"');
    img.append(')');
    String link = args.named().get("link");
    if (link != null) link = siteRelative(cx, link);
    String out =
        link == null ? img.toString() : "[" + img + "](" + BodyContext.destination(link) + ")";
    if (caption != null && !caption.isBlank()) out += "\n\n*" + caption.strip() + "*";
    return out;
  }

  /** A site-absolute path ("/images/a.png") made relative, so it works under any base path. */
  private static String siteRelative(BodyContext cx, String path) {
    return path.startsWith("/") && !path.startsWith("//") ? cx.linkTo(path.substring(1)) : path;
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  /** The next {@code {{< /name >}}} after {@code from}, or null. */
  private static Tag closing(String body, int from, String name) {
    int pos = from;
    while (true) {
      Tag t = next(body, pos);
      if (t == null) return null;
      if (t.closing() && t.closedName().equals(name)) return t;
      pos = t.end();
    }
  }

  /** The next shortcode at or after {@code from}, or null. */
  private static Tag next(String body, int from) {
    int pos = from;
    while (true) {
      int open = body.indexOf("{{", pos);
      if (open < 0 || open + 2 >= body.length()) return null;
      char d = body.charAt(open + 2);
      if (d != '<' && d != '%') {
        pos = open + 2;
        continue;
      }
      String close = (d == '<' ? ">" : "%") + "}}";
      int i = open + 3;
      char quote = 0;
      while (i < body.length()) {
        char c = body.charAt(i);
        if (quote != 0) {
          if (c == '\\' && quote == '"') i++;
          else if (c == quote) quote = 0;
        } else if (c == '"' || c == '`') {
          quote = c;
        } else if (body.startsWith(close, i)) {
          return new Tag(open, i + 3, d, body.substring(open + 3, i));
        } else if (c == '\n' && body.startsWith("\n\n", i)) {
          break;
        }
        i++;
      }
      pos = open + 2;
    }
  }
}
