package org.livenesskiosk.liveness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Turns a configuration into the sequence of actions one session asks for, as the mobile SDK does. */
public final class ActionPlan {

    /** How many actions the SDK's default asks for. */
    static final int DEFAULT_ACTION_COUNT = 2;

    private ActionPlan() {
    }

    /**
     * The configured actions, every one of them: in the order given, or shuffled — the SDK's
     * {@code setActionSequence(shuffle, actions)}.
     */
    public static List<ActionType> of(LivenessConfig config, Random random) {
        if (!config.shuffle()) {
            return config.actions();
        }
        List<ActionType> shuffled = new ArrayList<>(config.actions());
        Collections.shuffle(shuffled, random);
        return List.copyOf(shuffled);
    }

    /**
     * The iOS SDK's default when no actions are given: two of blink, open mouth and head turn, drawn
     * at random, a head turn last — turning last keeps the face frontal for the best image as long
     * as possible.
     */
    public static List<ActionType> sdkDefault(Random random) {
        List<ActionType> drawn = new ArrayList<>(List.of(ActionType.BLINK, ActionType.MOUTH, ActionType.POS_YAW));
        Collections.shuffle(drawn, random);
        drawn = new ArrayList<>(drawn.subList(0, DEFAULT_ACTION_COUNT));
        if (drawn.remove(ActionType.POS_YAW)) {
            drawn.add(ActionType.POS_YAW);
        }
        return List.copyOf(drawn);
    }
}
