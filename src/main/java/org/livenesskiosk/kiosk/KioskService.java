package org.livenesskiosk.kiosk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.livenesskiosk.capture.JpegFrames;
import org.livenesskiosk.crypto.Sha256;
import org.livenesskiosk.liveness.EvidenceSlot;
import org.livenesskiosk.liveness.LightSequence;
import org.livenesskiosk.liveness.LivenessError;
import org.livenesskiosk.liveness.SessionResult;
import org.livenesskiosk.pipeline.SessionOutcome;
import org.livenesskiosk.pipeline.SessionRecording;
import org.livenesskiosk.protocol.ChallengeSettings;
import org.livenesskiosk.protocol.DecisiveSpans;
import org.livenesskiosk.protocol.KioskApi;
import org.livenesskiosk.protocol.UploadRequest;
import org.livenesskiosk.server.Accounts;
import org.livenesskiosk.server.LivenessServer;
import org.livenesskiosk.service.DeviceIdentity;
import org.livenesskiosk.service.LatestResult;
import org.livenesskiosk.service.LivenessClient;
import org.livenesskiosk.service.Outbox;
import org.livenesskiosk.service.ServiceCallException;
import org.livenesskiosk.service.UploadQueue;
import org.livenesskiosk.ui.KioskBackend;
import org.livenesskiosk.vision.Models;

/**
 * The kiosk's side of the service: enrols the kiosk once, authorizes with its license and delivers
 * a finished session's evidence through the outbox for a livenessId. With no standalone service
 * configured it runs the reference service in this process, plays the integrator's back end for it
 * with the demo account's keys, and enrols its own kiosk with a code it makes itself.
 */
public final class KioskService implements AutoCloseable {

    /**
     * How long the kiosk waits for an answer: longer than the service's own deadline for checking a
     * session (30 s), so that a busy service's verdict reaches the customer instead of the outbox.
     */
    private static final Duration TIMEOUT = Duration.ofSeconds(35);
    /** How long a license the kiosk issues itself (from the account's keys, or the embedded service's) lasts. */
    private static final Duration LICENSE_LIFETIME = Duration.ofHours(1);
    private static final String VERSION = ProductVersion.version();
    /** A ticket this close to its end is renewed rather than used. */
    private static final long TICKET_MARGIN_MS = 30_000;
    /** The embedded service's enrolment is kept under this prefix and its folder, apart from the addresses of standalone ones. */
    private static final String EMBEDDED = "embedded:";

    private final Optional<LivenessServer> embedded;
    private final LivenessClient client;
    private final Licenses licenses;
    private String license;
    private LivenessClient.Authorization authorization;
    private final String market;
    private final String applicationId;
    private final Outbox outbox;
    private final UploadQueue uploads;
    private final Path dataDirectory;
    private final DeviceIdentity identity;
    /** The name this kiosk's enrollment is kept under: the service's URL, or the embedded service's folder. */
    private final String serviceName;
    private final Optional<String> enrollmentCode;

    /**
     * Where this kiosk's license comes from: a new one each time from the account's keys or the
     * embedded service, or the one the bank gave, always the same.
     */
    @FunctionalInterface
    private interface Licenses {
        String license() throws ServiceCallException;
    }

    private KioskService(Optional<LivenessServer> embedded, LivenessClient client, Licenses licenses, String market,
                         String applicationId, Outbox outbox, Path dataDirectory, DeviceIdentity identity, String serviceName,
                         Optional<String> enrollmentCode) {
        this.embedded = embedded;
        this.identity = identity;
        this.serviceName = serviceName;
        this.enrollmentCode = enrollmentCode;
        this.client = client;
        this.licenses = licenses;
        this.market = market;
        this.applicationId = applicationId;
        this.outbox = outbox;
        this.uploads = new UploadQueue(outbox, client, this::ticket);
        this.dataDirectory = dataDirectory;
    }

    public static KioskService connect(ServiceConnection connection, Models models) throws IOException, ServiceCallException {
        return connect(connection, models, LICENSE_LIFETIME);
    }

