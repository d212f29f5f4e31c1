/**
 * The wire contract between the kiosk and the liveness service, written once for both sides: the
 * route paths, header names, request and answer records, the answer's envelope, the token
 * signature rule and what a kiosk signs on each request ({@code RequestSignature}). The client ({@code service}) and the server ({@code server}) both use it and
 * never each other. Uses only {@code liveness} (for the challenge's terms) and {@code crypto}.
 */
package org.livenesskiosk.protocol;
