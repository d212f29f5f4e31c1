package org.livenesskiosk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
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
}
