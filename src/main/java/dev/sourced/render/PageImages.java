package dev.sourced.render;

import dev.sourced.concurrent.Workers;
import dev.sourced.diag.Diagnostics;
import dev.sourced.images.ImageNames;
import dev.sourced.images.ImageProcessor;
import dev.sourced.images.KnownOriginals;
import dev.sourced.images.PublishedImage;
import dev.sourced.load.ArticleFile;
import dev.sourced.resolve.ResolvedPage;
import dev.sourced.resolve.ResolvedSite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every bundle file a site publishes: its JPEG and PNG images through the {@link ImageProcessor}
 * (on all cores, before any page is rendered, so pages know each image's sizes), the other files as
 * they are. Built once per render.
 */
final class PageImages {
  private final Map<String, Map<String, PublishedImage>> byPage;
  private final List<CopiedFile> copies;

  private PageImages(Map<String, Map<String, PublishedImage>> byPage, List<CopiedFile> copies) {
    this.byPage = byPage;
    this.copies = copies;
  }

  static final PageImages NONE = new PageImages(Map.of(), List.of());

  /** The images of the page at {@code url}, by bundle name. */
  Map<String, PublishedImage> of(String url) {
    return byPage.getOrDefault(url, Map.of());
  }

  List<CopiedFile> copies() {
    return copies;
  }

  /**
   * Publishes the site's bundle files; {@code known} (null: none) recognises the originals an
   * earlier build hashed, and {@code reuse} (null: none) keeps the image files the output folder
   * holds as the build before wrote them, which are then not copied.
   */
  static PageImages publish(
      ResolvedSite site,
      ImageProcessor processor,
      KnownOriginals known,
      OutputReuse reuse,
      Diagnostics diagnostics) {
    return publish(site, processor, known, reuse, diagnostics, true);
  }

  /**
   * As {@link #publish(ResolvedSite, ImageProcessor, KnownOriginals, OutputReuse, Diagnostics)};
   * {@code wholeSite} says whether these are all the site's pages, so that the image cache may then
   * drop what none of them used (a render of some pages alone leaves it as it is).
   */
  static PageImages publish(
      ResolvedSite site,
      ImageProcessor processor,
      KnownOriginals known,
      OutputReuse reuse,
      Diagnostics diagnostics,
      boolean wholeSite) {
    ImageProcessor.OutputFiles output =
        reuse == null
            ? null
            : new ImageProcessor.OutputFiles() {
              @Override
              public boolean keep(String path, String fingerprint) {
                return reuse.keep(path, fingerprint);
              }

              @Override
              public void made(String path, String fingerprint) {
                reuse.made(path, fingerprint);
              }
            };
    List<ImageProcessor.Input> inputs = new ArrayList<>();
    List<CopiedFile> copies = new ArrayList<>();
    for (ResolvedPage p : site.pages()) {
      String folder = p.path().substring(0, p.path().lastIndexOf('/') + 1);
      for (ArticleFile.BundleFile f : p.parsed().bundleFiles()) {
        if (ImageNames.processed(f.relativeName())) {
          inputs.add(
              new ImageProcessor.Input(
                  folder + f.relativeName(), f.file(), p.url(), f.relativeName()));
        } else {
          copies.add(new CopiedFile(p.url() + f.relativeName(), f.file()));
        }
      }
    }
    List<ImageProcessor.Result> results =
        Workers.map(
            inputs.size(),
            i -> {
              try {
                return processor.publish(inputs.get(i), known, output, diagnostics);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    try {
      if (wholeSite) processor.pruneCache();
    } catch (IOException e) {
      // A cache that cannot be tidied still works; the next build tries again.
    }
    Map<String, Map<String, PublishedImage>> byPage = new HashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      ImageProcessor.Input in = inputs.get(i);
      ImageProcessor.Result r = results.get(i);
      byPage.computeIfAbsent(in.pageUrl(), k -> new LinkedHashMap<>()).put(in.name(), r.image());
      for (ImageProcessor.PublishedFile f : r.files()) {
        copies.add(new CopiedFile(f.path(), f.source()));
      }
    }
    return new PageImages(byPage, copies);
  }
}
