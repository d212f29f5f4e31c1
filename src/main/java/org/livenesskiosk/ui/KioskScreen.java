package org.livenesskiosk.ui;

/**
 * The customer's screens, in the order a session goes through them. WELCOME → DETECTION on Start;
 * DETECTION → VERIFYING when the customer is done; DETECTION or VERIFYING → RESULT when the
 * session ends; RESULT → DETECTION on Retry; RESULT → WELCOME on Done or when left idle.
 */
enum KioskScreen {
    WELCOME, DETECTION, VERIFYING, RESULT
}
