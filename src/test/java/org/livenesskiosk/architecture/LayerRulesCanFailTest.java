package org.livenesskiosk.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.livenesskiosk.kiosk.violation.WiringThatPrints;
import org.livenesskiosk.liveness.ActionType;
import org.livenesskiosk.liveness.SessionState;
import org.livenesskiosk.liveness.violation.RulesThatAskTheServer;
import org.livenesskiosk.liveness.violation.RulesThatReadAFile;
import org.livenesskiosk.server.violation.ServerScoringWithTheRules;
import org.livenesskiosk.ui.violation.ScreenThatCallsTheService;
import org.livenesskiosk.vision.violation.FaceFinderThatKnowsTheSession;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

/**
 * Each rule of {@link LayerRules} run against a small class under {@code src/test} that breaks
 * it: a rule that let its violation through would pass the product for nothing.
 */
class LayerRulesCanFailTest {

    private static void assertCaught(ArchRule rule, String violator, Class<?>... classes) {
        JavaClasses imported = new ClassFileImporter().importClasses(classes);
        EvaluationResult result = rule.evaluate(imported);
        assertTrue(result.hasViolation(), "the rule let " + violator + " through: " + rule.getDescription());
        assertTrue(result.getFailureReport().toString().contains(violator), result.getFailureReport().toString());
    }

    @Test
    void theLayersCatchTheRulesReachingUpToTheServer() {
        assertCaught(LayerRules.LAYERS, "RulesThatAskTheServer", RulesThatAskTheServer.class, ServerScoringWithTheRules.class);
    }

    @Test
    void theLayersCatchVisionReachingUpToTheSession() {
        assertCaught(LayerRules.LAYERS, "FaceFinderThatKnowsTheSession", FaceFinderThatKnowsTheSession.class, SessionState.class);
    }

    @Test
    void visionMayNotKnowTheSession() {
        assertCaught(LayerRules.FRAMES_AND_FACES_STAND_ALONE, "FaceFinderThatKnowsTheSession", FaceFinderThatKnowsTheSession.class);
    }

    @Test
    void livenessMayNotReadFiles() {
        assertCaught(LayerRules.LIVENESS_IS_PURE, "RulesThatReadAFile", RulesThatReadAFile.class);
    }

    @Test
    void screensMayNotCallTheService() {
        assertCaught(LayerRules.SCREENS_REACH_NO_SERVICE, "ScreenThatCallsTheService", ScreenThatCallsTheService.class);
    }

    @Test
    void aCycleBetweenPackagesIsCaught() {
        assertCaught(LayerRules.NO_CYCLES, "RulesThatAskTheServer", RulesThatAskTheServer.class, ServerScoringWithTheRules.class,
                ActionType.class);
    }

    @Test
    void onlyCommandsMayPrint() {
        assertCaught(LayerRules.ONLY_COMMANDS_PRINT, "WiringThatPrints", WiringThatPrints.class);
    }
}
