package org.livenesskiosk.kiosk;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

import org.livenesskiosk.capture.Frame;
import org.livenesskiosk.liveness.IdCardCapture;
import org.livenesskiosk.ui.KioskBackend;
import org.livenesskiosk.ui.PreviewFrames;
import org.livenesskiosk.vision.CardMeter;
import org.livenesskiosk.vision.Models;

/**
 * The operator's "Check ID photo": plays the camera, guides the customer's card into the guide
 * rectangle ({@link IdCardCapture}) and keeps its portrait, in memory only, for the next session to
 * carry in its upload. A portrait is for one customer: the next session to start takes it, and one
 * no session took within {@link #LIFETIME_MS} is forgotten, so that it never goes with a later
 * customer's session.
 */
final class IdPhotoDesk {

    /** Long enough for the operator to hand over to the customer, too short to outlast them at the desk. */
    static final long LIFETIME_MS = 10 * 60_000;

    private record Portrait(byte[] jpeg, long capturedAtMs) {
    }

    private final Models models;
    private final LongSupplier clock;
    private final AtomicReference<Portrait> kept = new AtomicReference<>();
    /** Created on the first capture's thread: the detector's model is loaded once. */
    private CardMeter meter;

    IdPhotoDesk(Models models, LongSupplier clock) {
        this.models = models;
        this.clock = clock;
    }

    /** Starts a capture on {@code source}, forgetting any portrait kept before; its frames are shown in {@code frames}. */
    KioskBackend.CameraPreview check(String source, PreviewFrames frames, KioskBackend.IdPhotoListener listener) {
        kept.set(null);
        IdCardCapture capture = new IdCardCapture();
        AtomicReference<IdCardCapture.Guidance> said = new AtomicReference<>();
        return ConsoleCamera.play(source, "id-photo", frame -> {
            PreviewPixels.offer(frame.image(), frames);
            IdCardCapture.Step step = capture.next(meter().measure(frame.image(),
                    IdCardCapture.guide(frame.image().cols(), frame.image().rows())), frame.timestampMs());
            if (step.portrait().isPresent()) {
                kept.set(new Portrait(CardMeter.portrait(frame.image(), step.portrait().get()), clock.getAsLong()));
            }
            if (said.getAndSet(step.guidance()) != step.guidance()) {
                listener.guidance(step.guidance());
            }
            return step.portrait().isEmpty();
        }, () -> listener.failed("The camera's picture ended before the card's portrait was captured"), listener::failed);
    }

    /** The portrait captured for the customer whose session starts now, if any; nobody else's session gets it. */
    Optional<byte[]> take() {
        return Optional.ofNullable(kept.getAndSet(null)).filter(portrait -> clock.getAsLong() - portrait.capturedAtMs() < LIFETIME_MS)
                .map(Portrait::jpeg);
    }

    private synchronized CardMeter meter() {
        if (meter == null) {
            meter = new CardMeter(models);
        }
        return meter;
    }
}
