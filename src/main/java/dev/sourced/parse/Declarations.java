package dev.sourced.parse;

import dev.sourced.model.Claim;
import dev.sourced.model.DeclarationKey;
import dev.sourced.model.Fact;
import dev.sourced.model.Source;
import java.util.List;
import java.util.Set;

/**
 * The sources, facts and claims one file declares, in the order written, and the IDs of those it
 * declares but could not accept (reported already), as {@code kind:ID}.
 */
record Declarations(
    List<Source> sources, List<Fact> facts, List<Claim> claims, Set<DeclarationKey> rejected) {}
