package org.livenesskiosk.ui;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Clip;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.UnsupportedAudioFileException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says what the screen shows ({@link Spoken}) in the customer's language, from the recordings in
 * {@code voice/<lang>/}: one line, or a few in turn (a result and its tip). One voice at a time:
 * new words cut the ones still playing or waiting. Playing happens on its own thread; a kiosk
 * without a sound device stays silent and says so once in the log.
 */
final class VoicePrompts implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VoicePrompts.class);

    /** How soon new words cut a line being said. */
    private static final long POLL_MS = 20;

    private final ExecutorService player = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "voice");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean muted;
    private volatile List<String> lastSaid = List.of();
    /** Counts what was asked to be said: lines still waiting from earlier words are dropped. */
    private final AtomicInteger said = new AtomicInteger();
    private Clip playing;
    private boolean deviceMissingReported;

    void mute(boolean mute) {
        muted = mute;
        if (mute) {
            stop();
        }
    }

    /** Says these lines (keys of {@link Spoken#keys()}) one after the other, cutting whatever is still being said. */
    void say(Language language, List<String> keys) {
        if (muted) {
            return;
        }
        List<String> resources = keys.stream().map(key -> "/voice/" + language.locale().getLanguage() + "/" + key + ".wav").toList();
        lastSaid = resources;
        int these = said.incrementAndGet();
        player.execute(() -> {
            for (String resource : resources) {
                if (said.get() != these) {
                    return;
                }
                play(resource, these);
            }
        });
    }

    /** The recordings last asked for, in order, as classpath resources. */
    List<String> lastSaid() {
        return lastSaid;
    }

    void stop() {
        said.incrementAndGet();
        player.execute(this::stopPlaying);
    }

    /** Plays one recording to its end, or until other words are asked for. */
    private void play(String resource, int these) {
        stopPlaying();
        try (InputStream in = VoicePrompts.class.getResourceAsStream(resource)) {
            if (in == null) {
                LOG.warn("No recording {}: run resources/voice/speak.sh", resource);
                return;
            }
            Clip clip = AudioSystem.getClip();
            clip.open(AudioSystem.getAudioInputStream(new BufferedInputStream(in)));
            clip.start();
            playing = clip;
            long end = System.nanoTime() + clip.getMicrosecondLength() * 1_000;
            while (said.get() == these && System.nanoTime() < end) {
                Thread.sleep(POLL_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (LineUnavailableException | IllegalArgumentException e) {
            if (!deviceMissingReported) {
                deviceMissingReported = true;
                LOG.warn("No sound device: the prompts are shown but not spoken ({})", e.getMessage());
            }
        } catch (IOException | UnsupportedAudioFileException e) {
            LOG.warn("Cannot play {}: {}", resource, e.getMessage());
        }
    }

    private void stopPlaying() {
        if (playing != null) {
            playing.close();
            playing = null;
        }
    }

    @Override
    public void close() {
        stop();
        player.shutdown();
    }
}
