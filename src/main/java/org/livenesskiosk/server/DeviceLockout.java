package org.livenesskiosk.server;

import java.util.List;

/**
 * A device whose uploads failed {@link ServiceLimits#MAX_FAILURES} times within
 * {@link ServiceLimits#FAILURE_WINDOW_MS} is refused until the lock-out after the last of them has
 * passed: repeated attempts with a mask or a screen get nowhere fast.
 */
final class DeviceLockout {

    private final Store store;
    private final long lockoutMs;

    DeviceLockout(Store store, long lockoutMs) {
        this.store = store;
        this.lockoutMs = lockoutMs;
    }

    /** @throws ServiceException {@code DEVICE_LOCKED}, with the seconds left, while the device is locked out */
    void refuseIfLocked(String accountId, String deviceId, long now) {
        List<Long> failures = store.deviceFailuresSince(accountId, deviceId, now - ServiceLimits.FAILURE_WINDOW_MS - lockoutMs);
        for (int last = failures.size() - 1; last >= ServiceLimits.MAX_FAILURES - 1; last--) {
            long first = failures.get(last - ServiceLimits.MAX_FAILURES + 1);
            long lockedUntil = failures.get(last) + lockoutMs;
            if (failures.get(last) - first <= ServiceLimits.FAILURE_WINDOW_MS && now < lockedUntil) {
                throw new ServiceException("DEVICE_LOCKED", "Too many failed attempts on this kiosk; it may try again in "
                        + (lockedUntil - now + 999) / 1000 + " s");
            }
        }
    }

    void failed(String accountId, String deviceId, long now) {
        store.recordDeviceFailure(accountId, deviceId, now);
    }
}
