package dev.sourced.render;

import dev.sourced.i18n.Messages;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateHTMLOutputModel;
import freemarker.core.TemplateMarkupOutputModel;
import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateDateModel;
import freemarker.template.TemplateHashModelEx2;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The templates' {@code t} function: {@code ${t("nav.articles")}}, or with arguments {@code
 * ${t("sources.cited_in", {"count": s.articleCount})}}. It returns HTML: the message text is
 * escaped, text arguments are escaped, and markup arguments (a link built with {@code <#assign x><a
 * ...>...</a></#assign>}) are kept as markup, so a translator can move a link within a sentence
 * without the template splitting the sentence in pieces.
 *
 * <p>Markup arguments pass through ICU as placeholders from the Private Use Area and are put back
 * after escaping, so the text around them is escaped exactly once and the markup never is.
 */
final class MessageMethod implements TemplateMethodModelEx {
  private static final char OPEN = '\uE000';
  private static final char CLOSE = '\uE001';

  private final Messages messages;

  /**
   * Texts without arguments as the templates get them, escaped once for every page that shows them
   * (two threads may both make one: they make the same).
   */
  private final Map<String, TemplateModel> plain = new ConcurrentHashMap<>();

  MessageMethod(Messages messages) {
    this.messages = messages;
  }

  @Override
  public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
    if (arguments.isEmpty() || arguments.size() > 2) {
      throw new TemplateModelException(
          "t takes a message key and, optionally, a hash of arguments: t(\"key\", {\"count\": n})");
    }
    if (!(arguments.get(0) instanceof TemplateScalarModel k)) {
      throw new TemplateModelException("t: the first argument must be a message key");
    }
    String key = k.getAsString();
    if (!messages.has(key)) {
      throw new TemplateModelException(
          "t: no message \"" + key + "\" in " + messages.language() + " (see docs/translation.md)");
    }
    if (arguments.size() == 1) {
      TemplateModel made = plain.get(key);
      if (made == null) {
        made =
            HTMLOutputFormat.INSTANCE.fromMarkup(
                HTMLOutputFormat.INSTANCE.escapePlainText(messages.text(key)));
        plain.put(key, made);
      }
      return made;
    }
    Map<String, Object> args = new LinkedHashMap<>();
    List<String> markup = new ArrayList<>();
    if (arguments.size() == 2) {
      if (!(arguments.get(1) instanceof TemplateHashModelEx2 hash)) {
        throw new TemplateModelException("t: the arguments must be a hash, e.g. {\"count\": n}");
      }
      var it = hash.keyValuePairIterator();
      while (it.hasNext()) {
        var pair = it.next();
        String name = ((TemplateScalarModel) pair.getKey()).getAsString();
        args.put(name, value(pair.getValue(), markup));
      }
    }
    String text = args.isEmpty() ? messages.text(key) : messages.format(key, args);
    String html = HTMLOutputFormat.INSTANCE.escapePlainText(text);
    for (int i = 0; i < markup.size(); i++) {
      html = html.replace(placeholder(i), markup.get(i));
    }
    return HTMLOutputFormat.INSTANCE.fromMarkup(html);
  }

  private static Object value(TemplateModel m, List<String> markup) throws TemplateModelException {
    if (m instanceof TemplateNumberModel n) return n.getAsNumber();
    if (m instanceof TemplateHTMLOutputModel h) {
      markup.add(HTMLOutputFormat.INSTANCE.getMarkupString(h));
      return placeholder(markup.size() - 1);
    }
    if (m instanceof TemplateMarkupOutputModel<?>) {
      throw new TemplateModelException("t: only HTML markup can be an argument");
    }
    if (m instanceof TemplateScalarModel s) return s.getAsString();
    if (m instanceof TemplateBooleanModel b) return b.getAsBoolean() ? "true" : "false";
    if (m instanceof TemplateDateModel d) return d.getAsDate();
    throw new TemplateModelException("t: an argument must be text, a number or markup");
  }

  private static String placeholder(int i) {
    return OPEN + Integer.toString(i) + CLOSE;
  }
}
