package org.livenesskiosk.vision;

/** The MediaPipe model files the pipeline runs, as named in {@code resources/models/SHA256SUMS}. */
public enum ModelFile {
    /** BlazeFace for faces within about two metres: 128×128 input, 896 anchors. */
    FACE_DETECTION_SHORT_RANGE("face_detection_short_range.tflite"),
    /** BlazeFace for small, distant faces: 192×192 input, 2304 anchors. */
    FACE_DETECTION_FULL_RANGE("face_detection_full_range.tflite"),
    /** FaceMesh: 192×192 face crop in, 468 landmarks and a face-presence score out. */
    FACE_LANDMARKS("face_landmark.tflite");

    private final String fileName;

    ModelFile(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }
}
