package dev.sourced.render;

import java.util.List;

/** Everything the write stage puts in the output folder. Paths are unique and sorted. */
public record RenderedSite(List<RenderedPage> pages, List<CopiedFile> copies) {}
