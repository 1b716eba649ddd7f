package fr.wastetrace.bsd.bsdd.model;

/** Why a tank was not washed out after unloading. */
public enum CiterneNotWashedOutReason {
    EXEMPTED, INCOMPATIBLE, UNAVAILABLE, NOT_BY_DRIVER
}
