package dev.sourced.parse;

import dev.sourced.model.Claim;
import dev.sourced.model.DeclarationKey;
import dev.sourced.model.Fact;
import dev.sourced.model.Source;
import java.util.List;
import java.util.Set;

/** A {@code content/_data/*.yaml} file: shared declarations with no page of their own. */
public record ParsedData(
    String path,
    List<Source> sources,
    List<Fact> facts,
    List<Claim> claims,
    Set<DeclarationKey> rejected) {}
