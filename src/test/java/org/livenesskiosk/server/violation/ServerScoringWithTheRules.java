package org.livenesskiosk.server.violation;

import org.livenesskiosk.liveness.ActionType;

/** The service using the rules, as it may: half of the cycle {@code RulesThatAskTheServer} closes. */
public final class ServerScoringWithTheRules {

    public int score() {
        return ActionType.values().length;
    }
}
