package org.livenesskiosk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.livenesskiosk.capture.CaptureSettings;
import org.livenesskiosk.capture.FrameSources;
import org.livenesskiosk.kiosk.InstanceLock;
import org.livenesskiosk.kiosk.KioskService;
import org.livenesskiosk.kiosk.SessionSpace;
import org.livenesskiosk.liveness.ActionRecord;
import org.livenesskiosk.liveness.ActionType;
import org.livenesskiosk.liveness.DetectionLevel;
import org.livenesskiosk.liveness.EvidenceSlot;
import org.livenesskiosk.liveness.FarNearResult;
import org.livenesskiosk.liveness.LightSequence;
import org.livenesskiosk.liveness.LivenessConfig;
import org.livenesskiosk.liveness.LivenessError;
import org.livenesskiosk.liveness.LivenessSession;
import org.livenesskiosk.liveness.MetricTrace;
import org.livenesskiosk.liveness.PassiveVerdict;
import org.livenesskiosk.liveness.Perspective;
import org.livenesskiosk.liveness.SessionResult;
import org.livenesskiosk.liveness.SessionState;
import org.livenesskiosk.liveness.SessionUpdate;
import org.livenesskiosk.pipeline.SessionOutcome;
import org.livenesskiosk.pipeline.SessionRecording;
import org.livenesskiosk.pipeline.SessionRunner;
import org.livenesskiosk.protocol.ChallengeSettings;
import org.livenesskiosk.protocol.KioskApi;
import org.livenesskiosk.server.ServiceLimits;
import org.livenesskiosk.service.LatestResult;
import org.livenesskiosk.service.ServiceCallException;
import org.livenesskiosk.service.UploadQueue;
import org.livenesskiosk.ui.Language;
import org.livenesskiosk.ui.Messages;
import org.livenesskiosk.vision.FrameAnalyzer;
import org.livenesskiosk.vision.ModelException;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** Runs one liveness session on a recording or a camera, headless, and prints its result as one JSON object. */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = {"Runs one liveness session on a recorded clip or a camera and prints the result as one JSON object.",
            "Exit status 0 when the customer passed, 1 otherwise."})
final class DetectCommand implements Callable<Integer> {

    private static final Messages ENGLISH = Messages.of(Language.ENGLISH);
    private static final String LOCKOUT = ServiceLimits.MAX_FAILURES + " refused sessions within "
            + ServiceLimits.FAILURE_WINDOW_MS / 60_000 + " minutes";
    /** The embedded service's lock-out, as {@code serve} has it by default. */
    private static final long LOCKOUT_MINUTES = ServiceLimits.defaults().lockoutMs() / 60_000;
    /** The SDK has one code for a source that gives no frames; for a recording it is no camera's fault. */
    static final String UNREADABLE_RECORDING = "The recording cannot be read. Give a clip (MJPEG .avi, MP4, MOV, WebM), a folder of JPEG or PNG "
            + "frames, or an image.";

    @Spec
    private CommandSpec spec;

    @Option(names = "--source", required = true, paramLabel = "SOURCE", converter = OptionValues.Source.class,
            description = "A clip (MJPEG .avi, MP4, MOV, WebM), a folder of frames, an image, camera:N (OpenCV camera N) or webcam:NAME.")
    private String source;

    @Option(names = "--actions", split = ",", paramLabel = "ACTION",
            description = "The embedded service's challenge: the actions to ask for, in order: ${COMPLETION-CANDIDATES}. "
                    + "Default: the SDK's, two of BLINK, MOUTH, POS_YAW at random, a head turn last. A standalone service's account "
                    + "decides.")
    private List<ActionType> actions;

    @Option(names = "--shuffle", description = "The embedded service asks for every one of the --actions in an order drawn at random.")
    private boolean shuffle;

    @Option(names = "--result-size", paramLabel = "PIXELS", converter = OptionValues.ResultSize.class,
            description = "The embedded service's challenge: the side of the square best image, 300 to 1000. Default: 600.")
    private Integer resultSize;

