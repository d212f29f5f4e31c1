package org.livenesskiosk.kiosk;

import java.util.concurrent.ThreadFactory;

/** The kiosk's own threads are daemons, named for the log: a stuck one never keeps the process alive. */
final class DaemonThreads {

    private DaemonThreads() {
    }

    static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
