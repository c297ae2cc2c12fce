package dev.sourced.render;

import dev.sourced.diag.Code;
import dev.sourced.diag.Diagnostics;
import dev.sourced.diag.SourcePosition;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.ext.beans.BeansWrapper;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Freemarker, configured once and safely (see {@code design/hardening.md}): no {@code ?new} of any
 * class, no {@code ?api}, HTML auto-escaping, exceptions rethrown (never printed into a page), a
 * wrapper that exposes only properties. A site's {@code templates/*.ftlh} override the default
 * theme inside the jar file by file; {@code FileTemplateLoader} refuses names and links that lead
 * outside {@code templates/}.
 *
 * <p>Template errors become diagnostics with the template's own path, line and column. Infinite
 * macro recursion ends as a diagnostic too, not as a crash.
 */
public final class TemplateEngine {
  /** Where the default theme lives on the class path. */
  public static final String THEME = "/theme";

  private final Configuration cfg;
  private final Path siteTemplates;

  public TemplateEngine(Path siteTemplates, Locale locale) throws IOException {
    this.siteTemplates = siteTemplates;
    Configuration c = new Configuration(Configuration.VERSION_2_3_34);
    TemplateLoader theme = new ClassTemplateLoader(TemplateEngine.class, THEME);
    c.setTemplateLoader(
        siteTemplates == null
            ? theme
            : new MultiTemplateLoader(
                new TemplateLoader[] {
                  new FileTemplateLoader(siteTemplates.toFile(), false), theme
                }));
    c.setDefaultEncoding("UTF-8");
    c.setOutputFormat(HTMLOutputFormat.INSTANCE);
    c.setRecognizeStandardFileExtensions(true);
    c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    c.setAPIBuiltinEnabled(false);
    c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    c.setAttemptExceptionReporter((e, env) -> {});
    c.setLogTemplateExceptions(false);
    c.setWrapUncheckedExceptions(true);
    c.setFallbackOnNullLoopVariable(false);
    c.setLocalizedLookup(false);
    c.setLocale(locale);
    c.setTimeZone(TimeZone.getTimeZone("UTC"));
    c.setNumberFormat("computer");
    c.setBooleanFormat("c");
    c.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
    DefaultObjectWrapperBuilder wrapper =
        new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
    wrapper.setExposureLevel(BeansWrapper.EXPOSE_PROPERTIES_ONLY);
    wrapper.setForceLegacyNonListCollections(false);
    c.setObjectWrapper(wrapper.build());
    this.cfg = c;
  }

  /** Loads (and caches) a template; reports and returns null when it cannot be parsed. */
  public Template template(String name, Diagnostics diagnostics) {
    try {
      return cfg.getTemplate(name);
    } catch (TemplateNotFoundException e) {
      diagnostics.error(
          SourcePosition.file(displayPath(name)),
          Code.TEMPLATE_MISSING,
          "template " + name + " not found",
          "add templates/" + name + ", or delete templates/ to use the default theme");
    } catch (ParseException e) {
      diagnostics.error(
          new SourcePosition(
              displayPath(e.getTemplateName() != null ? e.getTemplateName() : name),
              e.getLineNumber(),
              e.getColumnNumber()),
          Code.TEMPLATE_SYNTAX,
          firstLine(e.getEditorMessage()),
          "fix the template syntax here");
    } catch (SecurityException e) {
      diagnostics.error(
          SourcePosition.file(displayPath(name)),
          Code.SYMLINK_ESCAPE,
          "template " + name + " (or one it includes) leads outside templates/",
          "copy the template into templates/ instead of linking to it");
    } catch (IOException e) {
      diagnostics.error(
          SourcePosition.file(displayPath(name)),
          Code.TEMPLATE_UNREADABLE,
          "cannot read template " + name + ": " + e.getMessage(),
          "check the file");
    }
    return null;
  }

  /**
   * Renders a template with a model; on failure reports a diagnostic at the template's position and
   * returns null.
   *
   * @param forPath the page being rendered, named in the message
   */
  public String render(
      Template t, Map<String, Object> model, String forPath, Diagnostics diagnostics) {
    TextOut out = new TextOut();
    return render(t, model, out, forPath, diagnostics) ? out.toString() : null;
  }

