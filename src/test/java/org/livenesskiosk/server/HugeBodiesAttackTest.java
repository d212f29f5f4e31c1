package org.livenesskiosk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livenesskiosk.bench.ServiceProcess;
import org.livenesskiosk.pipeline.SessionOutcome;
import org.livenesskiosk.protocol.KioskApi;
import org.livenesskiosk.protocol.Routes;
import org.livenesskiosk.protocol.UploadRequest;
import org.livenesskiosk.service.DeviceIdentity;
import org.livenesskiosk.service.LivenessClient;
import org.livenesskiosk.service.ServiceCallException;

/**
 * The flood a stranger can send without any key, against {@code serve} in a process of its own as
 * a bank runs it: six 22 MB bodies at once to every route, then six bodies sent in chunks without
 * end. Each is refused within a second, in the envelope, the service's resident memory hardly
 * moves, and an enrolled kiosk's customer is served meanwhile.
 */
class HugeBodiesAttackTest {

    private static final List<String> ROUTES = List.of(Routes.GENERATE_TOKEN, Routes.AUTH_LICENSE, Routes.GENERATE_SIGNATURE_ID,
            Routes.DETECTION_RESULT, Routes.DELETE_RESULT, Routes.KIOSK_ENROLL, Routes.KIOSK_AUTHORIZE, Routes.KIOSK_CHALLENGE,
            Routes.KIOSK_UPLOAD, Routes.FACE_COMPARE);
    private static final int AT_ONCE = 6;
    /** A customer asks a busy service this many times, five seconds apart, before the test gives up on it. */
    private static final int BUSY_ATTEMPTS = 6;
    private static final int HUGE_BYTES = 22 << 20;
    /** What an endless chunked body sends before the test gives up on it: more than any route's cap. */
    private static final long ENDLESS_BYTES = 30L << 20;
    private static final long MAX_ANSWER_MS = 1_000;
    private static final long MAX_GROWTH_MB = 50;

    @TempDir
    Path data;

    private ServiceProcess service;
    private int port;

    @BeforeEach
    void startTheService() throws Exception {
        // The whole heap is resident from the start: the flood's garbage touching heap pages for the first time is no memory
        // held, and the cap bounds the heap anyway. What the flood could hold beyond it (threads, buffers, native memory) shows.
        service = ServiceProcess.start(data, List.of("-Xms384m", "-XX:+AlwaysPreTouch"));
        port = service.port();
    }

    @AfterEach
    void stopTheService() throws InterruptedException {
        service.close();
    }

    /** The code of the service's envelope and how long the answer took, for one raw request. */
    private record Answer(String code, long ms) {
    }

