package org.livenesskiosk.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.bytedeco.opencv.opencv_core.Mat;
import org.livenesskiosk.capture.FrameSource;
import org.livenesskiosk.capture.FrameSources;
import org.livenesskiosk.capture.JpegFrames;
import org.livenesskiosk.kiosk.KioskService;
import org.livenesskiosk.pipeline.SessionOutcome;
import org.livenesskiosk.protocol.ChallengeSettings;
import org.livenesskiosk.protocol.KioskApi;
import org.livenesskiosk.service.UploadQueue;
import org.livenesskiosk.vision.FrameAnalyzer;
import org.livenesskiosk.vision.Models;

import com.google.gson.Gson;

/**
 * What one customer's whole session costs: the clip's customer runs a real session at the kiosk
 * (this process), from the first frame to the last action, under the service's challenge; the
 * kiosk delivers it to {@code serve} (a process of its own, on loopback) again and again, one at a
 * time, each under a fresh challenge. Measured for each delivery: the service process's CPU time
 * (all its threads, user and system: what a fleet pays for in cores, whatever the wall clock
 * says) and the delivery's wall time; and the upload's bytes as the kiosk sends them.
 */
public final class SessionCost {

    /**
     * @param seconds     the recording's length, first frame to last
     * @param frames      frames in the recording
     * @param uploadBytes the upload's JSON body, as the kiosk sends it
     * @param cpu         the service's CPU time a session
     * @param wall        each delivery, from the kiosk's outbox to the livenessId
     * @param verdicts    how the service judged the deliveries: after the first, the replay check sees the same customer
     *                    at the same kiosk again, and leaves the session to a person; its cost is the same
     */
    public record Figures(double seconds, int frames, int width, int height, long uploadBytes, Timings cpu, Timings wall,
                          Map<KioskApi.Verdict, Integer> verdicts) {

        /** Sessions one core checks in a second, at the median CPU time. */
        public double sessionsPerCoreSecond() {
            return 1_000 / cpu.median();
        }
    }

    private SessionCost() {
    }

    /**
     * @param clip      a recording of a customer doing {@code actions}
     * @param frameSize the camera's frame size, {@code WxH}, to play the clip as; empty for as recorded
     * @param sessions how many deliveries are measured, after one that warms the service up
     */
    public static Figures run(Models models, Path clip, double folderFramesPerSecond, Optional<String> frameSize, List<String> actions,
                              long actionTimeLimitMs, int sessions) throws Exception {
        ChallengeSettings asked = ChallengeSettings.defaults().withActions(actions).withFarNear(false).withLight(false);
        try (KioskAndService both = KioskAndService.start(models, new ChallengeSettings(asked.actions(), false, actionTimeLimitMs,
                asked.prepareTimeLimitMs(), asked.level(), asked.resultImageSize(), false, asked.farNearTimeLimitMs()), List.of())) {
            KioskApi.ChallengeAnswer first = both.kiosk.challenge(KioskAndService.CLOSE_UP);
            FrameSource camera = FrameSources.open(clip, folderFramesPerSecond);
            SessionOutcome customer = KioskAndService.recorded(new FrameAnalyzer(models), frameSize.isEmpty() ? camera
                    : new FittedFrames(camera, frameSize.get()), first);
            ProcessHandle service = ProcessHandle.of(both.service.pid()).orElseThrow();
            delivered(both.kiosk, first, customer);
            Timings cpu = new Timings();
            Timings wall = new Timings();
            Map<KioskApi.Verdict, Integer> verdicts = new EnumMap<>(KioskApi.Verdict.class);
            for (int i = 0; i < sessions; i++) {
                KioskApi.ChallengeAnswer challenge = both.kiosk.challenge(KioskAndService.CLOSE_UP);
                long cpuBefore = cpuNanos(service);
                long start = System.nanoTime();
                KioskApi.Verdict verdict = delivered(both.kiosk, challenge, customer);
                wall.add(System.nanoTime() - start);
                cpu.add(cpuNanos(service) - cpuBefore);
                verdicts.merge(verdict, 1, Integer::sum);
            }
            long bytes = new Gson().toJson(KioskService.request(UUID.randomUUID().toString(), first, customer, Optional.empty(),
                    Optional.empty(), Optional.empty())).getBytes(StandardCharsets.UTF_8).length;
            List<JpegFrames.Encoded> frames = customer.recording().frames();
            List<Long> times = frames.stream().map(JpegFrames.Encoded::timestampMs).toList();
            try (Mat image = JpegFrames.decode(frames.get(0).jpeg())) {
                return new Figures((times.get(times.size() - 1) - times.get(0)) / 1000.0, times.size(), image.cols(), image.rows(),
                        bytes, cpu, wall, verdicts);
            }
        }
    }

    private static KioskApi.Verdict delivered(KioskService kiosk, KioskApi.ChallengeAnswer challenge, SessionOutcome customer)
            throws Exception {
        UploadQueue.Delivery delivery = kiosk.deliver(UUID.randomUUID().toString(), challenge, customer, Optional.empty(),
                Optional.empty(), Optional.empty());
        if (!delivery.delivered()) {
            throw new IllegalStateException("The service did not take the session: " + delivery.failure().getMessage());
        }
        return delivery.verdict();
    }

    /** The process's CPU time so far, all threads, user and system (the operating system's count, to its tick). */
    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().orElseThrow(() -> new IllegalStateException("This system does not say a "
                + "process's CPU time")).toNanos();
    }
}
