package fr.wastetrace.bsd.bspaoh;

/**
 * What the guards of {@link BspaohLifecycle} look at.
 *
 * @param refused          the crematorium refused the whole waste at reception
 * @param partiallyRefused the crematorium refused part of the packagings
 * @param delivered        the transporter already signed the hand-over (DELIVERY)
 */
public record BspaohFacts(boolean refused, boolean partiallyRefused, boolean delivered) {
}
