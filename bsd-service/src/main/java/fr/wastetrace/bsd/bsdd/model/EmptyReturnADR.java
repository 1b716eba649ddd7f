package fr.wastetrace.bsd.bsdd.model;

/** How an empty vehicle or container returns under ADR. */
public enum EmptyReturnADR {
    EMPTY_RETURN_NOT_WASHED, EMPTY_VEHICLE, EMPTY_CITERNE, EMPTY_CONTAINER, EMPTY_CITERNE_CONTAINER
}
