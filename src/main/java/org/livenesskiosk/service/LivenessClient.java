package org.livenesskiosk.service;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongFunction;

import javax.net.ssl.SSLException;

import org.livenesskiosk.liveness.LightSequence;
import org.livenesskiosk.liveness.LivenessError;
import org.livenesskiosk.protocol.ChallengeSettings;
import org.livenesskiosk.protocol.Headers;
import org.livenesskiosk.protocol.KioskApi;
import org.livenesskiosk.protocol.OpenApi;
import org.livenesskiosk.protocol.RequestSignature;
import org.livenesskiosk.protocol.Routes;
import org.livenesskiosk.protocol.TokenSignature;
import org.livenesskiosk.protocol.UploadRequest;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The liveness service's calls, as the mobile SDK makes them. Thread-safe; one per kiosk.
 * Never call it on the UI thread. Every kiosk call is signed with the kiosk's {@link DeviceIdentity}
 * ({@link RequestSignature}); a client made without one speaks the open API only.
 */
public final class LivenessClient {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final Gson GSON = new Gson();
    private static final Set<String> AUTH_CODES = Set.of("AUTH_PARAMETER_ERROR", "AUTH_IAM_FAILED", "AUTH_TICKET_DISABLE",
            "AUTH_ACCOUNT_ACCESS_DENIED");
    /*
     * What the open API's own refusals of the calls that authorize a kiosk mean to its operator, as
     * the mobile SDK reports them (ERROR_CODES.md): the key, its signature or a parameter wrong is
     * AUTH_PARAMETER_ERROR, a token no longer accepted AUTH_TICKET_DISABLE, an account or kiosk
     * barred AUTH_ACCOUNT_ACCESS_DENIED; for a session's challenge and upload, a challenge past its
     * time or unknown is AUTH_TICKET_DISABLE, and a field refused (a signatureId unknown or already
     * used, say) AUTH_PARAMETER_ERROR. A refusal no map names is UNDEFINED with the service's code
     * beside it.
     */
    private static final Map<String, LivenessError> TOKEN_REFUSALS = Map.of("PARAMETER_ERROR", LivenessError.AUTH_PARAMETER_ERROR,
            "IAM_FAILED", LivenessError.AUTH_PARAMETER_ERROR, "ACCOUNT_DISABLED", LivenessError.AUTH_ACCOUNT_ACCESS_DENIED);
    private static final Map<String, LivenessError> LICENSE_REFUSALS = Map.of("PARAMETER_ERROR", LivenessError.AUTH_PARAMETER_ERROR,
            "IAM_FAILED", LivenessError.AUTH_TICKET_DISABLE, "ACCOUNT_DISABLED", LivenessError.AUTH_ACCOUNT_ACCESS_DENIED);
    private static final Map<String, LivenessError> KIOSK_REFUSALS = Map.of("PARAMETER_ERROR", LivenessError.AUTH_PARAMETER_ERROR,
            "DEVICE_LOCKED", LivenessError.AUTH_ACCOUNT_ACCESS_DENIED);
    private static final Map<String, LivenessError> SESSION_REFUSALS = Map.of("PARAMETER_ERROR", LivenessError.AUTH_PARAMETER_ERROR,
            "CHALLENGE_EXPIRED", LivenessError.AUTH_TICKET_DISABLE, "CHALLENGE_INVALID", LivenessError.AUTH_TICKET_DISABLE,
            "DEVICE_LOCKED", LivenessError.AUTH_ACCOUNT_ACCESS_DENIED);

    /**
     * The answer to an authorization: the ticket uploads carry, the challenge the service asks for,
     * and how long it keeps a customer's data (empty from an older service that does not say).
     */
    public record Authorization(String ticket, long expiresAt, ChallengeSettings settings, Optional<KioskApi.Keeping> keeping) {
        @Override
        public String toString() {
            return "Authorization[expiresAt=" + expiresAt + "]";
        }
    }

