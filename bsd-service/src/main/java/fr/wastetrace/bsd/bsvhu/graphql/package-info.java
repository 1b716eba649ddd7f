/**
 * The BSVHU API: the operations every BSD type shares are written from this declaration into
 * {@code BsvhuOperations} (libs/bsd-operations); the BSVHU has no operation of its own.
 */
@BsdOperations(
        name = "Bsvhu",
        label = "BSVHU",
        service = BsvhuService.class,
        queries = BsvhuQueries.class,
        transporterInput = BsvhuTransporterInput.class,
        create = "Crée un BSVHU publié : les informations nécessaires à la signature de l'émetteur "
                + "sont requises.",
        sign = "Signe un BSVHU (émission, transport, réception, opération), éventuellement avec "
                + "le code de signature de l'entreprise signataire.",
        delete = "Supprime un BSVHU en brouillon ou en attente de collecte ; renvoie le BSVHU "
                + "supprimé.")
package fr.wastetrace.bsd.bsvhu.graphql;

import fr.wastetrace.bsd.bsvhu.BsvhuQueries;
import fr.wastetrace.bsd.bsvhu.BsvhuService;
import fr.wastetrace.bsd.operations.BsdOperations;
