/**
 * The kiosk's client of the liveness service (OkHttp + Gson): the mobile SDK's calls in Java,
 * with every failure mapped to the public error codes, and any code the kiosk does not know passed
 * through as it came; the kiosk's {@code DeviceIdentity} (its Ed25519 key, with which every kiosk
 * call is signed, and the ids services gave it at enrolment); the encrypted outbox that keeps a
 * session's evidence until it is delivered. Speaks {@code protocol}; never uses the server.
 */
package org.livenesskiosk.service;