    /**
     * A result as the integrator's back end reads it.
     *
     * @param detectionResult the best image: base64 JPEG, or a link to it, as asked
     * @param auditImage      a frame from the actions, for a person reviewing the result: as the best image */
    public record Result(String livenessId, int livenessScore, String attackType, String detectionResult, String auditImage,
                         String imageFarUrl, Long farImageTime, String imageNearUrl, Long nearImageTime, String lightCheck) {
    }

    /**
     * The service's certificate as this client last saw it, for the operator's console.
     *
     * @param subject who the certificate names
     * @param expires when it stops being valid
     */
    public record ServiceCertificate(String subject, Instant expires) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    /** The last token request's timestamp: the service takes each signed token request once, so no two share one. */
    private static final AtomicLong LAST_TOKEN_TIMESTAMP = new AtomicLong();

    private final HttpUrl baseUrl;
    private final OkHttpClient http;
    private final Optional<DeviceIdentity> identity;
    private final Clock clock;
    /**
     * How far the service's clock is ahead of this kiosk's, learnt from each answer's
     * {@link Headers#SERVICE_TIME}: the kiosk signs with its own time corrected by it.
     */
    private final AtomicLong clockOffsetMs = new AtomicLong();
    private volatile Optional<ServiceCertificate> certificate = Optional.empty();
    /** The service's id of this kiosk, once enrolled. */
    private volatile String deviceId;
    /** Told which node of a fleet answered each call ({@link Headers#NODE}), when the answer names one. */
    private volatile Consumer<String> answeredBy = node -> { };

    /** A client of the open API only: its kiosk calls go unsigned, and the service refuses them. */
    public LivenessClient(String baseUrl, Duration timeout) {
        this(baseUrl, timeout, Optional.empty(), ServiceTrust.SYSTEM, Clock.systemUTC());
    }

    /** A kiosk's client, signing its kiosk calls with {@code identity}; enrol it, or name its device, before them. */
    public LivenessClient(String baseUrl, Duration timeout, DeviceIdentity identity) {
        this(baseUrl, timeout, Optional.of(identity), ServiceTrust.SYSTEM, Clock.systemUTC());
    }

    /**
     * A client trusting the service as {@code trust} says, on this kiosk's {@code clock}.
     *
     * @throws IllegalArgumentException when the URL or the trust cannot be used, with a sentence saying why
     */
    public LivenessClient(String baseUrl, Duration timeout, Optional<DeviceIdentity> identity, ServiceTrust trust, Clock clock) {
        HttpUrl url = HttpUrl.parse(baseUrl);
        if (url == null) {
            throw new IllegalArgumentException("The service's address must be an http:// or https:// URL, not " + baseUrl);
        }
        this.baseUrl = url;
        this.http = trust.apply(url, new OkHttpClient.Builder()).connectTimeout(timeout).readTimeout(timeout).writeTimeout(timeout)
                .callTimeout(timeout.multipliedBy(3)).build();
        this.identity = identity;
        this.clock = clock;
    }

    /** The service's certificate from the last answer over HTTPS; empty over plain HTTP or before any answer. */
    public Optional<ServiceCertificate> certificate() {
        return certificate;
    }

    /** This kiosk's time, corrected to the service's. */
    private long now() {
        return clock.millis() + clockOffsetMs.get();
    }

    /**
     * Enrols this kiosk with the one-time code the bank's administrator made; from then on its calls
     * are signed as the device the service names.
     *
     * @return the service's id of this kiosk
     */
    public String enroll(String enrollmentCode, String version) throws ServiceCallException {
        DeviceIdentity kiosk = identity.orElseThrow(() -> new IllegalStateException("A client without a device key cannot enrol"));
        KioskApi.EnrollAnswer answer = call(Routes.KIOSK_ENROLL, Map.of(),
                new KioskApi.EnrollRequest(enrollmentCode, kiosk.publicKey(), version), KioskApi.EnrollAnswer.class,
                LivenessError.AUTH_BAD_NETWORK, KIOSK_REFUSALS);
        deviceId = required(answer.deviceId(), "deviceId");
        return deviceId;
    }

