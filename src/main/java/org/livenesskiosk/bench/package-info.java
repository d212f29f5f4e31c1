/**
 * What {@code bench} measures: the vision pipeline against the Haar baseline on the same frames,
 * the liveness controller and preview hand-over on top, blinks against hand-checked labels, and
 * the upload round trip to a service on loopback, and many kiosks with their outboxes at once
 * against a service or a fleet ({@code LoadTest}, for {@code loadtest}), and a day of one kiosk's
 * traffic to one service with both processes' memory, threads and open files measured as it goes
 * ({@code Soak}, {@code ProcessProbe}, for {@code bench --soak}). Returns figures; the commands
 * print them.
 */
package org.livenesskiosk.bench;
