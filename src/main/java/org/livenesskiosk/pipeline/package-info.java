/**
 * The frame pipeline of one session: each frame from {@code capture} measured once by
 * {@code vision}, fed to the {@code liveness} session, and kept as evidence when the session asks.
 * Runs on its caller's thread; used by the kiosk, {@code detect} and the service alike.
 */
package org.livenesskiosk.pipeline;
