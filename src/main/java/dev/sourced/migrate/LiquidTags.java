package dev.sourced.migrate;

import dev.sourced.diag.Code;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts the Liquid tags of a Jekyll page that have a sourced equivalent and keeps every other
 * one as written, visible in the page, with an {@code unconverted-liquid} warning at its line and
 * column. Converted: {@code link} and {@code post_url} (a relative link to the new address, with a
 * {@code {{ site.baseurl }}} before it dropped), {@code highlight} (a fenced code block), {@code
 * raw} (its text, as Liquid would print it), {@code comment} (dropped, as Liquid drops it), and the
 * outputs {@code {{ site.baseurl }}} before a site path and {@code {{ "/path" | relative_url }}} (a
 * link relative to the page, so that it works under any base path).
 *
 * <p>Tags are found as Liquid finds them, anywhere in the body: {@code {%} to {@code %}} and {@code
 * {{} to {@code }}}, each with optional {@code -} for whitespace control.
 */
final class LiquidTags {
  private LiquidTags() {}

  private static final Pattern TAG =
      Pattern.compile("\\{%-?(.*?)-?%\\}|\\{\\{-?(.*?)-?\\}\\}", Pattern.DOTALL);
  private static final Pattern URL_FILTER =
      Pattern.compile("\\s*(\"([^\"]*)\"|'([^']*)')\\s*\\|\\s*(relative_url|absolute_url)\\s*");

  static String convert(BodyContext cx) {
    String body = cx.body;
    StringBuilder out = new StringBuilder(body.length());
    Matcher m = TAG.matcher(body);
    int pos = 0;
    boolean dropBaseUrl = false;
    while (pos < body.length() && m.find(pos)) {
      out.append(body, pos, m.start());
      pos = m.end();
      if (m.group(1) != null) {
        TagArguments args = TagArguments.parse(m.group(1).strip());
        switch (args.name()) {
          case "raw" -> {
            Matcher end = endTag(body, m.end(), "endraw");
            if (end == null) break;
            String raw = body.substring(m.end(), end.start());
            for (int i = raw.indexOf('{');
                i >= 0 && i + 1 < raw.length();
                i = raw.indexOf('{', i + 2)) {
              if (raw.charAt(i + 1) == '{' || raw.charAt(i + 1) == '%')
                cx.literals.add(out.length() + i);
            }
            out.append(raw);
            pos = end.end();
            continue;
          }
          case "comment" -> {
            Matcher end = endTag(body, m.end(), "endcomment");
            if (end == null) break;
            pos = end.end();
            continue;
          }
          case "highlight" -> {
            Matcher end = endTag(body, m.end(), "endhighlight");
            if (end == null) break;
            BodyContext.block(
                out, BodyContext.fence(args.get("lang", 0), body.substring(m.end(), end.start())));
            pos = BodyContext.afterBlock(body, end.end(), out);
            continue;
          }
          case "link", "post_url" -> {
            String name = args.get("path", 0);
            String target =
                name == null
                    ? null
                    : args.name().equals("link")
                        ? cx.targets.jekyllLink(name)
                        : cx.targets.postUrl(name);
            if (target == null) {
              cx.warning(
                  m.start(),
                  Code.UNRESOLVED_REF,
                  "the page that " + m.group() + " names is not in the imported site; kept as text",
                  "fix the link in the imported page");
              out.append(m.group());
            } else {
              if (dropBaseUrl) dropBaseUrl(out);
              out.append(cx.linkTo(target));
            }
            dropBaseUrl = false;
            continue;
          }
          default -> {}
        }
        dropBaseUrl = false;
        cx.warning(
            m.start(),
            Code.UNCONVERTED_LIQUID,
            "the Liquid tag {% "
                + args.name()
                + " %} has no sourced equivalent; it is kept as text",
            "replace it by hand in the imported page");
        out.append(m.group());
        continue;
      }
      String expr = m.group(2).strip();
      Matcher filter = URL_FILTER.matcher(m.group(2));
      if (expr.equals("site.baseurl") || expr.equals("site.baseurl | prepend: site.url")) {
        if (body.startsWith("{%", pos)) {
          out.append(BASE_MARK);
          dropBaseUrl = true;
          continue;
        }
        if (body.startsWith("/", pos)) {
          String root = cx.linkTo("");
          out.append(root.equals("./") ? "." : root.substring(0, root.length() - 1));
          continue;
        }
      } else if (expr.equals("site.url") && body.startsWith("{{ site.baseurl", pos)) {
        continue;
      } else if (filter.matches()) {
        String path = filter.group(2) != null ? filter.group(2) : filter.group(3);
        out.append(cx.linkTo(path.startsWith("/") ? path.substring(1) : path));
        continue;
      }
      cx.warning(
          m.start(),
          Code.UNCONVERTED_LIQUID,
          "the Liquid output {{ " + expr + " }} has no sourced equivalent; it is kept as text",
          "replace it by hand in the imported page");
      out.append(m.group());
    }
    if (pos < body.length()) out.append(body, pos, body.length());
    return out.toString().replace(BASE_MARK, "{{ site.baseurl }}");
  }

  /** Stands for a {@code {{ site.baseurl }}} until it is known whether a link follows it. */
  private static final String BASE_MARK = "\u0000baseurl\u0000";

  private static void dropBaseUrl(StringBuilder out) {
    int at = out.lastIndexOf(BASE_MARK);
    if (at >= 0 && at + BASE_MARK.length() == out.length()) out.setLength(at);
  }

  private static Matcher endTag(String body, int from, String name) {
    Matcher m = Pattern.compile("\\{%-?\\s*" + name + "\\s*-?%\\}").matcher(body);
    return m.find(from) ? m : null;
  }
}
