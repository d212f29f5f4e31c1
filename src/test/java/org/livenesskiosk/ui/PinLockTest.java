package org.livenesskiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Five wrong PINs lock the prompt for 30 s, counted from the fifth; a right PIN or the lock's end starts afresh. */
class PinLockTest {

    private static final Instant START = Instant.parse("2026-11-29T10:00:00Z");

    private static PinLock wrong(int times) {
        PinLock lock = PinLock.open();
        for (int wrong = 0; wrong < times; wrong++) {
            lock = lock.failed(START.plusSeconds(wrong));
        }
        return lock;
    }

    @Test
    void fourWrongPinsLeaveThePromptOpenAndTheFifthLocksItForThirtySeconds() {
        Instant fifth = START.plusSeconds(4);
        assertEquals(Optional.empty(), wrong(4).lockedFor(fifth));
        assertEquals(Optional.of(PinLock.LOCK), wrong(5).lockedFor(fifth));
        assertEquals(Optional.of(Duration.ofMillis(1)), wrong(5).lockedFor(fifth.plus(PinLock.LOCK).minusMillis(1)));
        assertEquals(Optional.empty(), wrong(5).lockedFor(fifth.plus(PinLock.LOCK)));
    }

    @Test
    void afterTheLockOneWrongPinDoesNotLockAgain() {
        PinLock after = wrong(5).failed(START.plusSeconds(4).plus(PinLock.LOCK));
        assertEquals(1, after.failures().size());
        assertTrue(after.lockedFor(START.plusSeconds(40)).isEmpty());
    }

    @Test
    void aRightPinClearsTheCount() {
        assertEquals(Optional.empty(), wrong(4).succeeded().failed(START.plusSeconds(5)).lockedFor(START.plusSeconds(5)));
    }

    @Test
    void aClockTurnedBackNeverLengthensTheLock() {
        assertEquals(Optional.of(PinLock.LOCK), wrong(5).lockedFor(START.minus(Duration.ofDays(365))));
    }
}
