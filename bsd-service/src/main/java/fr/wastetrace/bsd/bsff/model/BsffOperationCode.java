package fr.wastetrace.bsd.bsff.model;

import java.util.List;

/**
 * The processing codes of a BSFF container and the follow-up BSFF types each leads to (none: the code is final).
 */
public enum BsffOperationCode {
    R1(List.of()),
    R2(List.of()),
    R3(List.of()),
    R5(List.of()),
    R12(List.of(BsffType.GROUPEMENT, BsffType.RECONDITIONNEMENT)),
    R13(List.of(BsffType.REEXPEDITION)),
    D10(List.of()),
    D13(List.of(BsffType.GROUPEMENT)),
    D14(List.of(BsffType.RECONDITIONNEMENT)),
    D15(List.of(BsffType.REEXPEDITION));

    private final List<BsffType> successors;

    BsffOperationCode(List<BsffType> successors) {
        this.successors = successors;
    }

    /** The follow-up BSFF types a container processed with this code may go on with. */
    public List<BsffType> successors() {
        return successors;
    }

    /** Final: no follow-up BSFF, or the traceability is broken on purpose. */
    public boolean isFinal(boolean noTraceability) {
        return successors.isEmpty() || noTraceability;
    }
}
