package dev.sourced.trust;

import dev.sourced.testing.Trees;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One case of the bad-input suite: a folder under {@code src/test/resources/trust/cases/}.
 *
 * <ul>
 *   <li>{@code site/}: the site's files as stored (may be missing when {@code case.txt} writes them
 *       all);
 *   <li>{@code case.txt}: what the case is about and how to run it, one directive a line ({@code #}
 *       starts a comment):
 *       <ul>
 *         <li>{@code what TEXT}: one line for the table in docs/trust.md;
 *         <li>{@code output PATH}: the {@code --output} given (default {@code <out>});
 *         <li>{@code args ARG...}: more arguments for {@code sourced build};
 *         <li>{@code fork}: run in a child JVM, which can be stopped if it hangs;
 *         <li>{@code timeout SECONDS}: the work allowed, in CPU seconds per processor (default 20);
 *             a case still running after ten times that in wall time is stopped as hung;
 *         <li>{@code diagnostics N}: how many diagnostics, when {@code expected.txt} ends with
 *             {@code ...} and lists only the first ones;
 *         <li>files that git cannot hold as they are, made in the temporary copy of the site:
 *             {@code write FILE TEXT}, {@code append FILE COUNT TEXT} (TEXT repeated COUNT times),
 *             {@code bom FILE}, {@code crlf FILE}, {@code cr FILE}, {@code link LINK TARGET},
 *             {@code mkdir DIR}. TEXT takes escapes: {@code \n \r \t \e \0 \\ \s} (space), {@code
 *             \}{@code uXXXX} (a character) and {@code \xNN} (a raw byte, for invalid UTF-8).
 *       </ul>
 *   <li>{@code expected.txt}: the exact first line of every diagnostic, in order ({@code
 *       path:line:col: severity[CODE] message}). A line starting with {@code ~ } is a regular
 *       expression instead, for a diagnostic the build does not give yet (a product bug this case
 *       shows): it pins what must hold (file, position, severity) and leaves the wording to whoever
 *       writes the diagnostic. A last line {@code ...} means more lines follow that are not listed;
 *   <li>{@code expect-ok}: present when the site must build (exit 0); its lines are checks on the
 *       new output, see {@link OutputChecks}.
 * </ul>
 *
 * In {@code case.txt} and {@code expected.txt}, {@code <site>}, {@code <out>} and {@code <outside>}
 * stand for the temporary site, the output folder, and a folder beside the site that holds {@code
 * secret.md}, {@code secret.png} and {@code dir/} for links to lead to.
 */
record TrustCase(
    String name,
    Path folder,
    String what,
    String output,
    List<String> extraArgs,
    boolean fork,
    int timeoutSeconds,
    int diagnosticCount,
    List<String> generate,
    List<String> expected,
    List<String> okChecks) {

  static final Path CASES = Path.of("src/test/resources/trust/cases");

  static List<String> names() {
    return Trees.names(CASES);
  }

  static TrustCase load(String name) {
    Path folder = CASES.resolve(name);
    String what = "";
    String output = "<out>";
    List<String> extra = new ArrayList<>();
    boolean fork = false;
    int timeout = 20;
    int count = -1;
    List<String> generate = new ArrayList<>();
    for (String line : lines(folder.resolve("case.txt"))) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) continue;
      String word = l.split("\\s+", 2)[0];
      String rest = l.length() > word.length() ? l.substring(word.length() + 1).strip() : "";
      switch (word) {
        case "what" -> what = rest;
        case "output" -> output = rest;
        case "args" -> extra.addAll(List.of(rest.split("\\s+")));
        case "fork" -> fork = true;
        case "timeout" -> timeout = Integer.parseInt(rest);
        case "diagnostics" -> count = Integer.parseInt(rest);
        case "write", "append", "bom", "crlf", "cr", "link", "mkdir" -> generate.add(l);
        default -> throw new IllegalArgumentException(name + "/case.txt: unknown directive " + l);
      }
    }
    List<String> expected =
        lines(folder.resolve("expected.txt")).stream().filter(l -> !l.isBlank()).toList();
    Path ok = folder.resolve("expect-ok");
    List<String> checks =
        Files.exists(ok)
            ? lines(ok).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList()
            : null;
    return new TrustCase(
        name,
        folder,
        what,
        output,
        List.copyOf(extra),
        fork,
        timeout,
        count,
        List.copyOf(generate),
        expected,
        checks);
  }

  boolean mustBuild() {
    return okChecks != null;
  }

  /** Where a case's files go in a temporary folder. */
  record Layout(Path root, Path site, Path out, Path outside) {
    static Layout in(Path tmp) {
      return new Layout(tmp, tmp.resolve("site"), tmp.resolve("out"), tmp.resolve("outside"));
    }

    String expand(String s) {
      return s.replace("<site>", site.toString())
          .replace("<out>", out.toString())
          .replace("<outside>", outside.toString());
    }
  }

  /** Writes the site (stored files, then generated ones) and the folder beside it. */
  void materialize(Layout at) throws IOException {
    Files.createDirectories(at.site());
    Path stored = folder.resolve("site");
    if (Files.isDirectory(stored)) Trees.copy(stored, at.site());
    Files.createDirectories(at.outside().resolve("dir"));
    Files.writeString(
        at.outside().resolve("secret.md"),
        "---\ntitle: Secret\ndate: 2021-01-01\n---\nSECRET-OUTSIDE-THE-SITE\n");
    Files.writeString(at.outside().resolve("secret.png"), "SECRET-OUTSIDE-THE-SITE\n");
    Files.writeString(
        at.outside().resolve("dir/secret.md"),
        "---\ntitle: Secret\ndate: 2021-01-01\n---\nSECRET-OUTSIDE-THE-SITE\n");
    for (String g : generate) apply(g, at);
  }

  private void apply(String directive, Layout at) throws IOException {
    String[] w = directive.split(" ", 3);
    Path file = at.site().resolve(new String(unescape(w[1]), StandardCharsets.UTF_8));
    if (file.getParent() != null) Files.createDirectories(file.getParent());
    switch (w[0]) {
      case "write" -> Files.write(file, unescape(w.length > 2 ? w[2] : ""));
      case "append" -> {
        String[] r = w[2].split(" ", 2);
        int times = Integer.parseInt(r[0]);
        byte[] piece = unescape(r.length > 1 ? r[1] : "");
        try (var o =
            new java.io.BufferedOutputStream(
                Files.newOutputStream(
                    file,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND),
                1 << 16)) {
          for (int i = 0; i < times; i++) o.write(piece);
        }
      }
      case "bom" -> {
        byte[] b = Files.readAllBytes(file);
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        o.write(b);
        Files.write(file, o.toByteArray());
      }
      case "crlf" -> Files.write(file, replaceNewlines(Files.readAllBytes(file), "\r\n"));
      case "cr" -> Files.write(file, replaceNewlines(Files.readAllBytes(file), "\r"));
      case "link" -> Files.createSymbolicLink(file, Path.of(at.expand(w[2])));
      case "mkdir" -> Files.createDirectories(file);
      default -> throw new IllegalArgumentException(directive);
    }
  }

  private static byte[] replaceNewlines(byte[] in, String with) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    byte[] nl = with.getBytes(StandardCharsets.US_ASCII);
    for (byte b : in) {
      if (b == '\n') o.write(nl, 0, nl.length);
      else o.write(b);
    }
    return o.toByteArray();
  }

  /** The bytes of an escaped text: UTF-8 for characters, {@code \xNN} for raw bytes. */
  static byte[] unescape(String s) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    StringBuilder chars = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 == s.length()) {
        chars.append(c);
        continue;
      }
      char e = s.charAt(++i);
      switch (e) {
        case 'n' -> chars.append('\n');
        case 'r' -> chars.append('\r');
        case 't' -> chars.append('\t');
        case 'e' -> chars.append('\u001b');
        case '0' -> chars.append('\0');
        case 's' -> chars.append(' ');
        case '\\' -> chars.append('\\');
        case 'u' -> {
          chars.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
          i += 4;
        }
        case 'x' -> {
          flush(chars, o);
          o.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
          i += 2;
        }
        default -> throw new IllegalArgumentException("unknown escape \\" + e + " in " + s);
      }
    }
    flush(chars, o);
    return o.toByteArray();
  }

  private static void flush(StringBuilder chars, ByteArrayOutputStream o) {
    byte[] b = chars.toString().getBytes(StandardCharsets.UTF_8);
    o.write(b, 0, b.length);
    chars.setLength(0);
  }

  private static List<String> lines(Path p) {
    if (!Files.exists(p)) return List.of();
    try {
      return Files.readAllLines(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
