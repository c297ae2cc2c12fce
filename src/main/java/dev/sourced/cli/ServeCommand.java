package dev.sourced.cli;

import dev.sourced.serve.Preview;
import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Builds the site, serves it on 127.0.0.1 and rebuilds on every save;",
      "open pages reload by themselves, and a broken edit shows its error over the page.",
      "The served copy lives in a temporary folder: site/ is not touched."
    })
final class ServeCommand implements Callable<Integer> {
  @Mixin SiteOptions site;

  @Mixin CacheOptions cache;

  @Option(
      names = {"-p", "--port"},
      paramLabel = "N",
      defaultValue = "1313",
      description = "The port (default: 1313; 0 picks a free one).")
  int port;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      defaultValue = "127.0.0.1",
      description = "The address to listen on (default: 127.0.0.1, this machine only).")
  String bind;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    var err = spec.commandLine().getErr();
    InetAddress address = InetAddress.getByName(bind);
    try (Preview preview =
        Preview.start(
            site.source,
            address,
            port,
            site.strict,
            err,
            Reporter.colour(),
            site.warningsPerCode(),
            cache.folder(site.source))) {
      String host = address.isLoopbackAddress() ? "localhost" : address.getHostAddress();
      err.printf(
          "serving %s at http://%s:%d/ (Ctrl+C to stop)%n", preview.output(), host, preview.port());
      err.flush();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      preview.close();
                    } catch (IOException ignored) {
                      // best effort on the way out
                    }
                  }));
      Thread.currentThread().join();
    }
    return Main.OK;
  }
}
