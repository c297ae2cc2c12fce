package dev.sourced.parse;

import dev.sourced.model.Claim;
import dev.sourced.model.Fact;
import dev.sourced.model.Source;
import java.util.List;

/** The sources, facts and claims one file declares, in the order written. */
record Declarations(List<Source> sources, List<Fact> facts, List<Claim> claims) {}
