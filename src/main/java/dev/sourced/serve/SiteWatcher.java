package dev.sourced.serve;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches a site for changes: {@code sourced.yaml}, every folder of {@code content/} (data files
 * included), {@code templates/} and {@code i18n/} (message files). Events that arrive close
 * together (an editor's write-rename-touch) are gathered for a few milliseconds and handed over as
 * one set of site-relative paths. New folders are watched as they appear.
 */
final class SiteWatcher implements AutoCloseable {
  /** How long to wait for more events after the first one of a change. */
  static final long SETTLE_MILLIS = 15;

  private final Path root;
  private final WatchService watch;
  private final Map<WatchKey, Path> dirs = new ConcurrentHashMap<>();
  private final Thread thread;

  SiteWatcher(Path root, Consumer<Set<String>> onChange) throws IOException {
    this.root = root.toAbsolutePath().normalize();
    this.watch = FileSystems.getDefault().newWatchService();
    register(this.root, false);
    for (String sub : new String[] {"content", "templates", "i18n", "static"}) {
      Path p = this.root.resolve(sub);
      if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) register(p, true);
    }
    thread = new Thread(() -> loop(onChange), "sourced-watch");
    thread.setDaemon(true);
  }

  SiteWatcher start() {
    thread.start();
    return this;
  }

  private void register(Path dir, boolean recursive) throws IOException {
    if (!recursive) {
      dirs.put(
          dir.register(
              watch,
              StandardWatchEventKinds.ENTRY_CREATE,
              StandardWatchEventKinds.ENTRY_DELETE,
              StandardWatchEventKinds.ENTRY_MODIFY),
          dir);
      return;
    }
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs)
              throws IOException {
            if (!d.equals(dir) && d.getFileName().toString().startsWith(".")) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            register(d, false);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private void loop(Consumer<Set<String>> onChange) {
    try {
      while (true) {
        WatchKey key = watch.take();
        Set<String> changed = new TreeSet<>();
        collect(key, changed);
        // Gather the rest of this change: editors often write, rename and touch in a burst.
        WatchKey more;
        while ((more = watch.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
          collect(more, changed);
        }
        if (!changed.isEmpty()) onChange.accept(changed);
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closing
    }
  }

  private void collect(WatchKey key, Set<String> changed) {
    Path dir = dirs.get(key);
    for (WatchEvent<?> e : key.pollEvents()) {
      if (dir == null || e.kind() == StandardWatchEventKinds.OVERFLOW) {
        changed.add("*");
        continue;
      }
      Path p = dir.resolve((Path) e.context());
      String rel = root.relativize(p).toString().replace('\\', '/');
      String name = p.getFileName().toString();
      if (name.startsWith(".") || name.endsWith("~") || name.endsWith(".swp")) continue;
      boolean top = dir.equals(root);
      if (top
          && !rel.equals("sourced.yaml")
          && !rel.equals("content")
          && !rel.equals("templates")
          && !rel.equals("i18n")
          && !rel.equals("static")) {
        continue;
      }
      if (e.kind() == StandardWatchEventKinds.ENTRY_CREATE
          && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        try {
          register(p, true);
        } catch (IOException ignored) {
          // the folder went away again
        }
      }
      changed.add(rel);
    }
    if (!key.reset()) dirs.remove(key);
  }

  @Override
  public void close() throws IOException {
    thread.interrupt();
    watch.close();
  }
}
