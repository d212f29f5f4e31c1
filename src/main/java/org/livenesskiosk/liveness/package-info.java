/**
 * The liveness rules, as pure logic over records: which actions exist, how each is recognised in
 * a stream of measured frames, the session's state machine (the far/near stage, the preparation,
 * the actions) and its error codes, and the far/near stage's perspective cue ({@code Perspective}). It uses only the
 * records {@code vision} hands out; no OpenCV, JavaFX, HTTP, JDBC or file system (a rule tested by
 * {@code ArchitectureTest}). Time comes only from the frames' timestamps, so a recorded clip gives
 * the same answer at any speed.
 */
package org.livenesskiosk.liveness;
