package org.livenesskiosk.vision;

/**
 * The two BlazeFace variants and the SSD anchor layout each was trained with (MediaPipe's
 * {@code SsdAnchorsCalculator} options with a fixed anchor size, so an anchor is only a centre).
 */
public enum DetectorModel {
    /** Strides 8, 16, 16, 16 with two anchors per layer: 16×16×2 + 8×8×6 = 896 anchors. */
    SHORT_RANGE(ModelFile.FACE_DETECTION_SHORT_RANGE, 128, new int[] {8, 16}, new int[] {2, 6}),
    /** One layer of stride 4 with one anchor per cell: 48×48 = 2304 anchors. */
    FULL_RANGE(ModelFile.FACE_DETECTION_FULL_RANGE, 192, new int[] {4}, new int[] {1});

    private final ModelFile modelFile;
    private final int inputSize;
    private final float[] anchorCenters;

    DetectorModel(ModelFile modelFile, int inputSize, int[] strides, int[] anchorsPerCell) {
        this.modelFile = modelFile;
        this.inputSize = inputSize;
        this.anchorCenters = anchorCenters(inputSize, strides, anchorsPerCell);
    }

    public ModelFile modelFile() {
        return modelFile;
    }

    public int inputSize() {
        return inputSize;
    }

    public int anchorCount() {
        return anchorCenters.length / 2;
    }

    /** Anchor centre x, normalised to the input square. */
    public float anchorX(int anchor) {
        return anchorCenters[2 * anchor];
    }

    /** Anchor centre y, normalised to the input square. */
    public float anchorY(int anchor) {
        return anchorCenters[2 * anchor + 1];
    }

    private static float[] anchorCenters(int inputSize, int[] strides, int[] anchorsPerCell) {
        int count = 0;
        for (int i = 0; i < strides.length; i++) {
            int cells = inputSize / strides[i];
            count += cells * cells * anchorsPerCell[i];
        }
        float[] centers = new float[2 * count];
        int n = 0;
        for (int i = 0; i < strides.length; i++) {
            int cells = inputSize / strides[i];
            for (int y = 0; y < cells; y++) {
                for (int x = 0; x < cells; x++) {
                    for (int a = 0; a < anchorsPerCell[i]; a++) {
                        centers[n++] = (x + 0.5f) / cells;
                        centers[n++] = (y + 0.5f) / cells;
                    }
                }
            }
        }
        return centers;
    }
}
