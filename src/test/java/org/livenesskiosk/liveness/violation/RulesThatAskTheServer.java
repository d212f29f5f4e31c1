package org.livenesskiosk.liveness.violation;

import org.livenesskiosk.server.violation.ServerScoringWithTheRules;

/** Breaks the layers on purpose: the liveness rules reaching up into the service (and so making a cycle with it). */
public final class RulesThatAskTheServer {

    public int score(ServerScoringWithTheRules server) {
        return server.score();
    }
}
