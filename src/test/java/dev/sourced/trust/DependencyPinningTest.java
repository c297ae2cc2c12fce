package dev.sourced.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Supply chain: every dependency and plugin in pom.xml has a pinned version (no range, no SNAPSHOT,
 * no LATEST or RELEASE, no missing version left to a parent), and every dependency is used: the
 * code of its scope imports a package it provides. A new dependency fails here until it is added to
 * {@link #PACKAGES} with the package it brings, which makes its review explicit.
 */
class DependencyPinningTest {
  static final Path POM = Path.of("pom.xml");
  static final Pattern PINNED = Pattern.compile("[0-9]+(\\.[0-9]+)*([.-][A-Za-z0-9]+)*");

  /** groupId:artifactId to the Java package it provides. */
  static final Map<String, String> PACKAGES =
      Map.ofEntries(
          Map.entry("org.freemarker:freemarker", "freemarker."),
          Map.entry("com.fasterxml.jackson.core:jackson-core", "com.fasterxml.jackson.core."),
          Map.entry("org.commonmark:commonmark", "org.commonmark."),
          Map.entry("org.commonmark:commonmark-ext-gfm-tables", "org.commonmark.ext.gfm.tables."),
          Map.entry(
              "org.commonmark:commonmark-ext-gfm-strikethrough",
              "org.commonmark.ext.gfm.strikethrough."),
          Map.entry("org.commonmark:commonmark-ext-footnotes", "org.commonmark.ext.footnotes."),
          Map.entry("org.commonmark:commonmark-ext-autolink", "org.commonmark.ext.autolink."),
          Map.entry(
              "org.commonmark:commonmark-ext-task-list-items",
              "org.commonmark.ext.task.list.items."),
          Map.entry(
              "org.commonmark:commonmark-ext-heading-anchor", "org.commonmark.ext.heading.anchor."),
          Map.entry("info.picocli:picocli", "picocli."),
          Map.entry("org.yaml:snakeyaml", "org.yaml.snakeyaml."),
          Map.entry("com.ibm.icu:icu4j", "com.ibm.icu."),
          Map.entry("org.tomlj:tomlj", "org.tomlj."),
          Map.entry(
              "com.twelvemonkeys.imageio:imageio-jpeg", "com.twelvemonkeys.imageio.plugins.jpeg."),
          Map.entry(
              "com.twelvemonkeys.imageio:imageio-metadata", "com.twelvemonkeys.imageio.metadata."),
          Map.entry("com.github.usefulness:webp-imageio", "com.luciad.imageio.webp."),
          Map.entry("org.junit.jupiter:junit-jupiter", "org.junit.jupiter."),
          Map.entry("org.assertj:assertj-core", "org.assertj."),
          Map.entry("org.jsoup:jsoup", "org.jsoup."),
          Map.entry("org.openjdk.jmh:jmh-core", "org.openjdk.jmh."),
          Map.entry("com.code-intelligence:jazzer-junit", "com.code_intelligence.jazzer."),
          Map.entry("org.seleniumhq.selenium:selenium-java", "org.openqa.selenium."),
          Map.entry("nu.validator:validator", "nu.validator."));

  record Coordinate(String kind, String id, String version, String scope) {}

  @Test
  void everyDependencyAndPluginHasAPinnedVersion() throws Exception {
    List<String> problems = new ArrayList<>();
    List<Coordinate> all = coordinates();
    assertThat(all).as("pom.xml lists dependencies and plugins").hasSizeGreaterThan(10);
    for (Coordinate c : all) {
      String v = c.version();
      if (v == null) problems.add(c.kind() + " " + c.id() + " has no version");
      else if (!PINNED.matcher(v).matches() || v.toUpperCase().contains("SNAPSHOT")) {
        problems.add(c.kind() + " " + c.id() + " has version \"" + v + "\", not a pinned one");
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyDependencyIsUsedByTheCodeOfItsScope() throws Exception {
    String main = sources(Path.of("src/main/java"));
    String test = main + sources(Path.of("src/test/java"));
    List<String> problems = new ArrayList<>();
    for (Coordinate c : coordinates()) {
      if (!c.kind().equals("dependency")) continue;
      String pkg = PACKAGES.get(c.id());
      if (pkg == null) {
        problems.add(
            c.id()
                + " is new: add it to DependencyPinningTest.PACKAGES with the "
                + "package it provides, after reviewing it");
        continue;
      }
      String code = "test".equals(c.scope()) ? test : main;
      if (!code.contains("import " + pkg) && !code.contains("import static " + pkg)) {
        problems.add(
            c.id()
                + " ("
                + (c.scope() == null ? "compile" : c.scope())
                + " scope) is not imported by any "
                + ("test".equals(c.scope()) ? "test or " : "")
                + "main code: package "
                + pkg);
      }
    }
    assertThat(problems).isEmpty();
  }

  /** Every dependency and plugin of the pom, properties resolved. */
  static List<Coordinate> coordinates() throws Exception {
    var f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document pom = f.newDocumentBuilder().parse(POM.toFile());
    Map<String, String> props = new HashMap<>();
    Element project = pom.getDocumentElement();
    props.put("project.version", text(project, "version"));
    for (Element p : children(child(project, "properties"))) {
      props.put(p.getTagName(), p.getTextContent().strip());
    }
    List<Coordinate> out = new ArrayList<>();
    NodeList deps = pom.getElementsByTagName("dependency");
    for (int i = 0; i < deps.getLength(); i++) {
      Element d = (Element) deps.item(i);
      if (d.getParentNode() instanceof Element parent && parent.getTagName().equals("exclusions")) {
        continue;
      }
      out.add(
          new Coordinate(
              "dependency",
              text(d, "groupId") + ":" + text(d, "artifactId"),
              resolve(text(d, "version"), props),
              text(d, "scope")));
    }
    NodeList plugins = pom.getElementsByTagName("plugin");
    for (int i = 0; i < plugins.getLength(); i++) {
      Element p = (Element) plugins.item(i);
      String group = text(p, "groupId");
      out.add(
          new Coordinate(
              "plugin",
              (group == null ? "org.apache.maven.plugins" : group) + ":" + text(p, "artifactId"),
              resolve(text(p, "version"), props),
              null));
    }
    return out;
  }

  private static String resolve(String v, Map<String, String> props) {
    if (v == null) return null;
    Matcher m = Pattern.compile("\\$\\{([^}]+)}").matcher(v);
    StringBuilder s = new StringBuilder();
    while (m.find()) {
      String value = props.get(m.group(1));
      m.appendReplacement(s, Matcher.quoteReplacement(value == null ? m.group() : value));
    }
    m.appendTail(s);
    return s.toString();
  }

  private static String text(Element e, String name) {
    Element c = child(e, name);
    return c == null ? null : c.getTextContent().strip();
  }

  private static Element child(Element e, String name) {
    for (Element c : children(e)) if (c.getTagName().equals(name)) return c;
    return null;
  }

  private static List<Element> children(Element e) {
    List<Element> out = new ArrayList<>();
    if (e == null) return out;
    NodeList n = e.getChildNodes();
    for (int i = 0; i < n.getLength(); i++) {
      if (n.item(i).getNodeType() == Node.ELEMENT_NODE) out.add((Element) n.item(i));
    }
    return out;
  }

  private static String sources(Path root) {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(p -> p.toString().endsWith(".java")).toList()) {
        all.append(Files.readString(p, StandardCharsets.UTF_8)).append('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all.toString();
  }
}