    /** @param licenseLifetime how long the licenses the kiosk issues itself last */
    static KioskService connect(ServiceConnection connection, Models models, Duration licenseLifetime)
            throws IOException, ServiceCallException {
        Outbox outbox = Outbox.open(connection.dataDirectory().resolve("outbox"));
        DeviceIdentity identity = DeviceIdentity.in(connection.identityDirectory());
        if (connection.serverUrl() != null) {
            LivenessClient client = new LivenessClient(connection.serverUrl(), TIMEOUT, Optional.of(identity), connection.trust(),
                    Clock.systemUTC());
            // With keys the kiosk gets its own license, but only when it first needs one: the session's
            // evidence must be in the outbox before anything touches the network.
            Licenses licenses = connection.license() != null ? connection::license
                    : () -> client.authLicense(client.generateToken(connection.accessKey(), connection.secretKey()),
                            licenseLifetime.toSeconds(), connection.applicationId());
            return new KioskService(Optional.empty(), client, licenses, connection.market(), connection.applicationId(), outbox,
                    connection.dataDirectory(), identity, connection.serverUrl().replaceAll("/+$", ""),
                    Optional.ofNullable(connection.enrollmentCode()));
        }
        Path serviceData = connection.dataDirectory().resolve("service");
        LivenessServer server = LivenessServer.open(serviceData, models).start("127.0.0.1", 0);
        Accounts.Local account = server.accounts().local();
        LivenessClient client = new LivenessClient("http://127.0.0.1:" + server.port(), TIMEOUT, identity);
        Licenses licenses = () -> client.authLicense(client.generateToken(account.accessKey(), account.secretKey()),
                licenseLifetime.toSeconds(), account.applicationId());
        return new KioskService(Optional.of(server), client, licenses, account.market(),
                account.applicationId(), outbox, connection.dataDirectory(), identity,
                EMBEDDED + serviceData.toAbsolutePath().normalize(), Optional.empty());
    }

    /** The certificate the standalone service showed over HTTPS, for the console; empty for plain HTTP or the embedded one. */
    public Optional<KioskBackend.ServiceCertificate> certificate() {
        return client.certificate().map(seen -> new KioskBackend.ServiceCertificate(seen.subject(), seen.expires()));
    }

    /** Why the service refused a delivery for good: its own code and message. */
    public static String refusal(UploadQueue.Delivery refused) {
        return "refused by the service: " + refused.failure().serviceCode() + ": " + refused.failure().getMessage();
    }

    /**
     * Sends the sessions still waiting in the outbox, oldest first; the latest result learns its
     * livenessId when it was one of them, or that the service refused it for good.
     */
    public List<UploadQueue.Delivery> sendPending() throws IOException {
        List<UploadQueue.Delivery> deliveries = uploads.retryPending();
        for (UploadQueue.Delivery earlier : deliveries) {
            Optional<LatestResult> latest = earlier.pending() ? Optional.empty() : LatestResult.read(dataDirectory);
            if (latest.isPresent() && earlier.delivered()) {
                latest.get().delivered(earlier.sessionId(), earlier.livenessId()).write(dataDirectory);
            } else if (latest.isPresent()) {
                latest.get().refused(earlier.sessionId(), earlier.failure().error().name(), refusal(earlier)).write(dataDirectory);
            }
        }
        return deliveries;
    }

    /**
     * Keeps this passed session's evidence in the outbox and delivers it.
     *
     * @param sessionId   the kiosk's own id of this session
     * @param challenge   the challenge the session answered
     * @param signatureId the integrator's signatureId for this session, if any
     * @param userId      the customer's own identifier, if any
     * @param documentPortrait the portrait the kiosk captured from the customer's identity card (JPEG), if the operator checked one
     */
    public UploadQueue.Delivery deliver(String sessionId, KioskApi.ChallengeAnswer challenge, SessionOutcome outcome,
                                        Optional<String> signatureId, Optional<String> userId, Optional<byte[]> documentPortrait)
            throws IOException {
        return uploads.submit(request(sessionId, challenge, outcome, signatureId, userId, documentPortrait));
    }

    /** The sessions whose evidence waits in the outbox. */
    List<Outbox.Waiting> waiting() throws IOException {
        return outbox.waiting();
    }

    /** What to tell the operator when the outbox or the latest result cannot be written. */
    /** Why the embedded service scored a delivered session as an attack; nothing from a standalone service, which keeps it. */
    public Optional<String> embeddedAttackReason(String livenessId) {
        return embedded.flatMap(server -> server.attackReason(livenessId));
    }

    public static String cannotKeepData(IOException e) {
        return "This kiosk cannot keep its data (disk full or not writable?): " + e.getMessage();
    }

    /** Checks the license with the service; returns the account's challenge settings. */
    public ChallengeSettings authorize() throws ServiceCallException {
        return authorization().settings();
    }