    @Option(names = "--level", defaultValue = "NORMAL", paramLabel = "LEVEL",
            description = "How much each action must show: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    private DetectionLevel level;

    @Option(names = "--action-timeout", defaultValue = "10", paramLabel = "SECONDS", converter = OptionValues.Positive.class,
            description = "Time limit of each action. Default: ${DEFAULT-VALUE} s.")
    private double actionTimeoutSeconds;

    @Option(names = "--prepare-timeout", defaultValue = "10", paramLabel = "SECONDS", converter = OptionValues.Positive.class,
            description = "Time limit of the preparation. Default: ${DEFAULT-VALUE} s.")
    private double prepareTimeoutSeconds;

    @Option(names = "--far-near", arity = "1", paramLabel = "on|off", converter = OnOff.Converter.class,
            description = "The embedded service's challenge begins with the far/near stage, or not (a recording made "
                    + "without it is replayed with off). Default: on. A standalone service's account decides.")
    private OnOff farNear;

    @Option(names = "--light", arity = "1", paramLabel = "on|off", converter = OnOff.Converter.class,
            description = "Run the light step when the challenge asks for it. Headless, no screen shows the colours: the "
                    + "session claims them as drawn, as an injected stream would, and the face does not answer them. Default: off "
                    + "(the service then leaves the session to a person, unless the account verifies such sessions).")
    private OnOff light;

    @Option(names = "--distance", defaultValue = "40-80", paramLabel = "MIN-MAX", converter = OptionValues.DistanceRange.Converter.class,
            description = "Expected distance from the camera in cm. Default: ${DEFAULT-VALUE}.")
    private OptionValues.DistanceRange distance;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write the evidence here: best.jpg, neutral.jpg, one image per action, traces.json.")
    private Path out;

    @Option(names = "--signature-id", paramLabel = "ID",
            description = "Bind the session to this signatureId, which the integrator's back end got from the service.")
    private String signatureId;

    @Option(names = "--user-id", paramLabel = "ID", description = "Bind the session to the customer's own identifier.")
    private String userId;

    @Option(names = "--record", paramLabel = "FILE.avi",
            description = "Record every frame of the session to an MJPEG .avi, to replay it later with --source FILE.avi.")
    private Path record;

    @Option(names = "--refuse-virtual-cameras",
            description = "Refuse cameras whose name says they are virtual (OBS, v4l2loopback): a defence against injected video.")
    private boolean refuseVirtualCameras;

    @Option(names = "--codes", defaultValue = "ANDROID", paramLabel = "NAMES",
            description = "Print the code by the mobile SDK's ${COMPLETION-CANDIDATES} names (iOS v3.6: MUTI_FACE, MUCH_ACTION, "
                    + "NO_RESPONSE for a network failure). Default: ${DEFAULT-VALUE}.")
    private CodeNames codes;

    /** Whose names the printed code takes: integrators migrating an iOS app know its spellings. */
    enum CodeNames {
        ANDROID,
        IOS;

        String of(String code) {
            return this == IOS ? LivenessError.parse(code).map(LivenessError::iosName).orElse(code) : code;
        }
    }

    @Mixin
    private FolderFrameRate folderFrameRate;

    @Mixin
    private ModelOptions modelOptions;

    @Mixin
    private ServiceOptions serviceOptions;

    @Override
    public Integer call() throws IOException {
        serviceOptions.validate(spec.commandLine());
        Optional<ChallengeSettings> chosen = chosenChallenge();
        try (InstanceLock kiosk = InstanceLock.acquire(serviceOptions.dataDirectory(), "detect")) {
            return detect(chosen);
        } catch (InstanceLock.HeldElsewhere e) {
            // The folder is the running kiosk's: nothing is written to it, not even the latest result.
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("success", false);
            report.put("code", codes.of(LivenessError.ALREADY_INIT.name()));
            report.put("message", operatorMessage(LivenessError.ALREADY_INIT));
            report.put("detail", e.getMessage());
            print(report);
            return ErrorReporter.EXIT_FAILURE;
        }
    }

    private int detect(Optional<ChallengeSettings> chosen) throws IOException {
        String sessionId = UUID.randomUUID().toString();
        Map<String, Object> report;
        // --record writes where the operator chose, maybe another disk: the data disk keeps the outbox's evidence.
        Optional<String> noRoom = SessionSpace.of(serviceOptions.dataDirectory(), false).refusal(serviceOptions.dataDirectory());
        if (noRoom.isPresent()) {
            report = new LinkedHashMap<>();
            report.put("success", false);
            report.put("code", codes.of(LivenessError.UNDEFINED.name()));
            report.put("message", noRoom.get());
            print(report);
            return ErrorReporter.EXIT_FAILURE;
        }
        // As the mobile SDK does: the kiosk is authorized before the customer starts; then the service draws the challenge.
        try (KioskService service = KioskService.connect(serviceOptions.connection(serviceOptions.identityDirectory()),
                modelOptions.models())) {
            service.authorize();
            chosen.ifPresent(service::useEmbeddedChallenge);
            double[] distanceCm = distance.asArray();
            KioskApi.ChallengeAnswer challenge = service.challenge(distanceCm);
            boolean lightStep = challenge.light() && light == OnOff.ON;
            LivenessConfig config = challenge.toConfig().withDistance(distanceCm[0], distanceCm[1]).withLight(lightStep);
            SessionOutcome outcome = runSession(config, challenge.actions(), new SessionRunner.Listener() {
                private List<LightSequence.Shown> shown;

                @Override
                public void frame(org.bytedeco.opencv.opencv_core.Mat image, long timestampMs, SessionUpdate update) {
                    if (update.state() == SessionState.LIGHT && shown == null) {
                        shown = lightShownFrom(service, challenge, timestampMs);
                    }
                }

                @Override
                public Optional<List<LightSequence.Shown>> lightShown() {
                    return Optional.ofNullable(shown);
                }
            });
            Map<String, String> written = out == null ? Map.of() : write(outcome);
            report = report(challenge.actions(), outcome, written);
            report.put("light", light(challenge, outcome));
            if (!FrameSources.isCamera(source) && outcome.result().error().equals(Optional.of(LivenessError.DEVICE_NOT_SUPPORT))) {
                report.put("message", UNREADABLE_RECORDING);
            }
            if (!outcome.result().success() && PassiveVerdict.of(outcome.result().passive()) == PassiveVerdict.ATTACK) {
                // The customer's screen only asks to try again; the operator is told what the check saw.
                report.put("message", "The kiosk's passive check judged this face a presentation attack (a photo, a screen or "
                        + "a mask held to the camera); the session ended with " + outcome.result().code() + ". A person should look.");
            }
            if (outcome.result().success()) {
                deliver(service, sessionId, challenge, outcome, report);
            }
        } catch (ServiceCallException e) {
            report = new LinkedHashMap<>();
            fail(report, e);
        }
        remember(sessionId, report);
        report.put("code", codes.of((String) report.get("code")));
        print(report);
        return Boolean.TRUE.equals(report.get("success")) ? 0 : ErrorReporter.EXIT_FAILURE;
    }

    private void print(Map<String, Object> report) {
        PrintWriter printer = spec.commandLine().getOut();
        // Messages are read in a terminal: "kiosk's", not "kiosk\u0027s".
        printer.println(new GsonBuilder().disableHtmlEscaping().create().toJson(report));
        printer.flush();
    }

    /**
     * The challenge the command line chose, for the embedded service: its defaults with what was
     * given. A standalone service's account decides the challenge (the bank sets it with
     * {@code accounts settings}); choosing one here for it is refused.
     */
    private Optional<ChallengeSettings> chosenChallenge() {
        ParseResult given = spec.commandLine().getParseResult();
        List<String> challengeOptions = List.of("--actions", "--shuffle", "--action-timeout", "--prepare-timeout", "--level",
                "--result-size", "--far-near");
        boolean anyGiven = challengeOptions.stream().anyMatch(given::hasMatchedOption);
        if (serviceOptions.serverUrl == null) {
            ChallengeSettings defaults = ChallengeSettings.defaults();
            return Optional.of(new ChallengeSettings(
                    actions == null ? defaults.actions() : actions.stream().map(ActionType::name).toList(), shuffle,
                    given.hasMatchedOption("--action-timeout") ? Math.round(actionTimeoutSeconds * 1000) : defaults.actionTimeLimitMs(),
                    given.hasMatchedOption("--prepare-timeout") ? Math.round(prepareTimeoutSeconds * 1000)
                            : defaults.prepareTimeLimitMs(),
                    level.name(), resultSize == null ? defaults.resultImageSize() : resultSize,
                    farNear == null ? defaults.farNear() : farNear.on(), defaults.farNearTimeLimitMs(), light == OnOff.ON, false));
        }
        if (anyGiven) {
            throw new ParameterException(spec.commandLine(), "The standalone service decides the challenge: "
                    + String.join(", ", challengeOptions) + " are for the embedded service (set the account's with accounts settings)");
        }
        return Optional.empty();
    }

    /**
     * The light step's colours as a screen keeping perfect time would have shown them from the
     * step's start: nothing shows them here, so no face answers them. None when the service gives none.
     */
    private static List<LightSequence.Shown> lightShownFrom(KioskService service, KioskApi.ChallengeAnswer challenge, long stepMs) {
        try {
            return service.light(challenge.challengeId()).shownFrom(stepMs);
        } catch (ServiceCallException e) {
            return List.of();
        }
    }

    /** Whether the challenge asked for the light step, and how many colours this run claimed to show. */
    private static Map<String, Object> light(KioskApi.ChallengeAnswer challenge, SessionOutcome outcome) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("asked", challenge.light());
        json.put("coloursShown", outcome.result().light().map(step -> step.shown().size()).orElse(0));
        return json;
    }

