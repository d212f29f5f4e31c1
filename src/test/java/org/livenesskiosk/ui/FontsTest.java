package org.livenesskiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.livenesskiosk.testdata.Display;
import org.testfx.api.FxToolkit;

import javafx.scene.text.Font;

/**
 * Each language's text is drawn in a font that has its script: the font is installed (bin/setup,
 * and the installer, depend on Debian's Noto fonts) and JavaFX finds it by name. A missing font
 * would silently fall back, and Chinese would draw as boxes.
 */
class FontsTest {

    @BeforeAll
    static void toolkit() throws Exception {
        Display.required();
        FxToolkit.registerPrimaryStage();
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void eachLanguagesFontIsInstalled(Language language) {
        List<String> installed = Font.getFamilies();
        String family = Fonts.family(language);
        assertTrue(installed.contains(family), family + " is not installed: run bin/setup (fonts-noto-core, fonts-noto-cjk)");
        assertEquals(family, Font.font(family, 20).getFamily());
    }
}
