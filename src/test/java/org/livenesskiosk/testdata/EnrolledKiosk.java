package org.livenesskiosk.testdata;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.livenesskiosk.server.LivenessServer;
import org.livenesskiosk.server.TestAccount;
import org.livenesskiosk.service.DeviceIdentity;
import org.livenesskiosk.service.LivenessClient;
import org.livenesskiosk.service.ServiceCallException;

/** A kiosk's client as the tests make one by hand: its key pair in a folder, enrolled with a code the service made. */
public final class EnrolledKiosk {

    private EnrolledKiosk() {
    }

    /** A kiosk of the demo account, its key in {@code folder}. */
    public static LivenessClient client(LivenessServer server, Path folder) throws IOException, ServiceCallException {
        return client(server, folder, TestAccount.ACCESS_KEY);
    }

    /** A kiosk of the account with {@code accessKey}, its key in {@code folder}. */
    public static LivenessClient client(LivenessServer server, Path folder, String accessKey) throws IOException, ServiceCallException {
        LivenessClient client = new LivenessClient("http://127.0.0.1:" + server.port(), Duration.ofSeconds(10), DeviceIdentity.in(folder));
        client.enroll(server.accounts().enrollDevice(accessKey).code(), "0.1.0");
        return client;
    }
}
