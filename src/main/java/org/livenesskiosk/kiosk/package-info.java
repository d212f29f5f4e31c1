/**
 * The kiosk's runtime: the {@link org.livenesskiosk.kiosk.Kiosk} behind the screens, with its
 * threads (analysis, network, console camera), its link to the service (embedded or standalone),
 * its settings file, session history and recordings, the identity card's portrait the operator had
 * captured for the next session ({@code IdPhotoDesk}), where all of it lives on disk, and the lock
 * that keeps that folder to one kiosk process ({@code InstanceLock}). Wires
 * {@code ui} to {@code pipeline}, {@code service} and {@code server}; prints nothing.
 */
package org.livenesskiosk.kiosk;