    private SessionOutcome runSession(LivenessConfig config, List<ActionType> plan, SessionRunner.Listener listener) {
        LivenessSession session = new LivenessSession(config, plan);
        CaptureSettings settings = CaptureSettings.defaults().withFolderFramesPerSecond(folderFrameRate.framesPerSecond())
                .withRefuseVirtualCameras(refuseVirtualCameras);
        FrameAnalyzer analyzer;
        try {
            analyzer = new FrameAnalyzer(modelOptions.models());
        } catch (ModelException e) {
            return failed(session.abort(LivenessError.MODEL_ERROR, e.getMessage(), 0).result().orElseThrow());
        }
        return SessionRunner.recording(analyzer, config).run(() -> FrameSources.open(source, settings), Optional.ofNullable(record),
                session, listener);
    }

    /**
     * Delivers a passed session for its livenessId. When it cannot be delivered now, it stays in
     * the outbox, encrypted, and goes with the next session (or {@code detect} run).
     */
    private void deliver(KioskService service, String sessionId, KioskApi.ChallengeAnswer challenge, SessionOutcome outcome,
                         Map<String, Object> report) {
        try {
            service.sendPending();
            UploadQueue.Delivery delivery = service.deliver(sessionId, challenge, outcome, Optional.ofNullable(signatureId),
                    Optional.ofNullable(userId), Optional.empty());
            if (delivery.delivered()) {
                report.put("livenessId", delivery.livenessId());
                report.put("verdict", delivery.verdict().name());
                service.embeddedAttackReason(delivery.livenessId()).ifPresent(reason -> {
                    report.put("attackReason", reason);
                    report.put("message", scoredBelowPass(reason));
                });
            } else if (delivery.refused()) {
                fail(report, delivery.failure());
                report.put("uploadRefused", KioskService.refusal(delivery));
            } else {
                fail(report, delivery.failure());
                report.put("pendingUpload", delivery.sessionId());
            }
        } catch (IOException e) {
            report.put("success", false);
            report.put("code", LivenessError.UNDEFINED.name());
            report.put("message", KioskService.cannotKeepData(e));
        }
    }

