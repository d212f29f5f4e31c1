package org.livenesskiosk.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The operator PIN's lock: after {@link #WRONG_PINS_ALLOWED} wrong PINs in a row, every PIN is
 * refused for {@link #LOCK}. The wrong PINs are kept with their times by the kiosk (owner-only, in
 * its data folder), so that restarting the kiosk does not give ten more tries a minute.
 *
 * @param failures the times of the wrong PINs since the last right one, oldest first (at most the last five)
 */
public record PinLock(List<Instant> failures) {

    public static final int WRONG_PINS_ALLOWED = 5;
    public static final Duration LOCK = Duration.ofSeconds(30);

    public PinLock {
        failures = List.copyOf(failures.subList(Math.max(0, failures.size() - WRONG_PINS_ALLOWED), failures.size()));
    }

    public static PinLock open() {
        return new PinLock(List.of());
    }

    /**
     * How much longer every PIN is refused, or empty when the prompt is open. A clock turned back
     * never lengthens the lock beyond {@link #LOCK}.
     */
    public Optional<Duration> lockedFor(Instant now) {
        if (failures.size() < WRONG_PINS_ALLOWED) {
            return Optional.empty();
        }
        Duration left = Duration.between(now, failures.get(failures.size() - 1).plus(LOCK));
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left.compareTo(LOCK) > 0 ? LOCK : left);
    }

    /** One more wrong PIN; a lock that has run out starts a new count. */
    public PinLock failed(Instant now) {
        List<Instant> counted = new ArrayList<>(failures.size() >= WRONG_PINS_ALLOWED && lockedFor(now).isEmpty() ? List.of()
                : failures);
        counted.add(now);
        return new PinLock(counted);
    }

    public PinLock succeeded() {
        return open();
    }
}
