package dev.sourced.model;

import java.time.LocalDate;
import java.util.List;

/**
 * An article's typed front-matter. Absent optional fields are null (dates, slug) or empty (lists).
 * Sources, facts and claims keep their declaration order.
 */
public record FrontMatter(
    String title,
    String summary,
    LocalDate date,
    LocalDate updated,
    List<String> authors,
    List<String> tags,
    boolean draft,
    String slug,
    List<Source> sources,
    List<Fact> facts,
    List<Claim> claims,
    List<Correction> corrections) {}
