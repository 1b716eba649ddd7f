package fr.wastetrace.bsd.core.signature.chain;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

/** A BSD's signature chain and its verification, as {@code wastetraceSignatureChain} answers it. */
@Type("WastetraceSignatureChain")
@Description("Extension wastetrace : la chaîne d'empreintes des signatures d'un bordereau et le résultat de sa "
        + "vérification.")
public class WastetraceSignatureChain {
    public @NonNull String bsdId;
    @Description("Type de bordereau (bsdd, bsda, bsdasri, bsff, bsvhu, bspaoh).")
    public @NonNull String bsdType;
    @Description("Vrai si chaque maillon se vérifie : contenu, chaînage à l'empreinte précédente, empreinte du "
            + "maillon.")
    public boolean valid;
    @Description("Rang du premier maillon qui ne se vérifie pas ; absent si la chaîne est valide.")
    public Integer firstBrokenPosition;
    @Description("Empreinte de la dernière signature (celle imprimée sur le PDF) ; absente sans signature.")
    public String lastHash;
    public @NonNull List<@NonNull WastetraceSignatureLink> links;
}
