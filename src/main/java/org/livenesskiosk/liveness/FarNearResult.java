package org.livenesskiosk.liveness;

import java.util.Optional;

/**
 * How the far/near stage went: when each end was reached, in the session's time (the far and near
 * evidence images are those frames), and the perspective cue between them.
 *
 * @param perspective empty when the face grew too little between the two for a cue
 */
public record FarNearResult(long farAtMs, long nearAtMs, Optional<Perspective.Cue> perspective) {
}
