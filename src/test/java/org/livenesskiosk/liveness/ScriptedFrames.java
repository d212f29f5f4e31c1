package org.livenesskiosk.liveness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.livenesskiosk.vision.Box;
import org.livenesskiosk.vision.FaceExposure;
import org.livenesskiosk.vision.FaceLandmarks;
import org.livenesskiosk.vision.FaceMetrics;
import org.livenesskiosk.vision.FaceObservation;
import org.livenesskiosk.vision.FrameAnalysis;
import org.livenesskiosk.vision.HeadPose;

/** Scripted frames of a 640×480 camera, for driving a session without video. */
final class ScriptedFrames {

    static final int WIDTH = 640;
    static final int HEIGHT = 480;

    /** What the camera shows in a stretch of the script; starts as one good, ready face. */
    record Scene(int faces, int trackId, double eyes, double mouth, double yaw, double pitch, double centerX,
                 double centerY, double faceWidth, double brightness, double underExposed, double overExposed,
                 double sharpness) {

        static Scene ready() {
            return new Scene(1, 1, 0.30, 0.02, 0, 0, WIDTH / 2.0, HEIGHT / 2.0, 160, 130, 0.02, 0.01, 500);
        }

        Scene faces(int count) {
            return new Scene(count, trackId, eyes, mouth, yaw, pitch, centerX, centerY, faceWidth, brightness, underExposed, overExposed, sharpness);
        }

        Scene trackId(int id) {
            return new Scene(faces, id, eyes, mouth, yaw, pitch, centerX, centerY, faceWidth, brightness, underExposed, overExposed, sharpness);
        }

        Scene eyes(double ratio) {
            return new Scene(faces, trackId, ratio, mouth, yaw, pitch, centerX, centerY, faceWidth, brightness, underExposed, overExposed, sharpness);
        }

        Scene mouth(double opening) {
            return new Scene(faces, trackId, eyes, opening, yaw, pitch, centerX, centerY, faceWidth, brightness, underExposed, overExposed, sharpness);
        }

        Scene yaw(double degrees) {
            return new Scene(faces, trackId, eyes, mouth, degrees, pitch, centerX, centerY, faceWidth, brightness, underExposed, overExposed, sharpness);
        }

        Scene pitch(double degrees) {
            return new Scene(faces, trackId, eyes, mouth, yaw, degrees, centerX, centerY, faceWidth, brightness, underExposed, overExposed, sharpness);
        }

        Scene at(double x, double y) {
            return new Scene(faces, trackId, eyes, mouth, yaw, pitch, x, y, faceWidth, brightness, underExposed, overExposed, sharpness);
        }

        Scene faceWidth(double pixels) {
            return new Scene(faces, trackId, eyes, mouth, yaw, pitch, centerX, centerY, pixels, brightness, underExposed, overExposed, sharpness);
        }

        Scene light(double mean, double under, double over) {
            return new Scene(faces, trackId, eyes, mouth, yaw, pitch, centerX, centerY, faceWidth, mean, under, over, sharpness);
        }

        Scene sharpness(double variance) {
            return new Scene(faces, trackId, eyes, mouth, yaw, pitch, centerX, centerY, faceWidth, brightness, underExposed, overExposed, variance);
        }
    }

    /** A 60° camera: its focal length in pixels. */
    static final double FOCAL_PX = WIDTH / 2.0 / Math.tan(Math.toRadians(30));
    /** An adult face's width, and how far its nose stands out of its outline, in cm. */
    private static final double FACE_CM = 15;
    private static final double PROTRUSION_CM = 7;

    private final double framesPerSecond;
    private final List<FrameAnalysis> frames = new ArrayList<>();
    private Scene scene = Scene.ready();
    private boolean flat;

    ScriptedFrames(double framesPerSecond) {
        this.framesPerSecond = framesPerSecond;
    }

    /** Shows the current scene, changed as given, for a stretch of time; the change stays. */
    ScriptedFrames then(long durationMs, UnaryOperator<Scene> change) {
        scene = change.apply(scene);
        long count = Math.round(durationMs * framesPerSecond / 1000);
        for (long i = 0; i < count; i++) {
            frames.add(frame(frames.size(), scene));
        }
        return this;
    }

