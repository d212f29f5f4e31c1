/**
 * What {@code bench} measures: the vision pipeline against the Haar baseline on the same frames,
 * the liveness controller and preview hand-over on top, blinks against hand-checked labels, and
 * the upload round trip to a service on loopback, and many kiosks with their outboxes at once
 * against a service or a fleet ({@code LoadTest}, for {@code loadtest}). Returns figures; the
 * commands print them.
 */
package org.livenesskiosk.bench;