    @Test
    void hugeAndEndlessBodiesOnEveryRouteAreRefusedAtOnceAndHoldNoMemory() throws Exception {
        Accounts accounts = Accounts.open(data, Optional.empty());
        Accounts.Created account = accounts.create("Bank", "TEST");
        accounts.addApplication(account.accessKey(), TestAccount.APPLICATION_ID);
        accounts.setSettings(account.accessKey(), LivenessServiceTest.MOUTH_ONLY);
        LivenessClient kiosk = new LivenessClient("http://127.0.0.1:" + port, Duration.ofSeconds(30),
                DeviceIdentity.in(data.resolve("kiosk")));
        String deviceId = kiosk.enroll(accounts.enrollDevice(account.accessKey()).code(), "0.1.0");
        SessionOutcome genuine = RecordedSessions.mouthSession();
        String token = kiosk.generateToken(account.accessKey(), account.secretKey());
        String license = kiosk.authLicense(token, 600, TestAccount.APPLICATION_ID);
        Callable<String> customer = () -> {
            String ticket = kiosk.authorize(license, account.market(), TestAccount.APPLICATION_ID, "0.1.0").ticket();
            KioskApi.ChallengeAnswer challenge = kiosk.challenge(ticket, new KioskApi.ChallengeRequest(15, 120));
            UploadRequest upload = RecordedSessions.upload(genuine, challenge, null, null);
            // As a kiosk's upload queue does: a busy service is asked again after its Retry-After (a loaded machine's check
            // of the other customer may outlast the busy wait).
            for (int attempt = 1; ; attempt++) {
                try {
                    return kiosk.upload(ticket, upload).livenessId();
                } catch (ServiceCallException e) {
                    if (!e.serviceCode().equals("SERVICE_BUSY") || attempt == BUSY_ATTEMPTS) {
                        throw e;
                    }
                    Thread.sleep(TimeUnit.SECONDS.toMillis(KioskRoutes.RETRY_AFTER_SECONDS));
                }
            }
        };
        ExecutorService attackers = Executors.newFixedThreadPool(AT_ONCE);
        List<String> failures = new ArrayList<>();
        try {
            // Customers on each of the service's analysers load every model a check needs and reach the memory two checks at once
            // take: what the flood adds is measured from that peak, so the customer served during the flood adds nothing of its own.
            List<Future<String>> warmUp = List.of(attackers.submit(customer), attackers.submit(customer));
            for (Future<String> served : warmUp) {
                served.get(120, TimeUnit.SECONDS);
            }
            long residentBefore = service.residentMb("VmHWM");
            Future<String> customerDuringTheFlood = Executors.newSingleThreadExecutor().submit(customer);
            for (String route : ROUTES) {
                for (boolean chunked : new boolean[] {false, true}) {
                    List<Future<Answer>> answers = new ArrayList<>();
                    for (int i = 0; i < AT_ONCE; i++) {
                        // Half the kiosk-route attackers claim to be the enrolled kiosk: a device id is no secret.
                        Map<String, String> headers = route.startsWith(Routes.KIOSK_PREFIX) && i % 2 == 1
                                ? Map.of("X-KIOSK-DEVICE", deviceId, "X-KIOSK-TIMESTAMP", String.valueOf(System.currentTimeMillis()),
                                        "X-KIOSK-NONCE", "n" + i + chunked, "X-KIOSK-SIGNATURE", "AAAA", "X-KIOSK-TICKET", "guessed")
                                : Map.of();
                        answers.add(attackers.submit(() -> send(route, headers, chunked)));
                    }
                    for (Future<Answer> answer : answers) {
                        Answer refused = answer.get(30, TimeUnit.SECONDS);
                        if (refused.ms() > MAX_ANSWER_MS || refused.code().equals("SUCCESS") || refused.code().isEmpty()) {
                            failures.add(route + (chunked ? " chunked" : "") + ": " + refused);
                        }
                    }
                }
            }
            assertTrue(failures.isEmpty(), String.join("\n", failures));
            assertTrue(customerDuringTheFlood.get(120, TimeUnit.SECONDS).length() > 10, "the enrolled kiosk's customer got a livenessId");
            long residentPeak = service.residentMb("VmHWM");
            System.out.println("flood: resident peak " + residentBefore + " MB before, " + residentPeak + " MB after");
            assertTrue(residentPeak - residentBefore < MAX_GROWTH_MB, "the resident peak grew from " + residentBefore + " MB to "
                    + residentPeak + " MB");
        } finally {
            attackers.shutdownNow();
        }
    }

    /**
     * A POST of a JSON array of 22 MB (declared), or sent in chunks until the service answers, over a
     * raw socket: the answer is read while the body is still being written.
     */
    private Answer send(String route, Map<String, String> headers, boolean chunked) throws Exception {
        long start = System.nanoTime();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            StringBuilder head = new StringBuilder("POST " + route + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + HUGE_BYTES + "\r\n").append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            Thread writer = new Thread(() -> writeBody(out, chunked));
            writer.setDaemon(true);
            writer.start();
            String answer = readAnswer(socket.getInputStream());
            long ms = (System.nanoTime() - start) / 1_000_000;
            Matcher code = Pattern.compile("\"code\":\"([A-Z_]+)\"").matcher(answer);
            return new Answer(code.find() ? code.group(1) : "", ms);
        }
    }

    /** The body, until it is all sent or the service stops reading. */
    private static void writeBody(OutputStream out, boolean chunked) {
        byte[] values = new byte[64 << 10];
        Arrays.fill(values, (byte) '1');
        for (int i = 1; i < values.length; i += 2) {
            values[i] = ',';
        }
        try {
            out.write(chunked ? "1\r\n[\r\n".getBytes(StandardCharsets.US_ASCII) : new byte[] {'['});
            for (long sent = 0; sent < (chunked ? ENDLESS_BYTES : HUGE_BYTES - 1); sent += values.length) {
                if (chunked) {
                    out.write((Integer.toHexString(values.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write(values);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
            }
        } catch (IOException stoppedReading) {
            // The service answered and closed: what an attacker sees.
        }
    }

    /** The status line, headers and body of the answer, as far as it came. */
    private static String readAnswer(InputStream in) throws IOException {
        StringBuilder answer = new StringBuilder();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            int headEnd = answer.indexOf("\r\n\r\n");
            Matcher length = Pattern.compile("(?i)content-length: (\\d+)").matcher(answer);
            if (headEnd >= 0 && length.find() && answer.length() >= headEnd + 4 + Integer.parseInt(length.group(1))) {
                break;
            }
        }
        return answer.toString();
    }
}
