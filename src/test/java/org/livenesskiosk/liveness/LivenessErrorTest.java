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
    void theIosNamesAreTheIosSdksOwnWhereItHasThem() {
        assertEquals("MUTI_FACE", LivenessError.MULTIPLE_FACE.iosName());
        assertEquals("MUCH_ACTION", LivenessError.MUCH_MOTION.iosName());
        assertEquals("NO_RESPONSE", LivenessError.AUTH_BAD_NETWORK.iosName());
        assertEquals("NO_RESPONSE", LivenessError.CHECKING_BAD_NETWORK.iosName());
        assertEquals("PREPARE_TIMEOUT", LivenessError.PREPARE_TIMEOUT.iosName());
        assertEquals("AUTH_IAM_FAILED", LivenessError.AUTH_IAM_FAILED.iosName());
    }

    @Test
    void everyIosNameReadsBackAsACodeThatHasIt() {
        for (LivenessError error : LivenessError.values()) {
            assertEquals(error.iosName(), LivenessError.parse(error.iosName()).orElseThrow().iosName());
        }
    }

    @Test
    void anUnknownCodeIsNotGuessed() {
        assertEquals(Optional.empty(), LivenessError.parse("SERVICE_BUSY"));
    }
}
