/**
 * The kiosk's eyes: verified MediaPipe models find faces (BlazeFace) and their 468 landmarks
 * (FaceMesh), on TensorFlow Lite's XNNPACK kernels where that runtime ships and through OpenCV DNN
 * elsewhere ({@link org.livenesskiosk.vision.MediaPipeNetwork}); the per-face metrics every later
 * stage relies on; and the passive check's measurements: Minivision's MiniFASNet networks score a
 * face's texture ({@link org.livenesskiosk.vision.TextureScorer}, on the frames the liveness rules
 * pick), and {@link org.livenesskiosk.vision.PlanarFit} measures how far two views of a face are
 * from a plane. For the service's same-person and replay checks: a face's embedding
 * ({@link org.livenesskiosk.vision.FaceEmbedder}, MobileFaceNet) and its one-way fingerprint
 * ({@link org.livenesskiosk.vision.FaceFingerprint}), both of the face aligned on its landmarks. For the console's
 * "Check ID photo": an identity card's portrait, sharpness and glare inside the guide rectangle, and the portrait cut
 * out ({@link org.livenesskiosk.vision.CardMeter}).
 *
 * <p>Everything this package hands out ({@link org.livenesskiosk.vision.FrameAnalysis} and the
 * records in it) is plain immutable Java, so that the liveness rules never see a native
 * {@code Mat}. Native memory is released inside {@link org.livenesskiosk.vision.FrameAnalyzer#analyze}
 * before it returns. The analyser's two side threads (the regular face detection, the texture
 * scores) work on copies, and their results land on frames the frames alone decide, so the kiosk and
 * the service's re-run of its recording see the same. Uses nothing else of the project.
 */
package org.livenesskiosk.vision;
