package org.livenesskiosk.kiosk;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.livenesskiosk.liveness.ActionType;
import org.livenesskiosk.liveness.DetectionLevel;
import org.livenesskiosk.liveness.SessionUpdate;
import org.livenesskiosk.protocol.ChallengeSettings;
import org.livenesskiosk.server.LivenessServer;
import org.livenesskiosk.server.TestAccount;
import org.livenesskiosk.ui.KioskOutcome;
import org.livenesskiosk.ui.KioskSettings;
import org.livenesskiosk.ui.Language;
import org.livenesskiosk.ui.PreviewFrames;
import org.livenesskiosk.ui.SessionListener;
import org.livenesskiosk.ui.SessionRequest;
import org.livenesskiosk.vision.Models;

/** The kiosk as the tests run it: a recording (or any source) as its camera, at close-up distances. */
final class ClipKiosk {

    private ClipKiosk() {
    }

    /**
     * Asks for the mouth, then a blink, from the service at {@code serviceUrl} as a kiosk of its demo
     * account; {@code ""} for the embedded service (which ignores the keys).
     */
    static KioskSettings settings(String serviceUrl, int prepareSeconds, boolean recordSessions) {
        return new KioskSettings(serviceUrl, TestAccount.MARKET, TestAccount.APPLICATION_ID, "",
                TestAccount.ACCESS_KEY, TestAccount.SECRET_KEY, "camera:0", false,
                List.of(ActionType.MOUTH, ActionType.BLINK), false, 10, prepareSeconds, DetectionLevel.NORMAL,
                List.of(Language.values()), true, recordSessions, 60, "", "", 600, false, false, 2, "", "");
    }

    /**
     * A standalone service for such kiosks, its demo account asking for what {@link #settings} asks:
     * a standalone service's account, not the kiosk, decides the challenge.
     */
    static LivenessServer service(Path folder, int port) throws IOException {
        LivenessServer server = TestAccount.in(LivenessServer.open(folder, Models.fromClasspath())).start("127.0.0.1", port);
        server.accounts().setSettings(TestAccount.ACCESS_KEY,
                new ChallengeSettings(List.of("MOUTH", "BLINK"), false, 10_000, 10_000, "NORMAL", 600, false, 50_000));
        return server;
    }

    /** As {@link #settings}, for a kiosk of the demo account of {@code server}, with an enrollment code its administrator made. */
    static KioskSettings enrolling(LivenessServer server, int prepareSeconds, boolean recordSessions) {
        return settings("http://127.0.0.1:" + server.port(), prepareSeconds, recordSessions)
                .withEnrollmentCode(server.accounts().enrollDevice(TestAccount.ACCESS_KEY).code());
    }

    /**
     * A kiosk keeping its settings (and its key) in {@code folder/kiosk.json} and its data in
     * {@code folder/data}; without the far/near stage, as {@code kiosk --far-near off}: the clips
     * were recorded without it.
     */
    static Kiosk open(Path folder, KioskSettings settings, String source) throws IOException {
        return open(folder, settings, source, Optional.empty());
    }

    /** As {@link #open(Path, KioskSettings, String)}, the embedded service asking for {@code actions}, as {@code kiosk --actions}. */
    static Kiosk open(Path folder, KioskSettings settings, String source, Optional<List<ActionType>> actions) throws IOException {
        return new Kiosk(new SettingsFile(folder.resolve("kiosk.json")), settings, folder.resolve("data"), Models.fromClasspath(),
                new Kiosk.Overrides(Optional.of(source), Optional.empty(), new double[] {15, 120}, Optional.of(false), actions,
                        Optional.empty()));
    }

    /**
     * Runs one session on {@code kiosk} to its end, its frames offered to {@code preview};
     * {@code whenVerifying} runs when the customer is done, before the upload; {@code updated} sees every update.
     */
    static KioskOutcome session(Kiosk kiosk, PreviewFrames preview, Runnable whenVerifying, Consumer<SessionUpdate> updated)
            throws Exception {
        CompletableFuture<KioskOutcome> finished = new CompletableFuture<>();
        kiosk.start(new SessionRequest(Language.ENGLISH, Optional.of("C-9")), new SessionListener() {
            @Override
            public PreviewFrames preview() {
                return preview;
            }

            @Override
            public void update(SessionUpdate update) {
                updated.accept(update);
            }

            @Override
            public void verifying() {
                whenVerifying.run();
            }

            @Override
            public void finished(KioskOutcome outcome) {
                finished.complete(outcome);
            }
        });
        return finished.get(60, TimeUnit.SECONDS);
    }
}
