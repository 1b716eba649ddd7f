package fr.wastetrace.bsd.bsdd;

import fr.wastetrace.graphql.WasteAcceptationStatus;

/**
 * The facts the guards of {@link BsddLifecycle} look at, taken from the BSDD and the mutation's input.
 *
 * @param acceptation                 the acceptance given with a reception, if any
 * @param directSupply                pipeline or conveyor: no transport step
 * @param emitterSignsAutomatically   private individual or foreign ship: the platform signs the emission
 * @param emissionSignatureSkippable  the transporter may sign without an emission signature
 * @param noTraceability              the destination declares a traceability break
 * @param groupingOperation           the operation done is a grouping code (D 9, D 13, D 14, D 15, R 12, R 13)
 * @param foreignNextDestination      the next destination is abroad
 * @param appendix1Item               the BSDD is an appendix-1 item (emitter type APPENDIX1_PRODUCER)
 * @param transportersLeftToSign      transporters of the list that have not signed yet
 */
public record BsddFacts(WasteAcceptationStatus acceptation, boolean directSupply, boolean emitterSignsAutomatically,
                        boolean emissionSignatureSkippable, boolean noTraceability, boolean groupingOperation,
                        boolean foreignNextDestination, boolean appendix1Item, int transportersLeftToSign) {

    public static BsddFacts none() {
        return new BsddFacts(null, false, false, false, false, false, false, false, 0);
    }

    public BsddFacts withAcceptation(WasteAcceptationStatus value) {
        return new BsddFacts(value, directSupply, emitterSignsAutomatically, emissionSignatureSkippable, noTraceability,
                groupingOperation, foreignNextDestination, appendix1Item, transportersLeftToSign);
    }

    public BsddFacts withDirectSupply(boolean value) {
        return new BsddFacts(acceptation, value, emitterSignsAutomatically, emissionSignatureSkippable, noTraceability,
                groupingOperation, foreignNextDestination, appendix1Item, transportersLeftToSign);
    }

    public BsddFacts withEmitterSigningAutomatically(boolean value) {
        return new BsddFacts(acceptation, directSupply, value, emissionSignatureSkippable, noTraceability,
                groupingOperation, foreignNextDestination, appendix1Item, transportersLeftToSign);
    }

    public BsddFacts withEmissionSignatureSkippable(boolean value) {
        return new BsddFacts(acceptation, directSupply, emitterSignsAutomatically, value, noTraceability,
                groupingOperation, foreignNextDestination, appendix1Item, transportersLeftToSign);
    }

    public BsddFacts withOperation(boolean noTraceability, boolean groupingOperation, boolean foreignNextDestination) {
        return new BsddFacts(acceptation, directSupply, emitterSignsAutomatically, emissionSignatureSkippable,
                noTraceability, groupingOperation, foreignNextDestination, appendix1Item, transportersLeftToSign);
    }

    public BsddFacts withAppendix1Item(boolean value) {
        return new BsddFacts(acceptation, directSupply, emitterSignsAutomatically, emissionSignatureSkippable,
                noTraceability, groupingOperation, foreignNextDestination, value, transportersLeftToSign);
    }

    public BsddFacts withTransportersLeftToSign(int value) {
        return new BsddFacts(acceptation, directSupply, emitterSignsAutomatically, emissionSignatureSkippable,
                noTraceability, groupingOperation, foreignNextDestination, appendix1Item, value);
    }
}
