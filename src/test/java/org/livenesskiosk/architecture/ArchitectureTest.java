package org.livenesskiosk.architecture;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The product's classes (not the tests') against every rule of the layout. */
class ArchitectureTest {

    private static JavaClasses product;

    @BeforeAll
    static void importTheProduct() {
        product = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.livenesskiosk");
    }

    @Test
    void packagesFlowOneWay() {
        LayerRules.LAYERS.check(product);
    }

    @Test
    void framesAndFacesStandAlone() {
        LayerRules.FRAMES_AND_FACES_STAND_ALONE.check(product);
    }

    @Test
    void livenessIsPureRules() {
        LayerRules.LIVENESS_IS_PURE.check(product);
    }

    @Test
    void screensReachNoService() {
        LayerRules.SCREENS_REACH_NO_SERVICE.check(product);
    }

    @Test
    void noPackageCycles() {
        LayerRules.NO_CYCLES.check(product);
    }

    @Test
    void onlyCommandsPrint() {
        LayerRules.ONLY_COMMANDS_PRINT.check(product);
    }
}
