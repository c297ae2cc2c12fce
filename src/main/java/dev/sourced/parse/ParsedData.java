package dev.sourced.parse;

import dev.sourced.model.Claim;
import dev.sourced.model.Fact;
import dev.sourced.model.Source;
import java.util.List;

/** A {@code content/_data/*.yaml} file: shared declarations with no page of their own. */
public record ParsedData(
    String path,
    List<Source> sources,
    List<Fact> facts,
    List<Claim> claims,
    java.util.Set<String> rejected) {}
