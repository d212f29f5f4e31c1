package org.livenesskiosk.service;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.livenesskiosk.protocol.UploadRequest;

import com.google.gson.Gson;

/**
 * A kiosk's delivery in a process of its own, for {@code OutboxCrashTest} to kill: {@code submit}
 * keeps one session in the outbox and sends it, as a kiosk does when its customer finishes;
 * {@code retry} is the kiosk started again, sending what its outbox holds. Exits 0 when it ran
 * through; a stop point ({@link CrashPoint}) holds it for the test's SIGKILL.
 *
 * <p>Arguments: {@code submit|retry SERVICE_URL KIOSK_FOLDER DEVICE_ID TICKET [SESSION_JSON]}.
 */
public final class CrashingKiosk {

    private CrashingKiosk() {
    }

    public static void main(String[] args) throws Exception {
        Path kiosk = Path.of(args[2]);
        LivenessClient client = new LivenessClient(args[1], Duration.ofSeconds(30), DeviceIdentity.in(kiosk));
        client.useDevice(args[3]);
        String ticket = args[4];
        UploadQueue queue = new UploadQueue(Outbox.open(kiosk.resolve("outbox")), client, () -> ticket);
        List<UploadQueue.Delivery> deliveries = args[0].equals("submit")
                ? List.of(queue.submit(new Gson().fromJson(Files.readString(Path.of(args[5]), StandardCharsets.UTF_8),
                        UploadRequest.class)))
                : queue.retryPending();
        System.exit(deliveries.stream().allMatch(UploadQueue.Delivery::delivered) ? 0 : 1);
    }
}
