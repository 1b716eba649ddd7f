package fr.wastetrace.bsd.core.search;

import io.smallrye.graphql.api.Union;

/**
 * Any BSD (the contract's union {@code Bsd}): each type's GraphQL object implements it ({@code Form}, {@code Bsvhu},
 * {@code Bspaoh}, {@code Bsdasri}; {@code Bsda} and {@code Bsff} when they land).
 */
@Union("Bsd")
public interface Bsd {
}