    /** Shows the scene changed as given for a stretch of time, then goes back to the scene before. */
    ScriptedFrames briefly(long durationMs, UnaryOperator<Scene> change) {
        Scene before = scene;
        then(durationMs, change);
        scene = before;
        return this;
    }

    /** A blink, a pause, a wide-open mouth, a pause: what a customer asked for both does. */
    ScriptedFrames blinkThenOpenMouth() {
        return briefly(150, s -> s.eyes(0.15)).hold(800).briefly(700, s -> s.mouth(0.6)).hold(500);
    }

    /** From now on the face is a flat picture of one: its landmarks grow alike when it comes closer. */
    ScriptedFrames flat() {
        flat = true;
        return this;
    }

    ScriptedFrames hold(long durationMs) {
        return then(durationMs, UnaryOperator.identity());
    }

    List<FrameAnalysis> frames() {
        return Collections.unmodifiableList(frames);
    }

    /** Runs every frame through the session, stopping when it finishes; returns every update. */
    List<SessionUpdate> run(LivenessSession session) {
        List<SessionUpdate> updates = new ArrayList<>();
        for (FrameAnalysis frame : frames) {
            updates.add(session.accept(frame));
            if (session.state() == SessionState.FINISHED) {
                break;
            }
        }
        return updates;
    }

    /**
     * The face's landmarks as a pinhole camera sees them: points spread over a dome as wide as the
     * face, its top {@link #PROTRUSION_CM} nearer the camera than its rim, at the distance that
     * gives the scene's face width. FaceMesh's relative depth is the dome's either way; a flat
     * picture's points are all at one distance.
     */
    private FaceLandmarks landmarks(Scene scene) {
        double distanceCm = FOCAL_PX * FACE_CM / scene.faceWidth();
        float[] xyz = new float[3 * FaceLandmarks.COUNT];
        for (int i = 0; i < FaceLandmarks.COUNT; i++) {
            // A golden-angle spiral spreads the points evenly over the unit disc.
            double radius = Math.sqrt((i + 0.5) / FaceLandmarks.COUNT);
            double angle = i * Math.PI * (3 - Math.sqrt(5));
            double u = radius * Math.cos(angle);
            double v = radius * Math.sin(angle);
            double nearer = PROTRUSION_CM * Math.sqrt(Math.max(0, 1 - u * u - v * v));
            double depth = distanceCm - (flat ? 0 : nearer);
            xyz[3 * i] = (float) (scene.centerX() + FOCAL_PX * u * FACE_CM / 2 / depth);
            xyz[3 * i + 1] = (float) (scene.centerY() + FOCAL_PX * v * FACE_CM * 0.625 / depth);
            xyz[3 * i + 2] = (float) (-nearer * FOCAL_PX / distanceCm);
        }
        return new FaceLandmarks(xyz, 1);
    }

    private FrameAnalysis frame(int index, Scene scene) {
        long timeMs = Math.round(index * 1000 / framesPerSecond);
        if (scene.faces() == 0) {
            return new FrameAnalysis(index, timeMs, WIDTH, HEIGHT, List.of(), List.of(), Optional.empty());
        }
        double height = scene.faceWidth() * 1.25;
        Box box = new Box(scene.centerX() - scene.faceWidth() / 2, scene.centerY() - height / 2, scene.faceWidth(), height);
        FaceMetrics metrics = new FaceMetrics(scene.eyes(), scene.eyes(), scene.mouth(),
                new HeadPose(scene.yaw(), scene.pitch(), 0), box, scene.faceWidth() / WIDTH,
                scene.centerX() / WIDTH - 0.5, scene.centerY() / HEIGHT - 0.5,
                new FaceExposure(scene.brightness(), scene.underExposed(), scene.overExposed(), scene.sharpness()), 0, 1);
        FaceObservation face = new FaceObservation(scene.trackId(), landmarks(scene), metrics);
        List<Box> others = new ArrayList<>();
        for (int i = 1; i < scene.faces(); i++) {
            others.add(new Box(10 + 60 * i, 10, 50, 60));
        }
        return new FrameAnalysis(index, timeMs, WIDTH, HEIGHT, List.of(face), others, Optional.empty());
    }
}
