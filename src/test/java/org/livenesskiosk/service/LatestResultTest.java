package org.livenesskiosk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatestResultTest {

    @TempDir
    Path data;

    @Test
    void saysPendingUntilItsOwnSessionIsDelivered() throws Exception {
        LatestResult pending = new LatestResult("session-2", "CHECKING_BAD_NETWORK", null, true, "2026-11-25T10:00:00Z");
        pending.write(data);

        LatestResult afterAnotherDelivery = LatestResult.read(data).orElseThrow().delivered("session-1", "liveness-1");
        assertTrue(afterAnotherDelivery.pendingUpload());

        LatestResult afterItsOwn = afterAnotherDelivery.delivered("session-2", "liveness-2");
        afterItsOwn.write(data);
        LatestResult read = LatestResult.read(data).orElseThrow();
        assertFalse(read.pendingUpload());
        assertEquals("liveness-2", read.livenessId());
    }

    @Test
    void anUploadRefusedForGoodIsNoLongerPendingAndSaysWhy() throws Exception {
        LatestResult pending = new LatestResult("session-3", "CHECKING_BAD_NETWORK", null, true, "2026-11-25T10:00:00Z");
        pending.refused("session-3", "AUTH_PARAMETER_ERROR", "refused by the service: PARAMETER_ERROR: used").write(data);

        LatestResult read = LatestResult.read(data).orElseThrow();
        assertFalse(read.pendingUpload());
        assertEquals("AUTH_PARAMETER_ERROR", read.code());
        assertEquals("refused by the service: PARAMETER_ERROR: used", read.uploadRefused());
        assertEquals(pending, pending.refused("session-4", "AUTH_PARAMETER_ERROR", "another session's refusal"));
    }

    @Test
    void nothingYetIsNothing() throws Exception {
        assertTrue(LatestResult.read(data).isEmpty());
    }
}