    /** Signs the kiosk calls as this device, enrolled before. */
    public void useDevice(String enrolledDeviceId) {
        this.deviceId = enrolledDeviceId;
    }

    public Optional<String> deviceId() {
        return Optional.ofNullable(deviceId);
    }

    /** The open API's token (server to server): what an integrator's back end does with its keys. */
    public String generateToken(String accessKey, String secretKey) throws ServiceCallException {
        LongFunction<Object> request = now -> {
            long timestamp = LAST_TOKEN_TIMESTAMP.updateAndGet(last -> Math.max(last + 1, now));
            return new OpenApi.TokenRequest(accessKey, timestamp, TokenSignature.of(accessKey, secretKey, timestamp), null);
        };
        return required(call(Routes.GENERATE_TOKEN, Map.of(), request, OpenApi.TokenAnswer.class, LivenessError.AUTH_BAD_NETWORK,
                TOKEN_REFUSALS).token(), "token");
    }

    public String authLicense(String token, long effectiveSeconds, String applicationIds) throws ServiceCallException {
        return required(call(Routes.AUTH_LICENSE, Map.of(Headers.ACCESS_TOKEN, token),
                new OpenApi.LicenseRequest(effectiveSeconds, applicationIds), OpenApi.LicenseAnswer.class,
                LivenessError.AUTH_BAD_NETWORK, LICENSE_REFUSALS).license(), "license");
    }

    public String generateSignatureId(String token) throws ServiceCallException {
        return required(call(Routes.GENERATE_SIGNATURE_ID, Map.of(Headers.ACCESS_TOKEN, token), Map.of(),
                OpenApi.SignatureIdAnswer.class, LivenessError.AUTH_BAD_NETWORK, Map.of()).signatureId(), "signatureId");
    }

    /** Tells {@code listener} the node of a fleet that answered each call from now on: for load tests and operators. */
    public void onAnswer(Consumer<String> listener) {
        this.answeredBy = listener;
    }

    /** The kiosk's authorization with its license: a ticket for uploads, and the challenge settings. */
    public Authorization authorize(String license, String market, String applicationId, String version)
            throws ServiceCallException {
        return authorize(license, market, applicationId, version, null);
    }

    /** The authorization, telling the service how many sessions wait in this kiosk's outbox. */
    public Authorization authorize(String license, String market, String applicationId, String version, Integer outboxBacklog)
            throws ServiceCallException {
        KioskApi.AuthorizeAnswer answer = call(Routes.KIOSK_AUTHORIZE, Map.of(),
                new KioskApi.AuthorizeRequest(license, market, applicationId, version, outboxBacklog), KioskApi.AuthorizeAnswer.class,
                LivenessError.AUTH_BAD_NETWORK, KIOSK_REFUSALS);
        ChallengeSettings settings = answer.settings();
        if (settings == null || settings.actions() == null || settings.level() == null) {
            settings = ChallengeSettings.defaults();
        }
        return new Authorization(required(answer.ticket(), "ticket"), answer.expireTimestamp(), settings,
                Optional.ofNullable(answer.keeping()));
    }

    /** The challenge for a customer who just pressed Start: the plan the kiosk must ask for, drawn by the service. */
    public KioskApi.ChallengeAnswer challenge(String ticket, KioskApi.ChallengeRequest request) throws ServiceCallException {
        KioskApi.ChallengeAnswer answer = call(Routes.KIOSK_CHALLENGE, Map.of(Headers.KIOSK_TICKET, ticket), request,
                KioskApi.ChallengeAnswer.class, LivenessError.AUTH_BAD_NETWORK, SESSION_REFUSALS);
        required(answer.challengeId(), "challengeId");
        try {
            answer.toConfig();
        } catch (RuntimeException e) {
            throw new ServiceCallException(LivenessError.UNDEFINED, "GARBAGE", "The service's challenge is malformed", e);
        }
        return answer;
    }