    /**
     * What the embedded service asks of customers from now on: the console's or the command line's
     * choice. A standalone service's account decides its own challenge (the bank sets it with
     * {@code accounts settings}), so there this returns false and changes nothing.
     */
    public boolean useEmbeddedChallenge(ChallengeSettings challenge) {
        embedded.ifPresent(server -> server.accounts().setSettings(server.accounts().local().accessKey(), challenge));
        return embedded.isPresent();
    }

    /**
     * The challenge for the customer who just started, drawn by the service for this kiosk.
     *
     * @param distanceCm where this kiosk's customers stand, nearest and furthest
     */
    public KioskApi.ChallengeAnswer challenge(double[] distanceCm) throws ServiceCallException {
        return client.challenge(ticket(), new KioskApi.ChallengeRequest(distanceCm[0], distanceCm[1]));
    }

    /** The light step's colours for the challenge: given once, when the step begins. */
    public LightSequence light(String challengeId) throws ServiceCallException {
        return client.light(ticket(), challengeId);
    }

    /**
     * How long the service keeps a customer's data, as its last authorization said; empty before
     * the first, or from a service that does not say. Never calls the service: the welcome screen
     * asks for each customer, and must not wait for an unreachable one.
     */
    public Optional<KioskApi.Keeping> keeping() {
        return Optional.ofNullable(authorization).flatMap(LivenessClient.Authorization::keeping);
    }

    /** The bank's review of those of this kiosk's sessions that the service queued; the others are absent. */
    public List<KioskApi.SessionReview> reviews(List<String> sessionIds) throws ServiceCallException {
        return client.reviews(ticket(), sessionIds);
    }

    /** Until when the service authorizes this kiosk (asking it when the last answer is near its end). */
    Instant authorizedUntil() throws ServiceCallException {
        return Instant.ofEpochMilli(authorization().expiresAt());
    }

    private LivenessClient.Authorization authorization() throws ServiceCallException {
        if (authorization == null || authorization.expiresAt() - TICKET_MARGIN_MS < System.currentTimeMillis()) {
            enrolled();
            if (license == null) {
                license = licenses.license();
            }
            try {
                authorization = client.authorize(license, market, applicationId, VERSION, outboxBacklog());
            } catch (ServiceCallException e) {
                if (e.error() != LivenessError.AUTH_TICKET_DISABLE) {
                    throw e;
                }
                // The license ran out, as a kiosk's own does every hour of a day's work: such a kiosk takes a new one;
                // a license the bank gave comes back the same and stays refused until the operator enters a new one.
                license = licenses.license();
                authorization = client.authorize(license, market, applicationId, VERSION, outboxBacklog());
            }
        }
        return authorization;
    }

    /** The sessions waiting in the outbox, told to the service for the bank's operations team; null when unreadable. */
    private Integer outboxBacklog() {
        try {
            return outbox.waiting().size();
        } catch (IOException e) {
            return null;
        }
    }

    private String ticket() throws ServiceCallException {
        return authorization().ticket();
    }

    /**
     * The upload: the challenge answered, the actions seen, the recording of what was analysed, the
     * best image, the far/near stage's two images when it was run, what the screen showed in the
     * light step when it was run, and the identity card's portrait when the operator had it captured.
     */
    public static UploadRequest request(String sessionId, KioskApi.ChallengeAnswer challenge, SessionOutcome outcome,
                                         Optional<String> signatureId, Optional<String> userId, Optional<byte[]> documentPortrait) {
        Base64.Encoder base64 = Base64.getEncoder();
        List<UploadRequest.Action> claims = claims(outcome.result());
        UploadRequest.FarNear farNear = farNear(outcome).orElse(null);
        List<LightSequence.Shown> light = outcome.result().light().map(SessionResult.LightStep::shown).orElse(null);
        return new UploadRequest(sessionId, challenge.challengeId(), signatureId.orElse(null), userId.orElse(null), VERSION,
                platform(), claims, recording(outcome.recording(), DecisiveSpans.of(claims, farNear, light)),
                base64.encodeToString(outcome.images().get(EvidenceSlot.BEST)), farNear, light,
                documentPortrait.map(base64::encodeToString).orElse(null));
    }

