package org.livenesskiosk.vision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ModelsTest {

    @TempDir
    Path folder;

    /**
     * The networks OpenCV runs; the canonical face is read by {@link HeadPoseFit} (see
     * {@link HeadPoseFitTest}), the face embedding only by TensorFlow Lite (below).
     */
    @ParameterizedTest
    @EnumSource(value = ModelFile.class, mode = EnumSource.Mode.EXCLUDE, names = {"CANONICAL_FACE", "CANONICAL_FACE_FIT", "FACE_EMBEDDING"})
    void loadsEveryPackedNetwork(ModelFile model) {
        assertFalse(Models.fromClasspath().load(model).empty());
    }

    @Test
    void loadsTheFaceEmbeddingOnTensorFlowLiteWithItsLicenceAndNotice() throws IOException {
        new FaceEmbedder(Models.fromClasspath());
        try (InputStream licence = Models.class.getResourceAsStream("/models/MobileFaceNet.LICENSE");
             InputStream notice = Models.class.getResourceAsStream("/models/MobileFaceNet.NOTICE")) {
            assertTrue(new String(licence.readAllBytes(), StandardCharsets.UTF_8).contains("MIT License"));
            assertTrue(new String(notice.readAllBytes(), StandardCharsets.UTF_8).contains("training"));
        }
    }

    @Test
    void acceptsAnExactCopyInAFolder() throws IOException {
        byte[] bytes = Models.fromClasspath().verifiedBytes(ModelFile.FACE_LANDMARKS);
        Files.write(folder.resolve("face_landmark.tflite"), bytes);

        assertArrayEquals(bytes, Models.fromDirectory(folder).verifiedBytes(ModelFile.FACE_LANDMARKS));
    }

    @Test
    void refusesAModelWithOneBitChanged() throws IOException {
        byte[] bytes = Models.fromClasspath().verifiedBytes(ModelFile.FACE_DETECTION_SHORT_RANGE);
        bytes[1000] ^= 0x10;
        Files.write(folder.resolve("face_detection_short_range.tflite"), bytes);

        ModelException refused = assertThrows(ModelException.class,
                () -> Models.fromDirectory(folder).load(ModelFile.FACE_DETECTION_SHORT_RANGE));
        assertEquals("face_detection_short_range.tflite", refused.fileName());
        assertTrue(refused.getMessage().contains("altered or is corrupt"), refused.getMessage());
    }

    @Test
    void refusesATextureNetworkWithOneBitChanged() throws IOException {
        byte[] bytes = Models.fromClasspath().verifiedBytes(ModelFile.TEXTURE_NEAR);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(folder.resolve(ModelFile.TEXTURE_NEAR.fileName()), bytes);

        ModelException refused = assertThrows(ModelException.class, () -> Models.fromDirectory(folder).load(ModelFile.TEXTURE_NEAR));
        assertEquals("2.7_80x80_MiniFASNetV2.onnx", refused.fileName());
        assertTrue(refused.getMessage().contains("altered or is corrupt"), refused.getMessage());
    }

    @Test
    void shipsMinivisionsLicenceAndNoticeBesideItsNetworks() throws IOException {
        try (InputStream licence = Models.class.getResourceAsStream("/models/minifasnet.LICENSE");
             InputStream notice = Models.class.getResourceAsStream("/models/minifasnet.NOTICE")) {
            assertTrue(new String(licence.readAllBytes(), StandardCharsets.UTF_8).contains("Apache License"));
            assertTrue(new String(notice.readAllBytes(), StandardCharsets.UTF_8).contains("Minivision"));
        }
    }

    @Test
    void theProductsNoticeNamesEveryPinnedModel() throws IOException {
        try (InputStream sums = Models.class.getResourceAsStream("/models/SHA256SUMS");
             InputStream notice = Models.class.getResourceAsStream("/models/NOTICE")) {
            String named = new String(notice.readAllBytes(), StandardCharsets.UTF_8);
            List<String> pinned = new String(sums.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(line -> line.substring(line.indexOf("  ") + 2)).toList();
            assertFalse(pinned.isEmpty());
            for (String file : pinned) {
                assertTrue(named.contains(file), file + " is pinned but not named in the models' NOTICE");
            }
        }
    }

    @Test
    void refusesAMissingModel() {
        ModelException refused = assertThrows(ModelException.class,
                () -> Models.fromDirectory(folder).load(ModelFile.FACE_DETECTION_FULL_RANGE));
        assertEquals("face_detection_full_range.tflite", refused.fileName());
        assertTrue(refused.getMessage().contains("missing"), refused.getMessage());
    }

    @Test
    void refusesATruncatedModel() throws IOException {
        byte[] bytes = Models.fromClasspath().verifiedBytes(ModelFile.FACE_LANDMARKS);
        Files.write(folder.resolve("face_landmark.tflite"), java.util.Arrays.copyOf(bytes, bytes.length / 3));

        assertThrows(ModelException.class, () -> Models.fromDirectory(folder).load(ModelFile.FACE_LANDMARKS));
    }
}