    /** Keeps this session's outcome as the kiosk's latest result, for {@code result} to read at any time. */
    private void remember(String sessionId, Map<String, Object> report) throws IOException {
        new LatestResult(sessionId, (String) report.get("code"), (String) report.get("livenessId"),
                report.containsKey("pendingUpload"), Instant.now().toString(), (String) report.get("uploadRefused"))
                .write(serviceOptions.dataDirectory());
    }

    private static void fail(Map<String, Object> report, ServiceCallException failure) {
        report.put("success", false);
        report.put("code", failure.error().name());
        // The SDK's code for a locked device is the account's; the operator needs to know it is this kiosk, and for how long.
        report.put("message", failure.serviceCode().equals("DEVICE_LOCKED")
                ? "The service locked this kiosk out after " + LOCKOUT + ": " + failure.getMessage() + "."
                : operatorMessage(failure.error()));
        report.put("detail", failure.serviceCode() + ": " + failure.getMessage());
    }

    /**
     * What the embedded service's check found, for the operator at this kiosk (the customer is only
     * ever told to try again): the same recording used twice is the usual surprise when replaying clips.
     */
    private static String scoredBelowPass(String reason) {
        if (reason.equals("REPLAY")) {
            return "The service refused this session as a replay: the same recording was already used on this kiosk. Record a new "
                    + "one (--record) or use a camera; " + LOCKOUT + " lock the kiosk out for " + LOCKOUT_MINUTES + " minutes.";
        }
        if (reason.equals("UNSURE_SAME_KIOSK_AGAIN")) {
            return "The service left this session to a person: it looks like a session this kiosk sent in the last ten minutes "
                    + "(the same customer trying again as still as before, or that recording sent again).";
        }
        if (reason.startsWith("UNSURE_") || reason.equals("CHECK_DEADLINE")) {
            return "The service's check could not tell that this is a live person (" + reason + "): a person should look.";
        }
        return "The service's check refused this session as an attack (" + reason + "): a person should look. " + LOCKOUT
                + " lock the kiosk out for " + LOCKOUT_MINUTES + " minutes.";
    }

