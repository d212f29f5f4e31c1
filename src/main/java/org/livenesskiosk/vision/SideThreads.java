package org.livenesskiosk.vision;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.bytedeco.javacpp.PointerScope;

/**
 * One analyser's helpers beside its analysis thread: the periodic face detection runs on one while
 * the analysis thread follows the faces, and the texture's second network on the other while the
 * analysis thread runs the first, so that no frame waits for work a second core can do.
 *
 * <p>What a job computes never depends on when it runs: the caller decides, from the frames alone,
 * at which frame it waits for a result (see {@link FaceTracker}), so the kiosk and the service's
 * re-run of its recording see the same results however busy their cores are.
 *
 * <p>The threads are daemons and end after {@link #IDLE_SECONDS} without work: an analyser that is
 * dropped (the soak makes one a session) leaves no thread behind.
 */
final class SideThreads {

    /** Two: a detection under way must not hold up a texture frame's second network. */
    private static final int THREADS = 2;
    /** Longer than the gap between two periodic detections, so that a session keeps its threads. */
    private static final long IDLE_SECONDS = 2;
    private static final AtomicInteger COUNT = new AtomicInteger();

    private final ThreadPoolExecutor executor;

    SideThreads() {
        executor = new ThreadPoolExecutor(THREADS, THREADS, IDLE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), job -> {
            Thread thread = new Thread(job, "vision-side-" + COUNT.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.allowCoreThreadTimeOut(true);
    }

    /** Runs the job on a side thread, inside a {@link PointerScope} of its own so that its temporary {@code Mat}s are released. */
    <T> Future<T> submit(Callable<T> job) {
        return executor.submit(() -> {
            try (PointerScope scope = new PointerScope()) {
                return job.call();
            }
        });
    }

    /**
     * The job's result, waiting for it however long it takes. Not interruptible: the job reads
     * native memory the caller releases once this returns, so the caller must not go on before the
     * job has ended; an interrupt is kept for the caller to see.
     */
    static <T> T await(Future<T> result) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException failure) {
                        throw failure;
                    }
                    if (e.getCause() instanceof Error failure) {
                        throw failure;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
