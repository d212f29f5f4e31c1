package org.livenesskiosk.liveness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Turns a configuration into the sequence of actions one session asks for. */
public final class ActionPlan {

    private ActionPlan() {
    }

    /**
     * The actions in order when not shuffled; shuffled, {@link LivenessConfig#SHUFFLED_ACTION_COUNT}
     * of them at random with a head turn, if drawn, last: turning last keeps the face frontal for
     * the best image as long as possible.
     */
    public static List<ActionType> of(LivenessConfig config, Random random) {
        if (!config.shuffle()) {
            return config.actions();
        }
        List<ActionType> drawn = new ArrayList<>(config.actions());
        Collections.shuffle(drawn, random);
        drawn = new ArrayList<>(drawn.subList(0, Math.min(LivenessConfig.SHUFFLED_ACTION_COUNT, drawn.size())));
        if (drawn.remove(ActionType.POS_YAW)) {
            drawn.add(ActionType.POS_YAW);
        }
        return List.copyOf(drawn);
    }
}
