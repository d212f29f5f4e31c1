package org.livenesskiosk.cli;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Where {@code serve} listens, tried before the models load: a port taken or an address unknown is said at once, in one line. */
final class ListeningAddress {

    private ListeningAddress() {
    }

    /**
     * Binds the address and lets it go again. Another program may still take the port in between;
     * this is for the usual case, a service already running there, told before seconds of loading.
     */
    static void checkFree(String host, int port) {
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new CommandFailure("Cannot listen on " + host + ": no such address; give another --host", null);
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(address);
        } catch (BindException e) {
            String why = String.valueOf(e.getMessage()).contains("in use")
                    ? "another program (another serve?) already listens there; stop it, or give another --port"
                    : e.getMessage() + "; give another --host or --port";
            throw new CommandFailure("Cannot listen on " + host + ":" + port + ": " + why, e);
        } catch (IOException e) {
            throw new CommandFailure("Cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }
}