    /** The far/near stage's two images and when the session reached each end, when it had the stage. */
    public static Optional<UploadRequest.FarNear> farNear(SessionOutcome outcome) {
        Base64.Encoder base64 = Base64.getEncoder();
        return outcome.result().farNear().map(stage -> new UploadRequest.FarNear(
                base64.encodeToString(outcome.images().get(EvidenceSlot.FAR)), stage.farAtMs(),
                base64.encodeToString(outcome.images().get(EvidenceSlot.NEAR)), stage.nearAtMs()));
    }

    /** The actions the session saw, as the kiosk claims them to the service. */
    public static List<UploadRequest.Action> claims(SessionResult result) {
        return result.actions().stream().map(action -> new UploadRequest.Action(action.action().name(), action.atMs())).toList();
    }

    /**
     * The frames the session analysed, as the upload carries them: every one where a rule decides,
     * one in {@link DecisiveSpans#QUIET_INTERVAL_MS} elsewhere (what the service would draw of them
     * anyway), so that a customer who took long to find the oval or to act costs the uplink no more.
     */
    public static UploadRequest.Recording recording(SessionRecording recording, DecisiveSpans spans) {
        Base64.Encoder base64 = Base64.getEncoder();
        List<JpegFrames.Encoded> frames = recording.frames();
        List<JpegFrames.Encoded> sent = spans.sent(frames.stream().map(JpegFrames.Encoded::timestampMs).toList()).stream()
                .map(frames::get).toList();
        return new UploadRequest.Recording(sent.stream().map(JpegFrames.Encoded::timestampMs).toList(),
                sent.stream().map(frame -> base64.encodeToString(frame.jpeg())).toList());
    }

    private static String platform() {
        return "kiosk-" + System.getProperty("os.name").toLowerCase().replace(' ', '-');
    }

    /**
     * Signs as the device this kiosk enrolled as with the service; enrols it first when it never did,
     * or when the operator gave a new enrollment code (after the bank revoked the old device). The
     * embedded service enrols its kiosk with a code it makes itself.
     */
    private void enrolled() throws ServiceCallException {
        if (client.deviceId().isPresent()) {
            return;
        }
        try {
            Optional<DeviceIdentity.Enrollment> known = identity.enrollment(serviceName);
            if (embedded.isPresent()) {
                Accounts accounts = embedded.get().accounts();
                String local = accounts.local().accessKey();
                boolean valid = known.isPresent() && accounts.devices(local).stream()
                        .anyMatch(device -> device.id().equals(known.get().deviceId()) && device.revokedAt().isEmpty());
                if (valid) {
                    client.useDevice(known.get().deviceId());
                } else {
                    enrol(accounts.enrollDevice(local).code());
                }
                return;
            }
            boolean newCode = enrollmentCode.isPresent()
                    && !known.map(enrollment -> MessageDigest.isEqual(enrollment.codeDigest().getBytes(StandardCharsets.UTF_8),
                            digest(enrollmentCode.get()).getBytes(StandardCharsets.UTF_8))).orElse(false);
            if (newCode) {
                enrol(enrollmentCode.get());
            } else if (known.isPresent()) {
                client.useDevice(known.get().deviceId());
            } else {
                throw new ServiceCallException(LivenessError.AUTH_IAM_FAILED, "KIOSK_NOT_ENROLLED", notEnrolled(), null);
            }
        } catch (IOException e) {
            throw new ServiceCallException(LivenessError.UNDEFINED, "KIOSK_DATA", cannotKeepData(e), e);
        }
    }

    /**
     * Said before any request: the kiosk has nothing to sign with at this address. Usually a new
     * kiosk; just as often an address mistyped, so the ones it is enrolled with are named beside it.
     */
    private String notEnrolled() throws IOException {
        List<String> others = identity.enrolledWith().stream().filter(name -> !name.startsWith(EMBEDDED)).sorted().toList();
        return "This kiosk is not enrolled with the service at " + serviceName + ": enter the enrollment code from the bank's "
                + "administrator" + (others.isEmpty() ? "" : ", or check the address (it is enrolled with " + String.join(", ", others)
                + ")");
    }

    private void enrol(String code) throws ServiceCallException, IOException {
        String deviceId = client.enroll(code, VERSION);
        identity.enrolled(serviceName, new DeviceIdentity.Enrollment(deviceId, digest(code)));
        authorization = null;
    }

    /** The code as typed, without its dashes, spaces and case: the same code gives the same digest. */
    private static String digest(String code) {
        return Sha256.hex("enrollment-code:" + code.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", ""));
    }

    @Override
    public void close() {
        embedded.ifPresent(LivenessServer::close);
    }
}
