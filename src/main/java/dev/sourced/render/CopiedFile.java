package dev.sourced.render;

import java.nio.file.Path;

/** A file copied as it is (a bundle's image), from {@code source} to {@code path} in the output. */
public record CopiedFile(String path, Path source) {}
