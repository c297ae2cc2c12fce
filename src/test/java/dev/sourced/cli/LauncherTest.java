package dev.sourced.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The advice names the command the user can type: `sourced` only once it is on the PATH. */
class LauncherTest {
  @TempDir Path tmp;

  @Test
  void sourcedOnThePathIsCalledByItsName() throws IOException {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path cmd = Files.writeString(bin.resolve("sourced"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(cmd, PosixFilePermissions.fromString("rwxr-xr-x"));
    var env = Map.of("PATH", "/nowhere:" + bin, "SOURCED_COMMAND", "/work/sourced");
    assertThat(Launcher.command(env)).isEqualTo("sourced");
    assertThat(Launcher.installed(env)).isTrue();
  }

  @Test
  void withoutItTheLauncherIsNamedByItsPath() throws IOException {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    // Not executable: not a command.
    Files.writeString(bin.resolve("sourced"), "#!/bin/sh\n");
    assertThat(Launcher.command(Map.of("PATH", bin.toString(), "SOURCED_COMMAND", "/work/sourced")))
        .isEqualTo("/work/sourced");
    assertThat(Launcher.command(Map.of("PATH", "", "SOURCED_COMMAND", "/my work/sourced")))
        .isEqualTo("'/my work/sourced'");
    assertThat(Launcher.installed(Map.of("SOURCED_COMMAND", "/work/sourced"))).isFalse();
  }
}
