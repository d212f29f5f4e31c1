package org.livenesskiosk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livenesskiosk.testdata.SharedData;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class AnalyzeCommandTest {

    private static final String CLIP = "liveportrait_d18_man_yawn_mouth_open.avi";

    @TempDir
    Path temp;

    private static List<JsonObject> records(CommandLineRun run) {
        return run.lines().stream().map(line -> JsonParser.parseString(line).getAsJsonObject()).toList();
    }

    @Test
    void printsOneJsonObjectPerFrameAndPerAction() {
        CommandLineRun run = CommandLineRun.of("analyze", "--source", SharedData.video(CLIP).toString());

        assertEquals(0, run.exitCode(), run.err());
        List<JsonObject> records = records(run);
        List<JsonObject> frames = records.stream().filter(r -> r.get("type").getAsString().equals("frame")).toList();
        List<JsonObject> events = records.stream().filter(r -> r.get("type").getAsString().equals("event")).toList();
        JsonObject summary = records.get(records.size() - 1);

        assertEquals(216, frames.size());
        for (int i = 0; i < frames.size(); i++) {
            JsonObject frame = frames.get(i);
            assertEquals(i, frame.get("index").getAsInt());
            assertEquals(Math.round(i * 1000 / 30.0), frame.get("timeMs").getAsLong());
            assertEquals(1, frame.get("faces").getAsInt());
            assertTrue(frame.has("eyeAspectRatio") && frame.has("mouthOpening") && frame.has("yaw"), frame.toString());
        }
        assertTrue(events.stream().anyMatch(e -> e.get("event").getAsString().equals("MOUTH")), events.toString());
        for (JsonObject event : events) {
            assertTrue(Set.of("BLINK", "MOUTH", "POS_YAW", "NOD").contains(event.get("event").getAsString()));
            assertTrue(event.get("startMs").getAsLong() < event.get("endMs").getAsLong(), event.toString());
        }
        assertEquals("summary", summary.get("type").getAsString());
        assertEquals(216, summary.get("frames").getAsInt());
        assertEquals(events.size(), summary.get("events").getAsInt());

        // The texture is scored on a sample of the fit frames, at most one every 100 ms: null on the others.
        List<JsonObject> scored = frames.stream().filter(frame -> !frame.get("passiveScore").isJsonNull()).toList();
        assertTrue(scored.size() >= 10 && scored.size() <= 216 / 3 + 1, scored.size() + " frames scored");
        for (JsonObject frame : scored) {
            double score = frame.get("passiveScore").getAsDouble();
            assertTrue(score >= 0 && score <= 1, frame.toString());
            assertEquals(score >= 0.5, frame.get("passiveLive").getAsBoolean(), frame.toString());
        }
        assertTrue(frames.stream().anyMatch(frame -> frame.get("passiveLive").isJsonNull()));
        assertEquals(scored.size(), summary.get("texturedFrames").getAsInt());
        assertTrue(summary.has("flatness") && summary.has("flatPairs"), summary.toString());
        assertTrue(Set.of("LIVE", "UNCERTAIN", "ATTACK").contains(summary.get("passive").getAsString()), summary.toString());
    }

    @Test
    void printsTheSameRecordsAsCsv() {
        String clip = SharedData.video(CLIP).toString();
        CommandLineRun json = CommandLineRun.of("analyze", "--source", clip);
        CommandLineRun csv = CommandLineRun.of("analyze", "--source", clip, "--format", "csv");

        assertEquals(0, csv.exitCode(), csv.err());
        List<String> rows = csv.lines();
        assertEquals(String.join(",", AnalysisRecords.FIELDS), rows.get(0));
        assertEquals(json.lines().size(), rows.size() - 1);
        String firstFrame = rows.get(1);
        JsonObject firstRecord = records(json).get(0);
        String[] cells = firstFrame.split(",", -1);
        assertEquals(AnalysisRecords.FIELDS.size(), cells.length);
        assertEquals(firstRecord.get("yaw").getAsString(), cells[AnalysisRecords.FIELDS.indexOf("yaw")]);
    }

    @Test
    void skipsAndCountsCorruptFramesOfAClip() throws IOException {
        Path corrupt = temp.resolve("corrupt.avi");
        Files.write(corrupt, ClipDamage.zeroFrames(Files.readAllBytes(SharedData.video(CLIP)), 40, 100));

        CommandLineRun run = CommandLineRun.of("analyze", "--source", corrupt.toString());

        assertEquals(0, run.exitCode(), run.err());
        JsonObject summary = records(run).get(run.lines().size() - 1);
        assertEquals(214, summary.get("frames").getAsInt());
        assertEquals(2, summary.get("corruptFrames").getAsInt());
    }

    @Test
    void skipsAndCountsUnreadableImagesInAFolderOfFrames() throws IOException {
        Path frames = Files.createDirectory(temp.resolve("frames"));
        Files.copy(SharedData.image("skimage_astronaut_eileen_collins.png"), frames.resolve("001.png"));
        Files.write(frames.resolve("002.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, 1, 2, 3});
        Files.copy(SharedData.image("aflw2000_image00050.jpg"), frames.resolve("003.jpg"));

        CommandLineRun run = CommandLineRun.of("analyze", "--source", frames.toString(), "--fps", "10");

        assertEquals(0, run.exitCode(), run.err());
        List<JsonObject> records = records(run);
        assertEquals(200, records.get(1).get("timeMs").getAsLong());
        assertEquals(2, records.get(records.size() - 1).get("frames").getAsInt());
        assertEquals(1, records.get(records.size() - 1).get("corruptFrames").getAsInt());
    }

    @Test
    void aMissingFileIsAClearError() {
        CommandLineRun run = CommandLineRun.of("analyze", "--source", temp.resolve("nowhere.avi").toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("no file or folder") && run.err().contains("nowhere.avi"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void aFileThatIsNoVideoIsAClearError() throws IOException {
        Path garbage = temp.resolve("garbage.avi");
        Files.write(garbage, "this is not a video".repeat(100).getBytes());

        CommandLineRun run = CommandLineRun.of("analyze", "--source", garbage.toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("Cannot read") && run.err().contains("garbage.avi"), run.err());
    }

    @Test
    void anAlteredModelIsModelErrorNamingTheFile() throws IOException {
        Path models = ModelFiles.copyAll(temp.resolve("models"));
        Path landmarks = models.resolve("face_landmark.tflite");
        byte[] bytes = Files.readAllBytes(landmarks);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(landmarks, bytes);

        CommandLineRun run = CommandLineRun.of("analyze", "--models", models.toString(),
                "--source", SharedData.image("skimage_astronaut_eileen_collins.png").toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("MODEL_ERROR") && run.err().contains("face_landmark.tflite"), run.err());
    }

    @Test
    void aMissingModelIsModelErrorNamingTheFile() throws IOException {
        Path models = ModelFiles.copyAll(temp.resolve("models"));
        Files.delete(models.resolve("face_detection_full_range.tflite"));

        CommandLineRun run = CommandLineRun.of("analyze", "--models", models.toString(),
                "--source", SharedData.image("skimage_astronaut_eileen_collins.png").toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("MODEL_ERROR") && run.err().contains("face_detection_full_range.tflite"), run.err());
    }
}