    /**
     * The light step's colours, which the service gives once per challenge, now that the step has
     * begun: each at least {@link LightSequence#MIN_HOLD_MS} (the screen must never flash faster), at
     * most {@link LightSequence#MAX_FLASHES} of them.
     */
    public LightSequence light(String ticket, String challengeId) throws ServiceCallException {
        KioskApi.LightAnswer answer = call(Routes.KIOSK_LIGHT, Map.of(Headers.KIOSK_TICKET, ticket),
                new KioskApi.LightRequest(challengeId), KioskApi.LightAnswer.class, LivenessError.AUTH_BAD_NETWORK, SESSION_REFUSALS);
        List<LightSequence.Flash> flashes = answer.flashes();
        if (flashes == null || flashes.isEmpty() || flashes.size() > LightSequence.MAX_FLASHES || flashes.stream()
                .anyMatch(flash -> flash == null || flash.durationMs() < LightSequence.MIN_HOLD_MS
                        || flash.durationMs() > LightSequence.MAX_HOLD_MS)) {
            throw new ServiceCallException(LivenessError.UNDEFINED, "GARBAGE", "The service's light step is malformed", null);
        }
        return new LightSequence(flashes);
    }

    /**
     * Uploads a session's evidence (see {@link UploadRequest}); the same session uploaded twice gives
     * the same livenessId and verdict.
     */
    public KioskApi.UploadAnswer upload(String ticket, UploadRequest evidence) throws ServiceCallException {
        Map<String, String> headers = evidence.sessionId() == null || evidence.challengeId() == null
                ? Map.of(Headers.KIOSK_TICKET, ticket)
                : Map.of(Headers.KIOSK_TICKET, ticket, Headers.KIOSK_SESSION, evidence.sessionId(), Headers.KIOSK_CHALLENGE,
                        evidence.challengeId());
        KioskApi.UploadAnswer answer = call(Routes.KIOSK_UPLOAD, headers, evidence, KioskApi.UploadAnswer.class,
                LivenessError.CHECKING_BAD_NETWORK, SESSION_REFUSALS);
        required(answer.livenessId(), "livenessId");
        if (answer.verdict() == null) {
            throw new ServiceCallException(LivenessError.UNDEFINED, "GARBAGE", "The service's answer lacks verdict", null);
        }
        return answer;
    }

    /**
     * The bank's review of the kiosk's own sessions that the service left to a person, by session id
     * (at most {@link KioskApi.ReviewsRequest#MAX_REVIEWS}); the sessions it does not answer for are
     * absent.
     */
    public List<KioskApi.SessionReview> reviews(String ticket, List<String> sessionIds) throws ServiceCallException {
        KioskApi.ReviewsAnswer answer = call(Routes.KIOSK_REVIEWS, Map.of(Headers.KIOSK_TICKET, ticket),
                new KioskApi.ReviewsRequest(sessionIds), KioskApi.ReviewsAnswer.class, LivenessError.AUTH_BAD_NETWORK, SESSION_REFUSALS);
        if (answer.reviews().stream().anyMatch(review -> review.sessionId() == null || review.status() == null)) {
            throw new ServiceCallException(LivenessError.UNDEFINED, "GARBAGE", "The service's reviews are malformed", null);
        }
        return answer.reviews();
    }

    /** The result by livenessId, or by signatureId when the integrator never saw the livenessId; the image inline. */
    public Result result(String token, String field, String id) throws ServiceCallException {
        return result(token, field, id, OpenApi.ResultRequest.IMAGE_BASE64);
    }

    /**
     * @param field      {@code livenessId} or {@code signatureId}
     * @param resultType {@code IMAGE_BASE64} for the image inline, {@code IMAGE_URL} for a short-lived link to it
     */
    public Result result(String token, String field, String id, String resultType) throws ServiceCallException {
        OpenApi.ResultRequest request = field.equals("signatureId") ? new OpenApi.ResultRequest(null, id, resultType)
                : new OpenApi.ResultRequest(id, null, resultType);
        OpenApi.ResultAnswer answer = call(Routes.DETECTION_RESULT, Map.of(Headers.ACCESS_TOKEN, token), request,
                OpenApi.ResultAnswer.class, LivenessError.AUTH_BAD_NETWORK, Map.of());
        return new Result(required(answer.livenessId(), "livenessId"), answer.livenessScore(), answer.attackType(),
                answer.detectionResult(), answer.auditImageUrl(), answer.imageFarUrl(), answer.farImageTime(), answer.imageNearUrl(),
                answer.nearImageTime(), answer.lightCheck());
    }

