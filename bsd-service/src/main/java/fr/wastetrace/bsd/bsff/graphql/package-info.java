/**
 * The BSFF API: the operations every BSD type shares are written from this declaration into
 * {@code BsffOperations} (libs/bsd-operations); {@code BsffApi} has the BSFF's own.
 */
@BsdOperations(
        name = "Bsff",
        label = "BSFF",
        service = BsffService.class,
        queries = BsffQueries.class,
        transporterInput = BsffInputs.BsffTransporterInput.class,
        create = "Crée un BSFF publié : les informations nécessaires à la signature de l'émetteur "
                + "sont requises.",
        sign = "Signe un BSFF (émission, transport, réception) ou ses contenants (acceptation, "
                + "opération : un contenant avec packagingId, sinon tous ceux qui restent).",
        delete = "Supprime un BSFF en brouillon ou que personne n'a encore signé ; renvoie le BSFF "
                + "supprimé.")
package fr.wastetrace.bsd.bsff.graphql;

import fr.wastetrace.bsd.bsff.BsffQueries;
import fr.wastetrace.bsd.bsff.BsffService;
import fr.wastetrace.bsd.operations.BsdOperations;
