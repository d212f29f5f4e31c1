package org.livenesskiosk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.livenesskiosk.capture.FrameSources;
import org.livenesskiosk.kiosk.KioskService;
import org.livenesskiosk.pipeline.SessionOutcome;
import org.livenesskiosk.protocol.ChallengeSettings;
import org.livenesskiosk.protocol.KioskApi;
import org.livenesskiosk.service.Outbox;
import org.livenesskiosk.service.ServiceCallException;
import org.livenesskiosk.service.UploadQueue;
import org.livenesskiosk.vision.FrameAnalyzer;
import org.livenesskiosk.vision.Models;

/**
 * A day of traffic: one kiosk runtime (this process: its service link, outbox and client, as a
 * kiosk delivers) sends customer after customer, two at a time, to one service ({@code serve} in a process of its
 * own, on loopback, on SQLite), and both processes are measured every so many sessions. The
 * customer is recorded once, a real session on a clip, and delivered under a fresh challenge each
 * time; the service re-runs every one. Each delivered session is delivered again, as a kiosk that
 * died before its outbox forgot it would, and must get the same livenessId.
 */
public final class Soak {

    /**
     * One look at both processes.
     *
     * @param sessions the sessions delivered (or lost) before it
     */
    public record Sample(int sessions, double seconds, ProcessProbe.Figures service, ProcessProbe.Figures kiosk) {
    }

    /**
     * @param livenessIds  distinct livenessIds the kiosk was given: one a session when none was lost or given two
     * @param manualChecks sessions the service left to a person: the same customer again at the same kiosk
     *                     within minutes looks, to the replay check, like that customer's recording sent again
     * @param outboxLeft   sessions still in the kiosk's outbox, waiting or set aside, at the end
     * @param failedAnswers answers that kept a session waiting (busy, a broken connection), asked again
     */
    public record Figures(int sessions, int delivered, int lost, int duplicated, int livenessIds, int verified, int manualChecks,
                          int outboxLeft, int failedAnswers, double seconds, List<Sample> samples) {
    }

    /** What the recorded customer is asked: the mouth, which the clip must show. */
    public static final String ACTION = "MOUTH";
    /** A session still waiting after this long is lost: the service stopped taking anything. */
    private static final long SESSION_DEADLINE_MS = 120_000;
    private static final long PAUSE_MS = 1_000;
    /**
     * Sessions in flight at once: a kiosk's outbox and client are used from two threads (the
     * upload queue's retries while the next customer's session is delivered), and the service's
     * re-run of each session, mostly on one core, leaves the other idle; two at a time fit a day's
     * traffic in about half the time.
     */
    static final int AT_ONCE = 2;

    private Soak() {
    }

    /**
     * @param clip     a recording of a customer opening their mouth
     * @param every    sessions between two samples (one more before the first and one at the end)
     * @param progress told of each sample as it is taken
     */
    public static Figures run(Models models, Path clip, double folderFramesPerSecond, int sessions, int every,
                              Consumer<Sample> progress) throws Exception {
        try (KioskAndService both = KioskAndService.start(models,
                ChallengeSettings.defaults().withActions(List.of(ACTION)).withFarNear(false).withLight(false),
                List.of("-XX:NativeMemoryTracking=summary"))) {
            SessionOutcome customer = KioskAndService.recorded(new FrameAnalyzer(models),
                    FrameSources.open(clip, folderFramesPerSecond), both.kiosk.challenge(KioskAndService.CLOSE_UP));
            return new Day(both.kiosk, customer, new ProcessProbe(both.service.pid()), new ProcessProbe(ProcessHandle.current().pid()),
                    progress).run(sessions, every, both.connection.dataDirectory().resolve("outbox"));
        }
    }

    /** The day's sessions, {@link #AT_ONCE} at a time, and what they left behind. */
    private static final class Day {
        private final KioskService kiosk;
        private final SessionOutcome customer;
        private final ProcessProbe service;
        private final ProcessProbe kioskProcess;
        private final Consumer<Sample> progress;
        private final Set<String> livenessIds = new HashSet<>();
        private final List<Sample> samples = new ArrayList<>();
        private int delivered;
        private int duplicated;
        private int verified;
        private int manualChecks;
        private int failedAnswers;
        private long start;

        Day(KioskService kiosk, SessionOutcome customer, ProcessProbe service, ProcessProbe kioskProcess,
            Consumer<Sample> progress) {
            this.kiosk = kiosk;
            this.customer = customer;
            this.service = service;
            this.kioskProcess = kioskProcess;
            this.progress = progress;
        }

