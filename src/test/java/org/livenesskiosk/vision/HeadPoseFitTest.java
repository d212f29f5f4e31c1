package org.livenesskiosk.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The 3-D fit on faces whose pose is known exactly: the canonical face itself, turned and seen as FaceMesh sees it. */
class HeadPoseFitTest {

    private static final HeadPoseFit FIT = HeadPoseFit.load(Models.fromClasspath());

    @TempDir
    Path folder;

    /** Yaw, pitch and roll as this test writes them: positive yaw turns the nose to the image right. */
    @ParameterizedTest(name = "yaw {0}, pitch {1}, roll {2}")
    @CsvSource({
        "0, 0, 0",
        "25, 0, 0",
        "-25, 0, 0",
        "70, 0, 0",
        "-80, 0, 0",
        "0, 30, 0",
        "0, -35, 0",
        "0, 0, 20",
        "-65, 40, 20",
        "45, -12, -8",
    })
    void readsEveryAngleOfATurnedFaceWithoutShrinkingIt(double yaw, double pitch, double roll) throws IOException {
        HeadPose pose = FIT.of(seenAs(yaw, pitch, roll));

        assertEquals(yaw, pose.yawDegrees(), 0.01);
        assertEquals(pitch, pose.pitchDegrees(), 0.01);
        assertEquals(roll, pose.rollDegrees(), 0.01);
    }

    @Test
    void refusesAnAlteredCanonicalFace() throws IOException {
        for (ModelFile model : ModelFile.values()) {
            Files.write(folder.resolve(model.fileName()), Models.fromClasspath().verifiedBytes(model));
        }
        Path canonical = folder.resolve(ModelFile.CANONICAL_FACE.fileName());
        Files.writeString(canonical, Files.readString(canonical).replaceFirst("v 0.000000", "v 0.100000"));

        ModelException refused = assertThrows(ModelException.class, () -> HeadPoseFit.load(Models.fromDirectory(folder)));
        assertEquals("canonical_face_model.obj", refused.fileName());
    }

    /**
     * The canonical face turned as AFLW2000-3D's angles describe it, Rx(−pitch)·Ry(−its yaw)·Rz(−roll)
     * in the frame x right, y up, z toward the viewer (its yaw is the negative of ours); then seen in
     * FaceMesh's pixel frame (y down, depth away from the camera), 40 pixels to the centimetre.
     */
    private static FaceLandmarks seenAs(double yaw, double pitch, double roll) throws IOException {
        double[][] rotation = multiply(multiply(aboutX(-pitch), aboutY(yaw)), aboutZ(-roll));
        List<double[]> canonical = canonicalFace();
        float[] xyz = new float[3 * FaceLandmarks.COUNT];
        for (int i = 0; i < FaceLandmarks.COUNT; i++) {
            double[] p = canonical.get(i);
            double[] turned = new double[3];
            for (int a = 0; a < 3; a++) {
                turned[a] = rotation[a][0] * p[0] + rotation[a][1] * p[1] + rotation[a][2] * p[2];
            }
            xyz[3 * i] = (float) (320 + 40 * turned[0]);
            xyz[3 * i + 1] = (float) (240 - 40 * turned[1]);
            xyz[3 * i + 2] = (float) (-40 * turned[2]);
        }
        return new FaceLandmarks(xyz, 1);
    }

    private static List<double[]> canonicalFace() throws IOException {
        try (InputStream in = HeadPoseFitTest.class.getResourceAsStream("/models/canonical_face_model.obj")) {
            List<double[]> vertices = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (line.startsWith("v ")) {
                    String[] fields = line.trim().split("\\s+");
                    vertices.add(new double[] {Double.parseDouble(fields[1]), Double.parseDouble(fields[2]),
                        Double.parseDouble(fields[3])});
                }
            }
            return vertices;
        }
    }

    private static double[][] aboutX(double degrees) {
        double c = Math.cos(Math.toRadians(degrees));
        double s = Math.sin(Math.toRadians(degrees));
        return new double[][] {{1, 0, 0}, {0, c, -s}, {0, s, c}};
    }

    private static double[][] aboutY(double degrees) {
        double c = Math.cos(Math.toRadians(degrees));
        double s = Math.sin(Math.toRadians(degrees));
        return new double[][] {{c, 0, s}, {0, 1, 0}, {-s, 0, c}};
    }

    private static double[][] aboutZ(double degrees) {
        double c = Math.cos(Math.toRadians(degrees));
        double s = Math.sin(Math.toRadians(degrees));
        return new double[][] {{c, -s, 0}, {s, c, 0}, {0, 0, 1}};
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        double[][] product = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    product[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return product;
    }
}
