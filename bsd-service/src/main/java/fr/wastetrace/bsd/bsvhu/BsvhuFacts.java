package fr.wastetrace.bsd.bsvhu;

/**
 * What the guards of {@link BsvhuLifecycle} look at.
 *
 * @param refused                 the destination refused the vehicles at reception
 * @param irregularSituation      the emitter is flagged as in an irregular situation
 * @param emitterWithoutSignature the emitter has no SIRET, or is not registered on the platform: it cannot sign
 */
public record BsvhuFacts(boolean refused, boolean irregularSituation, boolean emitterWithoutSignature) {
}