    /** The face on an identity document (base64 JPEG or PNG) compared with the session's best image. */
    public OpenApi.CompareAnswer compare(String token, String livenessId, String documentImage) throws ServiceCallException {
        OpenApi.CompareAnswer answer = call(Routes.FACE_COMPARE, Map.of(Headers.ACCESS_TOKEN, token),
                new OpenApi.CompareRequest(livenessId, documentImage), OpenApi.CompareAnswer.class, LivenessError.AUTH_BAD_NETWORK, Map.of());
        required(answer.livenessId(), "livenessId");
        return answer;
    }

    private <T> T call(String path, Map<String, String> headers, Object body, Class<T> answer, LivenessError networkError,
                       Map<String, LivenessError> refusals) throws ServiceCallException {
        return call(path, headers, now -> body, answer, networkError, refusals);
    }

    /**
     * Sends the call; when the service refused it because this kiosk's clock was off (the answer's
     * time is further from the request's than the service allows), once more, signed at the
     * service's time.
     *
     * @param bodyAt   the body for a request made at the given (corrected) time: a token request signs its time
     * @param refusals what the service's own codes mean for this call, besides the AUTH_* codes it
     *                 answers as they are
     */
    private <T> T call(String path, Map<String, String> headers, LongFunction<Object> bodyAt, Class<T> answer,
                       LivenessError networkError, Map<String, LivenessError> refusals) throws ServiceCallException {
        try {
            return send(path, headers, bodyAt, answer, networkError, refusals);
        } catch (ClockOff off) {
            try {
                return send(path, headers, bodyAt, answer, networkError, refusals);
            } catch (ClockOff again) {
                throw again.refusal;
            }
        }
    }

    /** A refusal of a request whose time the service found too far from its own. */
    private static final class ClockOff extends Exception {
        private final ServiceCallException refusal;

        ClockOff(ServiceCallException refusal) {
            super(refusal.getMessage(), null, false, false);
            this.refusal = refusal;
        }
    }

