package org.livenesskiosk.liveness;

import java.util.Locale;
import java.util.Optional;

/**
 * The public error codes, exactly as {@code ERROR_CODES.md} names them (the mobile SDK's Android
 * names, so that integrators' back ends keep working). Their explanations and ways out, in all six
 * languages, are in the {@code i18n/} bundles.
 */
public enum LivenessError {
    // Decided on the kiosk.
    FACE_MISSING,
    ACTION_TIMEOUT,
    PREPARE_TIMEOUT,
    MULTIPLE_FACE,
    MUCH_MOTION,
    WEAK_LIGHT,
    STRONG_LIGHT,
    USER_GIVE_UP,
    DEVICE_NOT_SUPPORT,
    MODEL_ERROR,
    NO_UPLOAD_IMAGE,
    ALREADY_INIT,
    // Decided with the service.
    AUTH_BAD_NETWORK,
    CHECKING_BAD_NETWORK,
    NO_RESPONSE,
    AUTH_PARAMETER_ERROR,
    AUTH_IAM_FAILED,
    AUTH_TICKET_DISABLE,
    AUTH_ACCOUNT_ACCESS_DENIED,
    UNDEFINED;

    /** Reads a code as written in configuration or stored history, accepting the iOS SDK's spellings. */
    public static Optional<LivenessError> parse(String code) {
        String name = code.trim().toUpperCase(Locale.ROOT);
        return switch (name) {
            case "MUTI_FACE" -> Optional.of(MULTIPLE_FACE);
            case "MUCH_ACTION" -> Optional.of(MUCH_MOTION);
            default -> {
                try {
                    yield Optional.of(valueOf(name));
                } catch (IllegalArgumentException unknown) {
                    yield Optional.empty();
                }
            }
        };
    }
}
