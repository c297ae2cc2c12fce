package dev.sourced.migrate;

import dev.sourced.diag.Code;
import dev.sourced.parse.MarkdownFileLinks;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps a page's links to other Markdown files working when the import renames or moves those files
 * ({@code Argus_Timeline.md} becomes {@code argus_timeline.md}, Jekyll's {@code
 * _posts/2021-03-09-a.md} becomes {@code posts/a.md}): each {@code [x](../sec/Page.md#frag)} is
 * written with the new file's path, relative to the page's new file. The link stays a link to a
 * file, as the author wrote it, so it still reads on GitHub, and the build makes it a link to the
 * page's address (see {@link MarkdownFileLinks}), as Hugo's link render hook and Jekyll's
 * relative-links plugin do. A link to a Markdown file that is not imported is kept as written, with
 * an {@code unresolved-ref} warning at it.
 */
final class MarkdownLinks {
  private MarkdownLinks() {}

  /** An inline link's destination: {@code ](dest} or {@code ](<dest>}. */
  private static final Pattern DESTINATION = Pattern.compile("\\]\\(\\s*(<[^>\\n]+>|[^)\\s<>]+)");

  /**
   * @param cx the page, for its files and warnings (offsets in {@code body} that stand where they
   *     stood in the source are positioned there; the body conversions keep a link's line)
   * @param body the page's body after its shortcodes or tags were converted
   */
  static String convert(BodyContext cx, String body) {
    if (body.indexOf("](") < 0) return body;
    Matcher m = DESTINATION.matcher(body);
    StringBuilder out = new StringBuilder(body.length());
    int pos = 0;
    while (m.find()) {
      String written = m.group(1);
      boolean angle = written.startsWith("<");
      String dest = angle ? written.substring(1, written.length() - 1) : written;
      if (!MarkdownFileLinks.isFileLink(dest)) continue;
      // Resolved under a stand-in root, so that "/a.md" and climbing out of the site both show.
      String source = MarkdownFileLinks.target("content/" + cx.page.source(), dest);
      String target =
          source == null
              ? null
              : cx.targets.newFile(source.substring("content/".length()), dest.startsWith("/"));
      if (target == null) {
        int at = cx.body.indexOf(written);
        cx.warning(
            Math.max(0, at),
            Code.UNRESOLVED_REF,
            "the Markdown file that the link \""
                + dest
                + "\" names is not in the imported content;"
                + " kept as written",
            "fix the link in the imported page");
        continue;
      }
      String folder = cx.page.target().substring(0, cx.page.target().lastIndexOf('/') + 1);
      String path = Addresses.relative(folder, target) + MarkdownFileLinks.fragment(dest);
      out.append(body, pos, m.start(1)).append(BodyContext.destination(path));
      pos = m.end(1);
    }
    out.append(body, pos, body.length());
    return out.toString();
  }
}
