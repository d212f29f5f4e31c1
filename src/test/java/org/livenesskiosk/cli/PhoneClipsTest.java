package org.livenesskiosk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_COUNTERCLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.rotate;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.livenesskiosk.testdata.SharedData;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The clips phones and webcams record — MP4 with H.264, MOV, WebM — are read as the kiosk's own
 * MJPEG .avi: a session on them passes, and every frame is measured. They are made here from a
 * shared clip, frame for frame, so that they show the same customer.
 */
class PhoneClipsTest {

    private static final String CLIP = "liveportrait_d18_man_yawn_mouth_open.avi";

    @TempDir
    Path temp;

    @Test
    void aSessionOnAnMp4ClipPassesAsOnTheAvi() throws Exception {
        Path mp4 = reencoded("clip.mp4", "mp4", avcodec.AV_CODEC_ID_H264);

        CommandLineRun run = CommandLineRun.of("detect", "--source", mp4.toString(), "--actions", "MOUTH", "--far-near", "off",
                "--distance", "15-120", "--data", temp.resolve("kiosk").toString());

        JsonObject result = JsonParser.parseString(run.out().strip()).getAsJsonObject();
        assertEquals("SUCCESS", result.get("code").getAsString(), result.toString());
        assertEquals("VERIFIED", result.get("verdict").getAsString(), result.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"clip.mov, mov, H264", "clip.webm, webm, VP8"})
    void everyFrameOfAMovOrWebmClipIsMeasured(String name, String format, String codec) throws Exception {
        Path clip = reencoded(name, format, codec.equals("VP8") ? avcodec.AV_CODEC_ID_VP8 : avcodec.AV_CODEC_ID_H264);

        CommandLineRun reencoded = CommandLineRun.of("analyze", "--source", clip.toString());
        CommandLineRun original = CommandLineRun.of("analyze", "--source", SharedData.video(CLIP).toString());

        assertEquals(0, reencoded.exitCode(), reencoded.err());
        JsonObject summary = last(reencoded.lines());
        assertEquals(last(original.lines()).get("frames").getAsInt(), summary.get("frames").getAsInt(), summary.toString());
        assertEquals(0, summary.get("corruptFrames").getAsInt(), summary.toString());
        assertTrue(reencoded.lines().stream().filter(line -> line.contains("\"faces\":1")).count() > 0.9 * summary.get("frames").getAsInt(),
                "the man's face is seen in nearly every frame");
    }

    /** A phone held upright stores its frames sideways, with the turn that shows them upright. */
    @Test
    void aPortraitPhoneClipStoredSidewaysIsMeasuredUpright() throws Exception {
        Path sideways = temp.resolve("portrait.mp4");
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(SharedData.video(CLIP).toFile());
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(sideways.toFile(), grabber.getImageHeight(),
                    grabber.getImageWidth())) {
                recorder.setFormat("mp4");
                recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
                recorder.setFrameRate(grabber.getFrameRate());
                recorder.setVideoBitrate(2_000_000);
                // Stored turned a quarter counter-clockwise; shown turned a quarter clockwise (FFmpeg's angle is counter-clockwise).
                recorder.setDisplayRotation(-90);
                recorder.start();
                for (Frame frame = grabber.grabImage(); frame != null; frame = grabber.grabImage()) {
                    try (Mat turned = new Mat()) {
                        rotate(converter.convert(frame), turned, ROTATE_90_COUNTERCLOCKWISE);
                        recorder.record(converter.convert(turned));
                    }
                }
            }
        }

        CommandLineRun run = CommandLineRun.of("analyze", "--source", sideways.toString());

        List<Double> rolls = run.lines().stream().map(line -> JsonParser.parseString(line).getAsJsonObject())
                .filter(record -> record.has("roll") && !record.get("roll").isJsonNull())
                .map(record -> Math.abs(record.get("roll").getAsDouble())).sorted().toList();
        assertTrue(rolls.size() > 50, "the face is seen: " + rolls.size() + " frames");
        assertTrue(rolls.get(rolls.size() / 2) < 20, "upright, the head is level: median |roll| " + rolls.get(rolls.size() / 2));
    }

    private static JsonObject last(List<String> lines) {
        return JsonParser.parseString(lines.get(lines.size() - 1)).getAsJsonObject();
    }

    /** The shared clip, every frame, in another container and codec, as a phone or a browser would store it. */
    private Path reencoded(String name, String format, int codec) throws Exception {
        Path target = temp.resolve(name);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(SharedData.video(CLIP).toFile())) {
            grabber.start();
            try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(target.toFile(), grabber.getImageWidth(),
                    grabber.getImageHeight())) {
                recorder.setFormat(format);
                recorder.setVideoCodec(codec);
                recorder.setFrameRate(grabber.getFrameRate());
                recorder.setVideoBitrate(2_000_000);
                recorder.start();
                for (Frame frame = grabber.grabImage(); frame != null; frame = grabber.grabImage()) {
                    recorder.record(frame);
                }
            }
        }
        return target;
    }
}
