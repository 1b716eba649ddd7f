/**
 * The BSDA API: the operations every BSD type shares are written from this declaration into
 * {@code BsdaOperations} (libs/bsd-operations); {@code BsdaApi} has the BSDA's own.
 */
@BsdOperations(
        name = "Bsda",
        label = "BSDA",
        service = BsdaService.class,
        queries = BsdaQueries.class,
        transporterInput = BsdaInputs.BsdaTransporterInput.class,
        revisions = BsdaRevisions.class,
        pdfReadCheck = "checkCanReadPdf",
        create = "Crée un BSDA publié : les informations nécessaires à la signature du maître "
                + "d'ouvrage sont requises.",
        sign = "Signe un BSDA (émission, travaux, transport, réception, opération), "
                + "éventuellement avec le code de signature de l'entreprise signataire.",
        delete = "Supprime un BSDA en brouillon ou non encore signé (ou signé par le seul maître "
                + "d'ouvrage) ; renvoie le BSDA supprimé.",
        createRevisionRequest = "Demande la révision d'un BSDA signé, ou son annulation tant qu'il n'est pas "
                + "réceptionné.")
package fr.wastetrace.bsd.bsda.graphql;

import fr.wastetrace.bsd.bsda.BsdaQueries;
import fr.wastetrace.bsd.bsda.BsdaRevisions;
import fr.wastetrace.bsd.bsda.BsdaService;
import fr.wastetrace.bsd.operations.BsdOperations;
