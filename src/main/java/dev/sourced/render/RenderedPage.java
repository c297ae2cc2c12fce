package dev.sourced.render;

/** One output file's bytes and its path relative to the output folder (with {@code /}). */
public record RenderedPage(String path, byte[] bytes) {}
