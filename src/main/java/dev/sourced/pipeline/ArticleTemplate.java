package dev.sourced.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Writes a new article: today's date, a slug from the title, and front-matter whose comments show
 * how to declare sources, facts and claims. The file builds as it is (with warnings until the
 * author fills it in).
 */
public final class ArticleTemplate {
  private ArticleTemplate() {}

  /** The slug for a title: lowercase ASCII words joined by hyphens. */
  public static String slug(String title) {
    String s =
        Normalizer.normalize(title, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("(^-+|-+$)", "");
    if (s.length() > 60) s = s.substring(0, 60).replaceAll("-[^-]*$", "");
    return s.isEmpty() ? "new-article" : s;
  }

  /** Creates {@code content/<slug>.md} under the site; refuses to overwrite. */
  public static Path create(Path site, String title, LocalDate today) throws IOException {
    if (!Files.isRegularFile(site.resolve("sourced.yaml"))) {
      throw new IOException(
          site.toAbsolutePath().normalize()
              + " has no sourced.yaml; run this inside a site or pass --source DIR");
    }
    Path file = site.resolve("content").resolve(slug(title) + ".md");
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(file + " already exists; choose another title");
    }
    Files.createDirectories(file.getParent());
    Files.writeString(file, text(title, today));
    return file;
  }

  static String text(String title, LocalDate today) {
    String quoted = "\"" + title.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    return """
        ---
        title: %s
        summary: "One sentence for lists, feeds and social cards."
        date: %s
        # updated: %s              # when you change the article later
        authors: [Editorial desk]
        tags: []
        # draft: true                      # drafts are not published
        #
        # Sources: IDs are global to the site; cite them in the text with [@ID].
        # sources:
        #   agency-report:
        #     title: "Title of the report"
        #     publisher: "Who published it"
        #     date: 2024-01-31
        #     url: https://example.org/report
        #
        # Facts: every figure in the text; write {{fact:ID}} where it appears,
        # and {{factbox:ID}} alone in a paragraph for its box.
        # facts:
        #   people-counted:
        #     label: "What the figure counts"
        #     value: 70000
        #     unit: "people"
        #     approx: true                 # "about 70,000"
        #     as_of: 2024-01-01
        #     sources: [agency-report]
        #
        # When sources disagree, give each one's figure and why they differ:
        #     values:
        #       - {value: 70000, source: agency-report, scope: "what this figure covers"}
        #       - {value: 170000, source: other-report, scope: "what that figure covers"}
        #     use: 0
        #     status: disputed
        #     note: "Why the figures differ."
        #
        # Claims: {{claim:ID}} alone in a paragraph shows the verdict box.
        # claims:
        #   some-claim:
        #     claim: "What was said."
        #     claimant: "Who said it"
        #     date: 2024-01-15
        #     verdict: mostly-false        # true, mostly-true, mixed, mostly-false, false, unproven
        #     explanation: "Why, in a sentence or two."
        #     sources: [agency-report]
        ---

        Write the article here.
        """
        .formatted(quoted, today, today);
  }
}
