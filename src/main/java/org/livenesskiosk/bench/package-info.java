/**
 * What {@code bench} measures: the vision pipeline against the Haar baseline on the same frames,
 * the liveness controller and preview hand-over on top, blinks against hand-checked labels, and
 * the upload round trip to a service on loopback. Returns figures; the command prints them.
 */
package org.livenesskiosk.bench;
