package fr.wastetrace.bsd.core.mutation;

/**
 * What a client may add to a write, beyond the reference API (#25): {@code dryRun} runs every check and answers as
 * the write would, then writes nothing; {@code expectedVersion} refuses the write when the BSD is no longer at that
 * version (someone else changed it since the client read it).
 *
 * @param dryRun          validate only
 * @param expectedVersion the BSD's version the client's change is based on, or {@code null} for any
 */
public record WriteOptions(boolean dryRun, Long expectedVersion) {
    public static final WriteOptions NONE = new WriteOptions(false, null);

    /** The options as the GraphQL arguments give them (absent: no dry-run, any version). */
    public static WriteOptions of(Boolean dryRun, Integer expectedVersion) {
        return new WriteOptions(Boolean.TRUE.equals(dryRun), expectedVersion == null ? null : expectedVersion.longValue());
    }

    public static WriteOptions dryRun(Boolean dryRun) {
        return of(dryRun, null);
    }
}
