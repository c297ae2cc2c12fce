package dev.sourced.trust;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Small tmpfs mounts for disk faults: a full disk is a tmpfs with a small {@code size}, a read-only
 * disk is one remounted {@code ro}. Tests run as root here, where file permissions (chmod 555) are
 * not enforced, so a mount is the honest way to make writing fail. Mounting needs root
 * (CAP_SYS_ADMIN); without it the tests are skipped, saying why.
 */
final class Mounts implements AutoCloseable {
  private final List<Path> mounted = new ArrayList<>();

  /** Mounts a tmpfs of {@code size} (e.g. "64k") at {@code dir}, or skips the test. */
  Path tmpfs(Path dir, String size) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    String tried;
    try {
      tried = run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString());
    } catch (IOException e) {
      tried = "no mount command: " + e.getMessage();
    }
    String result = tried;
    Assumptions.assumeTrue(
        result == null,
        () ->
            "skipped: cannot mount a tmpfs at "
                + dir
                + " (needs root or CAP_SYS_ADMIN): "
                + result);
    mounted.add(dir);
    return dir;
  }

  void remount(Path dir, String options) throws IOException, InterruptedException {
    String result = run("mount", "-o", "remount," + options, dir.toString());
    if (result != null) throw new IllegalStateException("remount " + options + ": " + result);
  }

  /** Bytes used on the file system that holds {@code dir}. */
  static long used(Path dir) throws IOException {
    var store = Files.getFileStore(dir);
    return store.getTotalSpace() - store.getUnallocatedSpace();
  }

  static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  @Override
  public void close() throws IOException, InterruptedException {
    for (int i = mounted.size() - 1; i >= 0; i--) {
      if (run("umount", mounted.get(i).toString()) != null) {
        run("umount", "-l", mounted.get(i).toString());
      }
    }
    mounted.clear();
  }

  /** Null when the command succeeded, else its exit code and output. */
  private static String run(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return "timed out";
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    return p.exitValue() == 0 ? null : "exit " + p.exitValue() + ": " + out;
  }
}
