package org.livenesskiosk.vision;

/** The model files the pipeline uses, as named in {@code resources/models/SHA256SUMS}. */
public enum ModelFile {
    /** BlazeFace for faces within about two metres: 128×128 input, 896 anchors. */
    FACE_DETECTION_SHORT_RANGE("face_detection_short_range.tflite"),
    /** BlazeFace for small, distant faces: 192×192 input, 2304 anchors. */
    FACE_DETECTION_FULL_RANGE("face_detection_full_range.tflite"),
    /** FaceMesh: 192×192 face crop in, 468 landmarks and a face-presence score out. */
    FACE_LANDMARKS("face_landmark.tflite"),
    /** MediaPipe's canonical face: the 468 FaceMesh points of a neutral face in centimetres, for head pose. */
    CANONICAL_FACE("canonical_face_model.obj"),
    /** MediaPipe's settings for fitting a face to the canonical one: which points, with which weights. */
    CANONICAL_FACE_FIT("geometry_pipeline_metadata_landmarks.pbtxt"),
    /** Minivision's MiniFASNetV2: an 80×80 crop 2.7 times the face box in, real / print / screen logits out. */
    TEXTURE_NEAR("2.7_80x80_MiniFASNetV2.onnx"),
    /** Minivision's MiniFASNetV1SE: the same on a crop 4 times the face box, with more of the surroundings. */
    TEXTURE_WIDE("4_0_0_80x80_MiniFASNetV1SE.onnx"),
    /** MobileFaceNet: two aligned 112×112 faces in, a 192-number embedding of each out (see {@link FaceEmbedder}). */
    FACE_EMBEDDING("MobileFaceNet.tflite");

    private final String fileName;

    ModelFile(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }
}
