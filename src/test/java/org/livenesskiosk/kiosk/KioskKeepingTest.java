package org.livenesskiosk.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livenesskiosk.protocol.KioskApi;
import org.livenesskiosk.server.LivenessServer;
import org.livenesskiosk.server.TestAccount;
import org.livenesskiosk.service.ServiceTrust;
import org.livenesskiosk.vision.Models;

/**
 * What the consent states of the data kept comes from the service the kiosk uses: a standalone
 * one's retention as it was started with, the embedded one's (none: images stay until the result is
 * deleted), and nothing before the service has said.
 */
class KioskKeepingTest {

    @TempDir
    Path folder;

    @Test
    void aStandaloneServiceTellsItsRetentionAndReplayWindow() throws Exception {
        try (LivenessServer server = TestAccount.in(LivenessServer.open(folder.resolve("service"), Models.fromClasspath()))
                .retention(Duration.ofDays(14)).start("127.0.0.1", 0)) {
            ServiceConnection standalone = new ServiceConnection("http://127.0.0.1:" + server.port(), null, TestAccount.ACCESS_KEY,
                    TestAccount.SECRET_KEY, TestAccount.MARKET, TestAccount.APPLICATION_ID,
                    server.accounts().enrollDevice(TestAccount.ACCESS_KEY).code(), folder.resolve("data"), folder.resolve("config"),
                    ServiceTrust.SYSTEM);
            try (KioskService kiosk = KioskService.connect(standalone, Models.fromClasspath())) {
                assertEquals(Optional.empty(), kiosk.keeping(), "nothing before the service has said");
                kiosk.authorize();
                assertEquals(Optional.of(new KioskApi.Keeping(14, 30)), kiosk.keeping());
            }
        }
    }

    @Test
    void theEmbeddedServiceKeepsImagesUntilTheResultIsDeleted() throws Exception {
        ServiceConnection embedded = new ServiceConnection(null, null, null, null, null, null, null, folder.resolve("data"),
                folder.resolve("config"), ServiceTrust.SYSTEM);
        try (KioskService kiosk = KioskService.connect(embedded, Models.fromClasspath())) {
            kiosk.authorize();
            assertEquals(Optional.of(new KioskApi.Keeping(null, 30)), kiosk.keeping());
        }
    }
}
