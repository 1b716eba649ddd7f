/**
 * The BSDASRI API: the operations every BSD type shares are written from this declaration into
 * {@code BsdasriOperations} (libs/bsd-operations); {@code BsdasriApi} has the BSDASRI's own.
 */
@BsdOperations(
        name = "Bsdasri",
        label = "BSDASRI",
        service = BsdasriService.class,
        queries = BsdasriQueries.class,
        revisions = BsdasriRevisions.class,
        create = "Crée un BSDASRI publié (simple, de groupement avec grouping, ou de synthèse avec "
                + "synthesizing).",
        sign = "Signe un BSDASRI (émission, transport, réception, opération).",
        delete = "Supprime un BSDASRI en brouillon ou non encore signé ; renvoie le BSDASRI "
                + "supprimé.",
        duplicate = "Crée un brouillon à partir d'un BSDASRI simple existant.",
        createRevisionRequest = "Demande la révision d'un BSDASRI signé (ou son annulation s'il est en transit).")
package fr.wastetrace.bsd.bsdasri.graphql;

import fr.wastetrace.bsd.bsdasri.BsdasriQueries;
import fr.wastetrace.bsd.bsdasri.BsdasriRevisions;
import fr.wastetrace.bsd.bsdasri.BsdasriService;
import fr.wastetrace.bsd.operations.BsdOperations;
