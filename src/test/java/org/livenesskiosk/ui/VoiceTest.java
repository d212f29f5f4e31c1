package org.livenesskiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.livenesskiosk.crypto.Sha256;

/**
 * Every line the kiosk says ({@link Spoken}: the prompts, the oval's directions, the results) has a
 * recording in every language, and the recording speaks the sentence the bundle has now: change
 * one without re-running {@code resources/voice/speak.sh} and this fails.
 */
class VoiceTest {

    private static Map<String, String> spokenTexts() throws IOException {
        Map<String, String> digests = new HashMap<>();
        try (InputStream in = VoiceTest.class.getResourceAsStream("/voice/SHA256SUMS")) {
            assertNotNull(in, "voice/SHA256SUMS is missing: run resources/voice/speak.sh");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                String[] fields = line.split("\\s+");
                digests.put(fields[1], fields[0]);
            }
        }
        return digests;
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyLineIsSpokenAsItReadsNow(Language language) throws Exception {
        Map<String, String> spoken = spokenTexts();
        Messages messages = Messages.of(language);
        String folder = language.locale().getLanguage();
        for (String key : Spoken.keys()) {
            String file = folder + "/" + key;
            assertEquals(Sha256.hex(messages.text(key)), spoken.get(file),
                    file + " does not speak the current text: run resources/voice/speak.sh");
            assertTrue(seconds("/voice/" + file + ".wav") > 0.5, file + " is too short to be a sentence");
        }
    }

    private static double seconds(String resource) throws IOException, UnsupportedAudioFileException {
        try (InputStream in = VoiceTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is missing");
            try (AudioInputStream audio = AudioSystem.getAudioInputStream(new BufferedInputStream(in))) {
                return audio.getFrameLength() / audio.getFormat().getFrameRate();
            }
        }
    }
}