    private static SessionOutcome failed(SessionResult result) {
        return new SessionOutcome(result, Map.of(), new SessionRecording(), 0, 0);
    }

    /** Writes the face images and the traces; returns what was written where. */
    private Map<String, String> write(SessionOutcome outcome) throws IOException {
        Files.createDirectories(out);
        Map<String, String> written = new LinkedHashMap<>();
        for (Map.Entry<EvidenceSlot, byte[]> image : outcome.images().entrySet()) {
            Path file = out.resolve(image.getKey().name() + ".jpg");
            Files.write(file, image.getValue());
            written.put(image.getKey().name(), file.toString());
        }
        Path traces = out.resolve("traces.json");
        Gson pretty = new GsonBuilder().setPrettyPrinting().create();
        Files.writeString(traces, pretty.toJson(outcome.result().traces().stream().map(DetectCommand::trace).toList()));
        written.put("traces", traces.toString());
        return written;
    }

    private static Map<String, Object> trace(MetricTrace trace) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("action", trace.action().name());
        json.put("metric", trace.metric());
        json.put("samples", trace.samples().stream()
                .map(sample -> List.of(sample.timeMs(), Math.round(sample.value() * 10_000) / 10_000.0)).toList());
        return json;
    }

    private static Map<String, Object> report(List<ActionType> plan, SessionOutcome outcome, Map<String, String> written) {
        SessionResult result = outcome.result();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("success", result.success());
        json.put("code", result.code());
        json.put("message", result.error().map(DetectCommand::operatorMessage)
                .orElse("A live person did every action asked."));
        json.put("detail", result.detail());
        json.put("plan", plan.stream().map(ActionType::name).toList());
        json.put("actions", result.actions().stream().map(DetectCommand::action).toList());
        json.put("durationMs", result.durationMs());
        result.farNear().flatMap(FarNearResult::perspective).ifPresent(cue -> json.put("perspective", perspective(cue)));
        json.put("frames", outcome.frames());
        json.put("corruptFrames", outcome.corruptFrames());
        json.put("passive", AnalysisRecords.passive(result.passive()));
        json.put("evidence", written);
        return json;
    }

    /** The explanation and way out of a code, in English: the command line's language. */
    private static String operatorMessage(LivenessError error) {
        return ENGLISH.explanation(error) + " " + ENGLISH.wayOut(error);
    }

    /** The far/near stage's perspective cue: its figure, the figures it is made of, and what the rule says. */
    private static Map<String, Object> perspective(Perspective.Cue cue) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ratio", Math.round(cue.ratio() * 1000) / 1000.0);
        json.put("gain", Math.round(cue.gain() * 10_000) / 10_000.0);
        json.put("expectedGain", Math.round(cue.expectedGain() * 10_000) / 10_000.0);
        json.put("verdict", cue.verdict().name());
        return json;
    }

    private static Map<String, Object> action(ActionRecord record) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("action", record.action().name());
        json.put("atMs", record.atMs());
        json.put("askedAtMs", record.askedAtMs());
        json.put("peakMs", record.peakMs());
        json.put("durationMs", record.atMs() - record.askedAtMs());
        return json;
    }
}
