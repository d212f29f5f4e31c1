package org.livenesskiosk.ui;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Clip;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.UnsupportedAudioFileException;

import org.livenesskiosk.liveness.Prompt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Speaks each prompt in the customer's language from the recordings in {@code voice/<lang>/}.
 * One voice at a time: a new prompt cuts the one still playing. Playing happens on its own
 * thread; a kiosk without a sound device stays silent and says so once in the log.
 */
final class VoicePrompts implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VoicePrompts.class);

    private final ExecutorService player = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "voice");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean muted;
    private volatile String lastSpoken;
    private Clip playing;
    private boolean deviceMissingReported;

    void mute(boolean mute) {
        muted = mute;
        if (mute) {
            player.execute(this::stopPlaying);
        }
    }

    void speak(Language language, Prompt prompt) {
        if (muted) {
            return;
        }
        String resource = "/voice/" + language.locale().getLanguage() + "/" + prompt.key() + ".wav";
        lastSpoken = resource;
        player.execute(() -> play(resource));
    }

    /** The recording last asked for, as a classpath resource. */
    Optional<String> lastSpoken() {
        return Optional.ofNullable(lastSpoken);
    }

    void stop() {
        player.execute(this::stopPlaying);
    }

    private void play(String resource) {
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
