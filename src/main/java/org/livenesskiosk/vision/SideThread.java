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
 * A thread beside the analysis thread for work no frame needs to wait for: the regular face
 * detection ({@link FaceTracker}) and the texture scores ({@link TextureScorer}) each have one.
 * Its jobs run one at a time, in the order given, so the networks they use are never run by two
 * threads at once.
 *
 * <p>What a job computes never depends on when it runs: the caller decides, from the frames alone,
 * when it takes the result in, so the kiosk and the service's re-run of its recording see the same
 * results however busy their cores are.
 *
 * <p>The thread is a daemon and ends after {@link #IDLE_SECONDS} without work: an analyser that is
 * dropped (the soak makes one a session) leaves no thread behind.
 */
final class SideThread {

    /** Longer than the gap between two regular detections, so that a session keeps its threads. */
    private static final long IDLE_SECONDS = 2;
    private static final AtomicInteger COUNT = new AtomicInteger();

    private final ThreadPoolExecutor executor;

    SideThread(String purpose) {
        executor = new ThreadPoolExecutor(1, 1, IDLE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), job -> {
            Thread thread = new Thread(job, "vision-" + purpose + "-" + COUNT.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.allowCoreThreadTimeOut(true);
    }

    /**
     * Runs the job on this thread, after those given before it, inside a {@link PointerScope} of its
     * own so that the {@code Mat}s it makes are released.
     */
    <T> Future<T> submit(Callable<T> job) {
        return executor.submit(() -> {
            try (PointerScope scope = new PointerScope()) {
                return job.call();
            }
        });
    }

    /**
     * The job's result, waiting for it however long it takes. Not interruptible: a job may read
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
