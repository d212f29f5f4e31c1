/**
 * The few cryptographic helpers everything else shares, on the JDK's own crypto only: AES-256-GCM
 * for what waits on disk, SHA-256 as the service hashes secrets, and files readable by their owner
 * alone and never half written. Uses nothing of the project.
 */
package org.livenesskiosk.crypto;
