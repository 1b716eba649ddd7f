package fr.wastetrace.bsd.bsdd;

import fr.wastetrace.bsd.bsdd.persistence.BsddRecord;

/**
 * A BSDD was saved, inside the transaction of the change (a synchronous CDI event): what depends on it (the BSDDs it
 * groups, the items of its round, its container) follows in the same transaction.
 */
public record BsddWritten(BsddRecord form) {
}