        Figures run(int sessions, int every, Path outboxFolder) throws Exception {
            start = System.nanoTime();
            sample(0);
            ExecutorService lanes = Executors.newFixedThreadPool(AT_ONCE);
            try {
                for (int done = 0; done < sessions; ) {
                    int batch = Math.min(every, sessions - done);
                    List<Future<Session>> running = new ArrayList<>();
                    for (int i = 0; i < batch; i++) {
                        running.add(lanes.submit(this::oneSession));
                    }
                    for (Future<Session> session : running) {
                        count(session.get());
                    }
                    done += batch;
                    sample(done);
                }
            } finally {
                lanes.shutdownNow();
            }
            int left = Outbox.open(outboxFolder).waiting().size() + setAside(outboxFolder.resolve("rejected"));
            return new Figures(sessions, delivered, sessions - delivered, duplicated, livenessIds.size(), verified, manualChecks,
                    left, failedAnswers, seconds(), List.copyOf(samples));
        }

        /**
         * One session's delivery, and its delivery again.
         *
         * @param livenessId    empty when the session was lost
         * @param failedAnswers answers that kept it waiting
         */
        private record Session(Optional<String> livenessId, boolean verified, boolean givenAnother, int failedAnswers) {
        }

        private void count(Session session) {
            failedAnswers += session.failedAnswers();
            session.livenessId().ifPresent(livenessId -> {
                delivered++;
                livenessIds.add(livenessId);
                if (session.verified()) {
                    verified++;
                } else {
                    manualChecks++;
                }
                if (session.givenAnother()) {
                    duplicated++;
                }
            });
        }

        private Session oneSession() throws Exception {
            long giveUpAt = System.currentTimeMillis() + SESSION_DEADLINE_MS;
            int[] failed = {0};
            KioskApi.ChallengeAnswer challenge = null;
            while (challenge == null && System.currentTimeMillis() < giveUpAt) {
                try {
                    challenge = kiosk.challenge(KioskAndService.CLOSE_UP);
                } catch (ServiceCallException e) {
                    failed[0]++;
                    Thread.sleep(PAUSE_MS);
                }
            }
            if (challenge == null) {
                return new Session(Optional.empty(), false, false, failed[0]);
            }
            String sessionId = UUID.randomUUID().toString();
            Optional<UploadQueue.Delivery> first = delivered(kiosk.deliver(sessionId, challenge, customer, Optional.empty(),
                    Optional.empty(), Optional.empty()), giveUpAt, failed);
            if (first.isEmpty()) {
                return new Session(Optional.empty(), false, false, failed[0]);
            }
            Optional<UploadQueue.Delivery> again = delivered(kiosk.deliver(sessionId, challenge, customer, Optional.empty(),
                    Optional.empty(), Optional.empty()), giveUpAt, failed);
            boolean givenAnother = again.isPresent() && !again.get().livenessId().equals(first.get().livenessId());
            return new Session(Optional.of(first.get().livenessId()), first.get().verdict() == KioskApi.Verdict.VERIFIED,
                    givenAnother, failed[0]);
        }

        /** The delivery once the outbox got it through, asked again as the kiosk's retries do; empty when it did not. */
        private Optional<UploadQueue.Delivery> delivered(UploadQueue.Delivery delivery, long giveUpAt, int[] failed)
                throws Exception {
            UploadQueue.Delivery latest = delivery;
            while (latest.pending() && System.currentTimeMillis() < giveUpAt) {
                failed[0]++;
                Thread.sleep(PAUSE_MS);
                latest = kiosk.sendPending().stream().filter(next -> next.sessionId().equals(delivery.sessionId())).findFirst()
                        .orElse(latest);
            }
            return latest.delivered() ? Optional.of(latest) : Optional.empty();
        }

        /** The sessions the outbox set aside as refused for good. */
        private static int setAside(Path rejected) throws IOException {
            if (!Files.isDirectory(rejected)) {
                return 0;
            }
            try (Stream<Path> files = Files.list(rejected)) {
                return (int) files.count();
            }
        }

        private void sample(int sessions) throws IOException, InterruptedException {
            Sample sample = new Sample(sessions, seconds(), service.measure(), kioskProcess.measure());
            samples.add(sample);
            progress.accept(sample);
        }

        private double seconds() {
            return (System.nanoTime() - start) / 1e9;
        }
    }
}