    private <T> T send(String path, Map<String, String> headers, LongFunction<Object> bodyAt, Class<T> answer,
                       LivenessError networkError, Map<String, LivenessError> refusals) throws ServiceCallException, ClockOff {
        HttpUrl url = baseUrl.resolve(path);
        long sentAt = clock.millis();
        long signedAt = now();
        byte[] bytes = GSON.toJson(bodyAt.apply(signedAt)).getBytes(StandardCharsets.UTF_8);
        Request.Builder request = new Request.Builder().url(url).post(RequestBody.create(bytes, JSON));
        headers.forEach(request::header);
        if (path.startsWith(Routes.KIOSK_PREFIX)) {
            sign(request, url, bytes, signedAt, path.equals(Routes.KIOSK_ENROLL));
        }
        try (Response response = http.newCall(request.build()).execute()) {
            Optional.ofNullable(response.header(Headers.NODE)).ifPresent(answeredBy);
            OptionalLong serviceTime = learnTheTime(response, sentAt);
            seenCertificate(response);
            String text = response.body() == null ? "" : response.body().string();
            if (!response.isSuccessful()) {
                throw new ServiceCallException(LivenessError.UNDEFINED, "HTTP_" + response.code(),
                        "The service answered HTTP " + response.code(), null);
            }
            JsonObject envelope = parse(text);
            String code = envelope.has("code") && envelope.get("code").isJsonPrimitive() ? envelope.get("code").getAsString() : "";
            String message = envelope.has("message") && envelope.get("message").isJsonPrimitive()
                    ? envelope.get("message").getAsString() : "";
            if (!code.equals("SUCCESS")) {
                LivenessError error = AUTH_CODES.contains(code) ? LivenessError.valueOf(code)
                        : refusals.getOrDefault(code, LivenessError.UNDEFINED);
                ServiceCallException refusal = new ServiceCallException(error, code, message, null);
                if (serviceTime.isPresent() && Math.abs(serviceTime.getAsLong() - signedAt) > RequestSignature.MAX_CLOCK_SKEW_MS) {
                    throw new ClockOff(refusal);
                }
                throw refusal;
            }
            JsonElement data = envelope.get("data");
            if (data == null || !data.isJsonObject()) {
                throw new ServiceCallException(LivenessError.UNDEFINED, "GARBAGE", "The service's answer has no data", null);
            }
            return GSON.fromJson(data, answer);
        } catch (JsonParseException e) {
            throw new ServiceCallException(LivenessError.UNDEFINED, "GARBAGE", "The service's answer is malformed", e);
        } catch (InterruptedIOException e) {
            throw new ServiceCallException(LivenessError.NO_RESPONSE, LivenessError.NO_RESPONSE.name(),
                    "The service at " + baseUrl + " did not answer in time", e);
        } catch (SSLException e) {
            throw new ServiceCallException(networkError, networkError.name(), CertificateProblem.describe(url, e), e);
        } catch (IOException e) {
            throw new ServiceCallException(networkError, networkError.name(), "The service at " + baseUrl + " cannot be reached: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The service's clock from its answer, and this kiosk's offset from it: the service's time less
     * the middle of the round trip on this kiosk's clock.
     */
    private OptionalLong learnTheTime(Response response, long sentAt) {
        String header = response.header(Headers.SERVICE_TIME);
        if (header == null) {
            return OptionalLong.empty();
        }
        try {
            long serviceTime = Long.parseLong(header.strip());
            clockOffsetMs.set(serviceTime - (sentAt + clock.millis()) / 2);
            return OptionalLong.of(serviceTime);
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private void seenCertificate(Response response) {
        if (response.handshake() != null && !response.handshake().peerCertificates().isEmpty()
                && response.handshake().peerCertificates().get(0) instanceof X509Certificate served) {
            certificate = Optional.of(new ServiceCertificate(served.getSubjectX500Principal().getName(),
                    served.getNotAfter().toInstant()));
        }
    }

    /** Signs a kiosk call ({@link RequestSignature}); left unsigned by a client with no device key. */
    private void sign(Request.Builder request, HttpUrl url, byte[] body, long timestamp, boolean enrolment) {
        if (identity.isEmpty()) {
            return;
        }
        String device = enrolment ? "" : Optional.ofNullable(deviceId).orElse("");
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String nonce = HexFormat.of().formatHex(random);
        String target = url.encodedPath() + (url.encodedQuery() == null ? "" : "?" + url.encodedQuery());
        byte[] signature = identity.get().sign(RequestSignature.message("POST", target, device, timestamp, nonce, body));
        if (!device.isEmpty()) {
            request.header(Headers.KIOSK_DEVICE, device);
        }
        if (enrolment) {
            request.header(Headers.KIOSK_PUBLIC_KEY, identity.get().publicKey());
        }
        request.header(Headers.KIOSK_TIMESTAMP, Long.toString(timestamp))
                .header(Headers.KIOSK_NONCE, nonce)
                .header(Headers.KIOSK_SIGNATURE, Base64.getEncoder().encodeToString(signature));
    }

    private static String required(String value, String field) throws ServiceCallException {
        if (value == null) {
            throw new ServiceCallException(LivenessError.UNDEFINED, "GARBAGE", "The service's answer lacks " + field, null);
        }
        return value;
    }

    private static JsonObject parse(String text) throws ServiceCallException {
        try {
            return JsonParser.parseString(text).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new ServiceCallException(LivenessError.UNDEFINED, "GARBAGE", "The service answered something that is not its JSON", e);
        }
    }
}
