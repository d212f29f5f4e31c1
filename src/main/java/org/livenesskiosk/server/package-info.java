/**
 * The reference liveness service: the open API the mobile SDK's provider documents (tokens,
 * licenses, signatureIds, results) and the kiosk-facing API (authorization, evidence upload),
 * over real HTTP, with storage in SQLite by default. It re-checks every upload with the same
 * vision code the kiosk runs, and scores it.
 */
package org.livenesskiosk.server;
