package fr.wastetrace.bsd.bsdd.model;

/** Who the emitter of a BSDD is. */
public enum EmitterType {
    PRODUCER, OTHER, APPENDIX1, APPENDIX1_PRODUCER, APPENDIX2
}
