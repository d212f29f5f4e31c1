package org.livenesskiosk.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ActionPlanTest {

    @Test
    void theSdkDefaultPicksTwoWithTheHeadTurnLast() {
        Set<List<ActionType>> seen = new HashSet<>();
        for (int seed = 0; seed < 200; seed++) {
            List<ActionType> plan = ActionPlan.sdkDefault(new Random(seed));
            assertEquals(2, plan.size());
            assertTrue(!plan.contains(ActionType.POS_YAW) || plan.get(1) == ActionType.POS_YAW, plan.toString());
            seen.add(plan);
        }
        // Blink-mouth, mouth-blink, blink-turn, mouth-turn: every pair comes up.
        assertEquals(4, seen.size(), seen.toString());
    }

    @Test
    void shuffledAsksForEveryActionGivenInEveryOrder() {
        List<ActionType> given = List.of(ActionType.NOD, ActionType.POS_YAW, ActionType.BLINK);
        LivenessConfig config = LivenessConfig.defaults().withActions(given, true);
        Set<List<ActionType>> seen = new HashSet<>();
        for (int seed = 0; seed < 200; seed++) {
            List<ActionType> plan = ActionPlan.of(config, new Random(seed));
            assertEquals(Set.copyOf(given), Set.copyOf(plan), plan.toString());
            assertEquals(given.size(), plan.size());
            seen.add(plan);
        }
        // 3! orders, the head turn anywhere: the given actions are shuffled, none dropped, none held in place.
        assertEquals(6, seen.size(), seen.toString());
    }

    @Test
    void theSameSeedGivesTheSamePlan() {
        LivenessConfig config = LivenessConfig.defaults().withActions(List.of(ActionType.values()), true);
        assertEquals(ActionPlan.of(config, new Random(42)), ActionPlan.of(config, new Random(42)));
    }

    @Test
    void unshuffledAsksForEveryActionInOrder() {
        List<ActionType> order = List.of(ActionType.NOD, ActionType.BLINK, ActionType.POS_YAW, ActionType.MOUTH);
        assertEquals(order, ActionPlan.of(LivenessConfig.defaults().withActions(order, false), new Random()));
    }

    @Test
    void refusesAConfigurationThatCannotWork() {
        LivenessConfig defaults = LivenessConfig.defaults();
        assertThrows(IllegalArgumentException.class, () -> defaults.withActions(List.of(), false));
        assertThrows(IllegalArgumentException.class,
                () -> defaults.withActions(List.of(ActionType.BLINK, ActionType.BLINK), false));
        assertThrows(IllegalArgumentException.class, () -> defaults.withDistance(80, 40));
        assertThrows(IllegalArgumentException.class, () -> defaults.withTimeLimits(0, 10_000));
        assertThrows(IllegalArgumentException.class, () -> defaults.withResultImageSize(299));
        assertThrows(IllegalArgumentException.class, () -> defaults.withResultImageSize(1001));
        assertEquals(300, defaults.withResultImageSize(300).resultImageSize());
        assertEquals(1000, defaults.withResultImageSize(1000).resultImageSize());
    }

    @Test
    void aNearerCustomerHasALargerFace() {
        LivenessConfig config = LivenessConfig.defaults();
        // A 15 cm face 40 cm from a 60° camera spans about a third of the frame.
        assertEquals(0.325, config.relativeFaceSizeAt(40), 0.001);
        assertEquals(0.162, config.relativeFaceSizeAt(80), 0.001);
    }
}
