package org.livenesskiosk.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class LivenessErrorTest {

    @Test
    void readsTheIosSpellingsAsTheAndroidCodes() {
        assertEquals(Optional.of(LivenessError.MULTIPLE_FACE), LivenessError.parse("MUTI_FACE"));
        assertEquals(Optional.of(LivenessError.MUCH_MOTION), LivenessError.parse("much_action"));
    }

    @Test
    void readsEveryCodeByItsOwnName() {
        for (LivenessError error : LivenessError.values()) {
            assertEquals(Optional.of(error), LivenessError.parse(error.name()));
        }
    }

    @Test
    void anUnknownCodeIsNotGuessed() {
        assertEquals(Optional.empty(), LivenessError.parse("SERVICE_BUSY"));
    }
}
