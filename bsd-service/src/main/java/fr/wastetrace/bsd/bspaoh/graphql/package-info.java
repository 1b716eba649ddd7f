/**
 * The BSPAOH API: the operations every BSD type shares are written from this declaration into
 * {@code BspaohOperations} (libs/bsd-operations); the BSPAOH has no operation of its own.
 */
@BsdOperations(
        name = "Bspaoh",
        label = "BSPAOH",
        service = BspaohService.class,
        queries = BspaohQueries.class,
        create = "Crée un BSPAOH publié : les informations nécessaires à la signature du "
                + "producteur sont requises.",
        sign = "Signe un BSPAOH (émission, transport, remise au crématorium, réception, "
                + "opération) ; il n'y a pas de signature par code sur un BSPAOH.",
        delete = "Supprime un BSPAOH en brouillon ou en attente de collecte ; renvoie le BSPAOH "
                + "supprimé.")
package fr.wastetrace.bsd.bspaoh.graphql;

import fr.wastetrace.bsd.bspaoh.BspaohQueries;
import fr.wastetrace.bsd.bspaoh.BspaohService;
import fr.wastetrace.bsd.operations.BsdOperations;