  /**
   * Renders into {@code out}; false (after reporting why) when the template fails, in which case
   * {@code out} holds part of a page.
   */
  public boolean render(
      Template t, Map<String, Object> model, Writer out, String forPath, Diagnostics diagnostics) {
    try {
      t.process(model, out);
      return true;
    } catch (TemplateException e) {
      String name = e.getTemplateSourceName() != null ? e.getTemplateSourceName() : t.getName();
      Integer line = e.getLineNumber();
      Integer col = e.getColumnNumber();
      diagnostics.error(
          new SourcePosition(displayPath(name), line == null ? 0 : line, col == null ? 0 : col),
          Code.TEMPLATE_ERROR,
          describe(e) + " (while rendering " + forPath + ")",
          "a template can only use the documented model; see docs/templates.md");
    } catch (SecurityException e) {
      diagnostics.error(
          SourcePosition.file(displayPath(t.getName())),
          Code.SYMLINK_ESCAPE,
          "a template included while rendering " + forPath + " leads outside templates/",
          "copy the template into templates/ instead of linking to it");
    } catch (StackOverflowError e) {
      diagnostics.error(
          recursionSite(t),
          Code.TEMPLATE_RECURSION,
          "rendering " + forPath + " recursed without end",
          "a macro or include calls itself with no way out");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return false;
  }

  /** A writer into a plain StringBuilder: StringWriter's StringBuffer locks on every write. */
  static final class TextOut extends Writer {
    private final StringBuilder text = new StringBuilder(16_384);

    @Override
    public void write(char[] buf, int off, int len) {
      text.append(buf, off, len);
    }

    @Override
    public void write(String s, int off, int len) {
      text.append(s, off, off + len);
    }

    @Override
    public void write(String s) {
      text.append(s);
    }

    @Override
    public void write(int c) {
      text.append((char) c);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String toString() {
      return text.toString();
    }
  }

  private static final Pattern MACRO = Pattern.compile("<#macro\\s+([\\w.-]+)");
  private static final Pattern INCLUDE = Pattern.compile("<#(?:include|import)\\s+\"([^\"]+)\"");

  /**
   * Where endless recursion most likely is, once the stack has unwound and Freemarker no longer
   * knows: in the page's template, a macro that calls itself, or an include of the template itself.
   * Falls back to the template's file.
   */
  SourcePosition recursionSite(Template t) {
    String src;
    try {
      Path file = siteTemplates == null ? null : siteTemplates.resolve(t.getName());
      src =
          file != null && Files.isRegularFile(file)
              ? Files.readString(file)
              : new String(Theme.read(t.getName()), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return SourcePosition.file(displayPath(t.getName()));
    }
    Matcher m = MACRO.matcher(src);
    while (m.find()) {
      int end = src.indexOf("</#macro>", m.end());
      if (end < 0) end = src.length();
      int call = indexOfCall(src, "<@" + m.group(1), m.end(), end);
      if (call >= 0) return position(t, src, call);
    }
    Matcher inc = INCLUDE.matcher(src);
    while (inc.find()) {
      String name = inc.group(1).replaceFirst("^/", "");
      if (name.equals(t.getName())) return position(t, src, inc.start());
    }
    return SourcePosition.file(displayPath(t.getName()));
  }

  private static int indexOfCall(String src, String call, int from, int to) {
    for (int i = src.indexOf(call, from); i >= 0 && i < to; i = src.indexOf(call, i + 1)) {
      int after = i + call.length();
      if (after >= src.length() || !Character.isLetterOrDigit(src.charAt(after))) return i;
    }
    return -1;
  }

  private SourcePosition position(Template t, String src, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (src.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new SourcePosition(displayPath(t.getName()), line, offset - lineStart + 1);
  }

  /** "templates/x.ftlh" for a site's own template, "(default theme) x.ftlh" for the jar's. */
  public String displayPath(String name) {
    if (siteTemplates != null && Files.isRegularFile(siteTemplates.resolve(name))) {
      return "templates/" + name;
    }
    return "(default theme)/" + name;
  }

  /**
   * A template failure in one line: Freemarker's own description with its layout flattened and its
   * tips dropped, then the cause's (where the real reason of a nested failure such as {@code ?eval}
   * is), without object identities that change from run to run.
   */
  static String describe(TemplateException e) {
    StringBuilder out = new StringBuilder(flatten(e.getMessageWithoutStackTop()));
    Throwable cause = e.getCause();
    for (int depth = 0; cause != null && depth < 4; depth++, cause = cause.getCause()) {
      String more =
          cause instanceof TemplateException te
              ? flatten(te.getMessageWithoutStackTop())
              : flatten(cause.getMessage());
      if (!more.isEmpty() && out.indexOf(more) < 0) out.append(": ").append(more);
    }
    String s = out.toString().replaceAll("\\S+@[0-9a-f]{4,}", "").replaceAll("\\s+", " ").strip();
    return s.length() > 300 ? s.substring(0, 297) + "..." : s;
  }

  private static String flatten(String s) {
    if (s == null) return "";
    StringBuilder b = new StringBuilder();
    for (String line : s.split("\n")) {
      String t = line.strip();
      if (t.startsWith("==>")) {
        t = t.substring(3).replaceAll("\\[in template.*", "").strip();
      } else if (t.startsWith("----")
          || t.startsWith("Tip:")
          || t.startsWith("- Failed at:")
          || t.startsWith("FTL stack trace")
          || t.startsWith("[in template")) {
        if (t.startsWith("----") && b.length() > 0) break;
        continue;
      }
      t = t.replace("---begin-message---", "").replace("---end-message---", "").strip();
      // Loader descriptions name this machine's folders; tips are not the reason.
      for (String cut : new String[] {"The name was interpreted by", "Think twice"}) {
        int at = t.indexOf(cut);
        if (at >= 0) t = t.substring(0, at).strip();
      }
      if (!t.isEmpty()) b.append(b.length() > 0 ? " " : "").append(t);
    }
    return b.toString();
  }

  private static String firstLine(String s) {
    if (s == null) return "template error";
    String t = s.strip();
    int nl = t.indexOf('\n');
    String line = nl < 0 ? t : t.substring(0, nl);
    return line.length() > 240 ? line.substring(0, 237) + "..." : line;
  }
}
