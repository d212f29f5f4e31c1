package org.livenesskiosk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.livenesskiosk.pipeline.SessionRecording;
import org.livenesskiosk.testdata.SharedData;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The shape of what bench reports; the figures themselves are measured by running it, not here. */
class BenchCommandTest {

    @Test
    void endsWithOneJsonObjectOfFigures() {
        CommandLineRun run = CommandLineRun.of("bench", "--source",
                SharedData.video("hdtf_WDA_AlexandriaOcasioCortez_000_blinks.avi").toString(),
                "--frames", "12", "--repeat", "2", "--frame-size", "640x480", "--upload-sessions", "2");

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.lines();
        JsonObject figures = JsonParser.parseString(lines.get(lines.size() - 1)).getAsJsonObject();
        assertEquals(24, figures.get("timedFrames").getAsInt());
        assertEquals("640x480", figures.get("frameSize").getAsString());
        boolean linuxX64 = System.getProperty("os.name").startsWith("Linux")
                && System.getProperty("os.arch").matches("amd64|x86_64");
        assertEquals(linuxX64 ? "TensorFlow Lite XNNPACK" : "OpenCV DNN", figures.get("mediaPipeEngine").getAsString());
        for (String figure : List.of("decodeMsMedian", "pipelineMsMedian", "pipelineMsP95", "baselineMsMedian", "baselineMsP95",
                "controllerMsMedian", "uploadMsMedian", "uploadSessionsPerSecond")) {
            assertTrue(figures.get(figure).getAsDouble() > 0, figure + " in " + figures);
        }
        double speedup = figures.get("baselineMsMedian").getAsDouble() / figures.get("pipelineMsMedian").getAsDouble();
        assertEquals(speedup, figures.get("speedup").getAsDouble(), 0.01 * speedup);
        assertEquals(1.0, figures.get("pipelineFacesPerFrame").getAsDouble());
        // The passive check's own cost: the texture network on a sample of the frames, never on every one.
        assertTrue(figures.get("passiveMsMean").getAsDouble() > 0 && figures.get("textureMsMedian").getAsDouble() > 0,
                figures.toString());
        double textured = figures.get("texturedShare").getAsDouble();
        assertTrue(textured > 0 && textured < 0.5, "texture scored on " + textured + " of the frames");
        assertTrue(!figures.has("blinkRecall"), "no labels, no blink score");
    }

    @Test
    void scoresTheBlinksAgainstTheLabels() {
        CommandLineRun run = CommandLineRun.of("bench", "--repeat", "1", "--upload-sessions", "1",
                "--source", SharedData.video("hdtf_WDA_AlexandriaOcasioCortez_000_blinks.avi").toString(),
                "--labels", SharedData.annotation("hdtf_WDA_AlexandriaOcasioCortez_000_blinks.events.csv").getParent().toString());

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.lines();
        JsonObject figures = JsonParser.parseString(lines.get(lines.size() - 1)).getAsJsonObject();
        assertEquals(10, figures.get("labelledBlinks").getAsInt());
        assertTrue(figures.get("blinkRecall").getAsDouble() >= 0.9, figures.toString());
        assertTrue(run.out().contains("labelled found"), run.out());
    }

    /**
     * A whole session at the kiosk, delivered to the service in its own process: the upload's
     * bytes are the recording's frames and best image as sent, and the service's CPU time is
     * counted for each delivery.
     */
    @Test
    void measuresAWholeSessionsCostToTheService() {
        CommandLineRun run = CommandLineRun.of("bench", "--session", "MOUTH", "--upload-sessions", "2", "--frame-size", "640x480",
                "--source", SharedData.video("liveportrait_d18_man_yawn_mouth_open.avi").toString());

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.lines();
        JsonObject figures = JsonParser.parseString(lines.get(lines.size() - 1)).getAsJsonObject();
        assertEquals(SessionRecording.MAX_SIDE + "x" + SessionRecording.MAX_SIDE * 3 / 4, figures.get("frameSize").getAsString(),
                "the 640x480 camera's frames as recorded");
        int frames = figures.get("sessionFrames").getAsInt();
        long bytes = figures.get("uploadBytes").getAsLong();
        // JPEG at quality 70 of a face in a recorded frame, base64 in JSON: kilobytes a frame, never a few bytes or a raw frame.
        assertTrue(bytes > frames * 3_000L && bytes < frames * 640L * 480, bytes + " bytes for " + frames + " frames");
        assertTrue(figures.get("serviceCpuMsMedian").getAsDouble() > 0, figures.toString());
        assertEquals(1000 / figures.get("serviceCpuMsMedian").getAsDouble(), figures.get("sessionsPerCoreSecond").getAsDouble(), 0.01);
        assertEquals(2, figures.getAsJsonObject("verdicts").entrySet().stream().mapToInt(entry -> entry.getValue().getAsInt()).sum());
    }
}
