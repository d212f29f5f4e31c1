package org.livenesskiosk.liveness;

/**
 * The kiosk's own reasons for ending a session, which the SDK's codes have no name for: reported
 * as {@link LivenessError#UNDEFINED} with the code first in the detail ({@code "KIOSK_DISK_FULL: …"}),
 * as the public contract has "the own code shown beside it", and explained to the operator in
 * their language (docs/kiosk.md).
 */
public enum KioskCode {
    /** The data disk cannot keep one more session's evidence until the service has it. */
    KIOSK_DISK_FULL,
    /** The data disk takes no writes at all. */
    KIOSK_DISK_READ_ONLY
}
