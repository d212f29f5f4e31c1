package org.livenesskiosk.server;

/**
 * What the same-person and replay checks added to this node's checks so far: the faces embedded
 * and their time, the replay look-ups (index and comparisons) and theirs. For {@code bench}.
 *
 * @param checks    sessions checked
 * @param faces     faces embedded, over all the checks
 * @param lookups   replay look-ups (one per session not already found an injection)
 */
public record IdentityCost(long checks, long faces, double embeddingMs, long lookups, double lookupMs) {

    /** The embedding's mean time per session checked. */
    public double embeddingMsPerCheck() {
        return checks == 0 ? 0 : embeddingMs / checks;
    }

    public double facesPerCheck() {
        return checks == 0 ? 0 : (double) faces / checks;
    }

    /** The look-up's mean time per session looked up. */
    public double lookupMsPerLookup() {
        return lookups == 0 ? 0 : lookupMs / lookups;
    }
}
