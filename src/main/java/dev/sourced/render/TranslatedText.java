package dev.sourced.render;

import dev.sourced.i18n.Messages;
import dev.sourced.model.Texts;
import freemarker.core.HTMLOutputFormat;

/**
 * A declaration's text as a template shows it: the string itself, or, where the page's language has
 * no translation of it yet, markup that gives the text its own language and says, in the page's
 * words, that it is not yet translated. Every page that shows a declaration's words (pieces, the
 * facts index, source pages, a source's publisher in every list of sources) goes through here, as
 * fact boxes do in {@code FactsHtml}, so no page gives a reader one language as another.
 */
final class TranslatedText {
  private TranslatedText() {}

  static Object of(Texts texts, String field, String text, Messages messages) {
    String from = texts.fallback(field);
    if (from == null || text == null) return text;
    return ArticlePages.markup(
        "<span class=\"untranslated\" lang=\""
            + HTMLOutputFormat.INSTANCE.escapePlainText(from)
            + "\">"
            + HTMLOutputFormat.INSTANCE.escapePlainText(text)
            + "</span> <small class=\"untranslated-note\">"
            + HTMLOutputFormat.INSTANCE.escapePlainText(messages.text("translation.missing"))
            + "</small>");
  }
}
