/**
 * The liveness rules, as pure logic: which actions exist and how each is recognised in a stream
 * of measured frames. No OpenCV, no JavaFX, no network here; time comes only from the frames'
 * timestamps, so a recorded clip gives the same answer at any speed.
 */
package org.livenesskiosk.liveness;
