package org.livenesskiosk.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.livenesskiosk.liveness.LivenessError;
import org.livenesskiosk.protocol.UploadRequest;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;

/** Every way the service can fail the client, injected by a fault-injecting server, maps to its public code. */
class LivenessClientFaultsTest {

    private static final UploadRequest EVIDENCE = new UploadRequest("session-1", "challenge-1", null, null, "0.1.0", "kiosk-linux",
            List.of(), new UploadRequest.Recording(List.of(), List.of()), "");

    private MockWebServer service;
    private LivenessClient client;

    @BeforeEach
    void start() throws IOException {
        service = new MockWebServer();
        service.start();
        client = new LivenessClient(service.url("/").toString(), Duration.ofMillis(500));
    }

    @AfterEach
    void stop() throws IOException {
        service.shutdown();
    }

    private ServiceCallException authorizeFails() {
        return assertThrows(ServiceCallException.class, () -> client.authorize("license", "ID", "app", "0.1.0"));
    }

    private ServiceCallException uploadFails() {
        return assertThrows(ServiceCallException.class, () -> client.upload("ticket", EVIDENCE));
    }

    @Test
    void anUnreachableServiceIsABadNetwork() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        client = new LivenessClient("http://127.0.0.1:" + closedPort, Duration.ofMillis(500));

        assertEquals(LivenessError.AUTH_BAD_NETWORK, authorizeFails().error());
        assertEquals(LivenessError.CHECKING_BAD_NETWORK, uploadFails().error());
    }

    @Test
    void noAnswerInTimeIsNoResponse() {
        service.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        assertEquals(LivenessError.NO_RESPONSE, uploadFails().error());
    }

    @Test
    void aBodyThatTricklesTooSlowlyIsNoResponse() {
        service.enqueue(new MockResponse().setBody("{\"code\":\"SUCCESS\",\"data\":{\"livenessId\":\"x\"}}")
                .throttleBody(4, 1, TimeUnit.SECONDS));
        assertEquals(LivenessError.NO_RESPONSE, uploadFails().error());
    }

    @Test
    void aConnectionResetMidUploadIsABadNetwork() {
        service.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_DURING_REQUEST_BODY));
        assertEquals(LivenessError.CHECKING_BAD_NETWORK, uploadFails().error());
    }

    @Test
    void anHttpErrorIsUndefinedWithItsStatus() {
        service.enqueue(new MockResponse().setResponseCode(500).setBody("Internal Server Error"));
        ServiceCallException failure = uploadFails();
        assertEquals(LivenessError.UNDEFINED, failure.error());
        assertEquals("HTTP_500", failure.serviceCode());
    }

    @Test
    void garbageIsUndefined() {
        service.enqueue(new MockResponse().setBody("<html>proxy login</html>"));
        ServiceCallException failure = authorizeFails();
        assertEquals(LivenessError.UNDEFINED, failure.error());
        assertEquals("GARBAGE", failure.serviceCode());
    }

    @Test
    void aSuccessWithoutItsDataIsUndefined() {
        service.enqueue(new MockResponse().setBody("{\"code\":\"SUCCESS\",\"data\":{\"livenessId\":{}}}"));
        ServiceCallException failure = uploadFails();
        assertEquals(LivenessError.UNDEFINED, failure.error());
        assertEquals("GARBAGE", failure.serviceCode());
    }

    @Test
    void theAuthCodesArePassedOnAsTheyCame() {
        for (LivenessError code : List.of(LivenessError.AUTH_PARAMETER_ERROR, LivenessError.AUTH_IAM_FAILED,
                LivenessError.AUTH_TICKET_DISABLE, LivenessError.AUTH_ACCOUNT_ACCESS_DENIED)) {
            service.enqueue(new MockResponse().setBody("{\"code\":\"" + code + "\",\"message\":\"no\"}"));
            assertEquals(code, authorizeFails().error());
        }
    }

    /** Refusals a kiosk cannot bring about against the real service (a token refused just after it was issued, a clock off). */
    @Test
    void theOpenApisRefusalsOfTheAuthorizingCallsAreTheirAuthCodes() {
        assertEquals(LivenessError.AUTH_PARAMETER_ERROR, refusal("PARAMETER_ERROR", () -> client.generateToken("key", "secret")));
        assertEquals(LivenessError.AUTH_TICKET_DISABLE, refusal("IAM_FAILED", () -> client.authLicense("token", 600, "app")));
        assertEquals(LivenessError.AUTH_ACCOUNT_ACCESS_DENIED, refusal("ACCOUNT_DISABLED", () -> client.authLicense("token", 600, "app")));
        // A session's upload refused for a locked kiosk is barred as its authorization is; a code no call's map
        // names is the service's own, shown as it came.
        assertEquals(LivenessError.AUTH_ACCOUNT_ACCESS_DENIED, refusal("DEVICE_LOCKED", () -> client.upload("ticket", EVIDENCE)));
        assertEquals(LivenessError.UNDEFINED, refusal("IAM_FAILED", () -> client.upload("ticket", EVIDENCE)));
        assertEquals(LivenessError.UNDEFINED, refusal("IAM_FAILED", () -> client.result("token", "livenessId", "l")));
    }

    private LivenessError refusal(String code, Executable call) {
        service.enqueue(new MockResponse().setBody("{\"code\":\"" + code + "\",\"message\":\"no\"}"));
        ServiceCallException refused = assertThrows(ServiceCallException.class, call);
        assertEquals(code, refused.serviceCode());
        return refused.error();
    }

    @Test
    void aCodeTheKioskDoesNotKnowIsShownAsItCame() {
        service.enqueue(new MockResponse().setBody("{\"code\":\"SERVICE_BUSY\",\"message\":\"Try again in 30 s\"}"));
        ServiceCallException failure = uploadFails();
        assertEquals(LivenessError.UNDEFINED, failure.error());
        assertEquals("SERVICE_BUSY", failure.serviceCode());
        assertEquals("Try again in 30 s", failure.getMessage());
    }
}
