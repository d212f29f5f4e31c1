/**
 * The few cryptographic helpers everything else shares, on the JDK's own crypto: AES-256-GCM
 * for what waits on disk, SHA-256 as the service hashes secrets, Ed25519 with which a kiosk signs
 * its requests, and files and folders readable by their owner alone, files never half written;
 * Argon2id for people's passwords, the one thing taken from Bouncy Castle (the JDK has none).
 * Uses nothing of the project.
 */
package org.livenesskiosk.crypto;
