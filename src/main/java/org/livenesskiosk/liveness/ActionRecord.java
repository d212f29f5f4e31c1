package org.livenesskiosk.liveness;

/**
 * One action of a finished session.
 *
 * @param askedAtMs when the customer was asked for it
 * @param atMs      when it was seen complete
 */
public record ActionRecord(ActionType action, long askedAtMs, long atMs, long peakMs, double peakDeviation) {
}
