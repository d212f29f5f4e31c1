/**
 * The liveness rules, as pure logic over records: which actions exist, how each is recognised in
 * a stream of measured frames, the session's state machine (the far/near stage, the preparation,
 * the actions) and its error codes; and the passive check's rules: which frames get their texture
 * scored, the session's texture, flatness and perspective figures
 * ({@link org.livenesskiosk.liveness.PassiveCues}, {@code Perspective}) and the verdict they fuse to
 * ({@link org.livenesskiosk.liveness.PassiveVerdict}); the light challenge's colours
 * ({@code LightSequence}) and whether a face answered them ({@code LightCheck}) — numbers only, the networks run in
 * {@code vision}; and the console's "Check ID photo" ({@link org.livenesskiosk.liveness.IdCardCapture}: the card's
 * guide rectangle and, frame by frame, the one instruction its holder needs until the portrait is captured). It uses only the records {@code vision} hands out and its plain arithmetic on
 * landmarks ({@code PlanarFit}, {@code LeastSquares}); no OpenCV, JavaFX, HTTP, JDBC or file system (a rule tested by
 * {@code ArchitectureTest}). Time comes only from the frames' timestamps, so a recorded clip gives
 * the same answer at any speed.
 */
package org.livenesskiosk.liveness;
