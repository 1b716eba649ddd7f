package fr.wastetrace.company.companies;

import org.eclipse.microprofile.graphql.Enum;

/** SIRENE publication status: {@code O} public, {@code P} partially hidden. */
@Enum("StatutDiffusionEtablissement")
public enum StatutDiffusionEtablissement {
    O, P
}
