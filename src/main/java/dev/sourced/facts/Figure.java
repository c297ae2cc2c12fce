package dev.sourced.facts;

import org.commonmark.node.CustomBlock;

/**
 * An image standing alone in its paragraph, {@code ![alt](photo.jpg "caption")}: shown as a {@code
 * <figure>} with its caption and credit. Its one child is the {@link org.commonmark.node.Image}.
 */
public class Figure extends CustomBlock {}
