/**
 * The frame pipeline of one session: each frame from {@code capture} measured once by
 * {@code vision}, fed to the {@code liveness} session, and kept as evidence when the session asks.
 * Runs on its caller's thread; used by the kiosk, {@code detect} and the service alike. Also what
 * the light check reads of a frame ({@code SkinLight}): the skin's and the room's colours, for the
 * {@code liveness} rule that judges them.
 */
package org.livenesskiosk.pipeline;
