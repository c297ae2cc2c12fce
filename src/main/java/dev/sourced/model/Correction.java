package dev.sourced.model;

import java.time.LocalDate;

/** A dated correction notice shown at the top of an article and on the corrections page. */
public record Correction(LocalDate date, String text) {}
